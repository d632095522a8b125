import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


def update_loaded_checks(sender, using="default", **kwargs):
    """After `migrate`, brings the knowledge checks the loader made up to date with their files
    (new questions and rules as a new revision), so content changes reach sites that loaded the
    content before. Checks an editor changed are left alone and listed in the log."""
    from .loader import load_quizzes
    from .models import Quiz

    if using != "default" or not Quiz.objects.exists():
        return
    report = load_quizzes(create=False)
    for title in report.updated:
        logger.info("Knowledge check updated from its file: %s", title)
    for title in report.edited:
        logger.warning("Knowledge check changed by an editor, so not updated: %s", title)


class QuizzesConfig(AppConfig):
    name = "modules.quizzes"
    label = "quizzes"
    verbose_name = "Knowledge checks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(update_loaded_checks, sender=self)

from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Boards and members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from django.db.backends.signals import connection_created

        from . import checks, fragments, receivers  # noqa: F401 (registers checks; connects the role stamp's signal handlers)

        if settings.BOARDREADY_FRAGMENTS:
            connection_created.connect(fragments.install, dispatch_uid="boardready_fragments")

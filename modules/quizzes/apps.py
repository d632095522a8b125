from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "modules.quizzes"
    label = "quizzes"
    verbose_name = "Knowledge checks"
    default_auto_field = "django.db.models.BigAutoField"

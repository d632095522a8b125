from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Boards and members"
    default_auto_field = "django.db.models.BigAutoField"

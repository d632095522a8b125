from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "learning.development"
    label = "development"
    verbose_name = "Board development sessions"
    default_auto_field = "django.db.models.BigAutoField"

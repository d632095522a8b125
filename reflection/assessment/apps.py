from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "reflection.assessment"
    label = "assessment"
    verbose_name = "Self-assessment"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "reflection.plans"
    label = "plans"
    verbose_name = "Development plans"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "learning.dashboard"
    label = "dashboard"
    verbose_name = "Chair's dashboard and board paper"
    default_auto_field = "django.db.models.BigAutoField"

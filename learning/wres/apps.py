from django.apps import AppConfig


class WresConfig(AppConfig):
    name = "learning.wres"
    label = "wres"
    verbose_name = "Workforce Race Equality Standard"
    default_auto_field = "django.db.models.BigAutoField"

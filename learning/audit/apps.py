from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "learning.audit"
    label = "audit"
    verbose_name = "Audit log"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401 (connects the signal receivers)

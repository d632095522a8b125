from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "reflection.journal"
    label = "journal"
    verbose_name = "Reflection journal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the journal key check)

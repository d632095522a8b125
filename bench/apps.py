from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The performance benchmark's two baselines and its runner (`make bench`).

    Installed by the test and benchmark settings only: production never has these pages.
    """

    name = "bench"
    verbose_name = "Benchmark"
    default_auto_field = "django.db.models.BigAutoField"

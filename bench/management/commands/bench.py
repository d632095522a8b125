"""`manage.py bench`: the performance benchmark (see bench/runner.py and the README)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import setup_databases, teardown_databases

from bench import dataset, runner


class Command(BaseCommand):
    help = "Times BoardReady's pages at three dataset sizes and checks the performance targets."

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=200, help="timed requests per page (default 200)"
        )
        parser.add_argument(
            "--largest",
            type=int,
            default=dataset.STAGES[-1][1],
            help="trusts in the largest dataset (default 210)",
        )
        parser.add_argument(
            "--output",
            default="var/bench/latest.json",
            help="where to write the figures as JSON (relative to the project)",
        )

    def handle(self, *args, requests, largest, output, **options):
        if requests < 1:
            raise CommandError("--requests must be at least 1.")
        stages = [(name, trusts) for name, trusts in dataset.STAGES if trusts < largest]
        stages.append((f"{largest} trusts" if largest > 1 else "one board", largest))
        # No setup_test_environment(): its template instrumentation (for the test client's
        # `response.templates`) would slow every page in a way production never sees.
        databases = setup_databases(verbosity=0, interactive=False)
        try:
            report = runner.run(requests=requests, stages=stages, log=self.stdout.write)
        finally:
            teardown_databases(databases, verbosity=0)
        path = settings.BASE_DIR / Path(output)
        runner.save(report, path)
        text = "\n\n".join(
            [
                f"{report.machine}; {report.database}; {report.requests} requests a page; "
                f"{report.started}; times are "
                + (
                    "CPU time of the benchmark process"
                    if report.database == "sqlite"
                    else "wall-clock"
                ),
                runner.table(report),
                runner.targets_table(report),
            ]
        )
        path.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
        self.stdout.write("\n" + text)
        self.stdout.write(
            f"\nTook {report.seconds:.0f} s; figures written to {output} and "
            f"{Path(output).with_suffix('.md')}."
        )
        if not report.met:
            raise CommandError("A performance target was missed (marked **no** above).")

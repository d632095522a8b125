"""`manage.py bench`: the performance benchmark (see bench/runner.py and the README)."""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
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
            "--repeat",
            type=int,
            default=1,
            help="run the whole benchmark this many times and report each target's spread",
        )
        parser.add_argument(
            "--profile",
            metavar="PAGE",
            help='instead of the benchmark, profile one page ("module page", "home", …) on the '
            "one-board dataset and print its most expensive steps",
        )
        parser.add_argument(
            "--output",
            default="var/bench/latest.json",
            help="where to write the figures as JSON (relative to the project)",
        )

    def handle(self, *args, requests, largest, repeat, output, profile, **options):
        if requests < 1:
            raise CommandError("--requests must be at least 1.")
        if profile:
            return self._profile(profile, requests)
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        stages = [(name, trusts) for name, trusts in dataset.STAGES if trusts < largest]
        stages.append((f"{largest} trusts" if largest > 1 else "one board", largest))
        path = settings.BASE_DIR / Path(output)
        reports, texts = [], []
        for number in range(1, repeat + 1):
            if repeat > 1:
                self.stdout.write(f"Run {number} of {repeat}")
            report = self._run_once(requests, stages)
            reports.append(report)
            saved = path if repeat == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
            runner.save(report, saved)
            texts.append(self._describe(report, heading=f"Run {number}" if repeat > 1 else ""))
        met = all(report.met for report in reports)
        if repeat > 1:
            table, met = runner.repeat_table(reports)
            texts.append(
                f"## {repeat} runs\n\nEach target in every run; a ratio's spread is "
                f"(highest − lowest) ÷ median, at most {runner.SPREAD}.\n\n{table}"
            )
        text = "\n\n".join(texts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
        self.stdout.write("\n" + text)
        seconds = sum(report.seconds for report in reports)
        self.stdout.write(
            f"\nTook {seconds:.0f} s; figures written to {Path(output).with_suffix('.md')} "
            "and the JSON beside it."
        )
        if not met:
            raise CommandError("A performance target was missed (marked **no** above).")

    def _profile(self, name, requests):
        from django.test.utils import override_settings

        from bench.pages import BASELINES, PAGES
        from bench.profile import profile_page, profile_table

        if name not in {page.name for page in BASELINES + PAGES}:
            names = ", ".join(page.name for page in BASELINES + PAGES)
            raise CommandError(f"No page called {name!r}; the pages are: {names}.")
        cache.clear()  # every run starts as the first does, from an empty cache
        databases = setup_databases(verbosity=0, interactive=False)
        try:
            with override_settings(ROOT_URLCONF="bench.urls"):
                ms, steps = profile_page(name, requests=min(requests, 100), top=12)
        finally:
            teardown_databases(databases, verbosity=0)
        self.stdout.write(profile_table(name, ms, steps))

    def _run_once(self, requests, stages):
        # No setup_test_environment(): its template instrumentation (for the test client's
        # `response.templates`) would slow every page in a way production never sees.
        cache.clear()  # every run starts as the first does, from an empty cache
        databases = setup_databases(verbosity=0, interactive=False)
        try:
            return runner.run(requests=requests, stages=stages, log=self.stdout.write)
        finally:
            teardown_databases(databases, verbosity=0)

    def _describe(self, report, *, heading=""):
        times = "CPU time of the benchmark process" if report.database == "sqlite" else "wall-clock"
        parts = [
            f"{report.machine}; {report.database}; {report.requests} requests a page; "
            f"{report.started}; times are {times}",
            runner.table(report),
            runner.targets_table(report),
        ]
        if heading:
            parts.insert(0, f"## {heading}")
        return "\n\n".join(parts)

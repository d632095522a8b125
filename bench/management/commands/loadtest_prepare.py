"""`manage.py loadtest_prepare`: the load test's dataset and signed-in people (see
bench/loadtest/prepare.py). `make loadtest` runs it against a database made for the run."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.loadtest import prepare


class Command(BaseCommand):
    help = "Builds the load test's dataset and writes its people's sessions and URLs as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=50, help="members (default 50)")
        parser.add_argument("--chairs", type=int, default=25, help="chairs (default 25)")
        parser.add_argument(
            "--output",
            default=str(settings.BASE_DIR / "var" / "loadtest" / "plan.json"),
            help="where to write the plan",
        )

    def handle(self, *args, members, chairs, output, **options):
        if members < 1 or chairs < 1:
            raise CommandError("--members and --chairs must be at least 1.")
        if settings.DATABASES["default"]["NAME"] != prepare.DATABASE:
            raise CommandError(f"Run this only against the {prepare.DATABASE} database.")
        payload = prepare.plan(members=members, chairs=chairs, log=self.stdout.write)
        prepare.write(payload, Path(output))
        self.stdout.write(f"Plan for {members} members and {chairs} chairs written to {output}.")

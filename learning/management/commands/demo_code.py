"""Prints the current second-factor code of a demo chair, facilitator or editor."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.demo import demo_code


class Command(BaseCommand):
    help = "Print the current authenticator code for a demo account (never in production)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if getattr(settings, "BOARDREADY_ENVIRONMENT", "") == "production":
            raise CommandError("demo_code refuses to run under production settings.")
        try:
            self.stdout.write(demo_code(email))
        except Exception as error:  # noqa: BLE001 (any lookup failure means the same to a user)
            raise CommandError(f"{email} has no demo authenticator.") from error

"""Brings loaded knowledge checks up to date with modules/content/quizzes: new questions and
rules, as a new published revision. Checks an editor has changed are left alone and listed.
`migrate` runs this after every migration (see apps.py); it is safe to run at any time."""

from django.core.management.base import BaseCommand

from modules.quizzes.loader import load_quizzes


class Command(BaseCommand):
    help = "Add new questions and rules from the content files to loaded knowledge checks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--create",
            action="store_true",
            help="Also create the checks of modules that have none (as seed_demo does).",
        )

    def handle(self, *args, create=False, **options):
        report = load_quizzes(create=create)
        for title in report.created:
            self.stdout.write(f"Created: {title}")
        for title in report.updated:
            self.stdout.write(f"Updated (new revision): {title}")
        for title in report.edited:
            self.stdout.write(f"Left alone, changed by an editor since it was loaded: {title}")
        if not (report.created or report.updated or report.edited):
            self.stdout.write("Every knowledge check is up to date.")

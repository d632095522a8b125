"""`manage.py restore FILE --confirm`: puts a backup back over the database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning import fragments
from learning.audit.backup import BackupError, restore_database


class Command(BaseCommand):
    help = "Restores a backup made by `manage.py backup`, replacing what the database holds."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--confirm", action="store_true", help="Really replace the database.")

    def handle(self, *args, file, confirm, **options):
        if not confirm:
            raise CommandError("This replaces everything in the database. Add --confirm.")
        try:
            restore_database(source=Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        # The database changed underneath the cache: no page fragment kept before is served.
        fragments.forget_everything()
        self.stdout.write(self.style.SUCCESS(f"Restored {file}"))

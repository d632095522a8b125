"""`manage.py backup [--output FILE]`: a backup of the database (see learning/audit/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from learning.audit.backup import BackupError, backup_database, backup_suffix


class Command(BaseCommand):
    help = "Backs up the database: an SQLite copy or a pg_dump custom-format file."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="File to write (default: backups/<time stamp>).")

    def handle(self, *args, output=None, **options):
        if output is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.BASE_DIR) / "backups" / f"boardready-{stamp}{backup_suffix()}"
        try:
            path = backup_database(output=Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path}"))

"""`manage.py prune_security_records [--dry-run]`: applies the retention rules. Deletes audit
entries past their retention period, erases accounts that have had no board seat for the
configured period (through erase_person), and deletes records of sessions that have ended and
sign-in failures whose pause has passed. Run it daily from cron after `clearsessions`."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.audit.models import UserSession
from learning.audit.personal_data import person_erase
from learning.audit.retention import (
    accounts_past_retention,
    audit_cutoff,
    audit_events_past_retention,
    seatless_cutoff,
)


class Command(BaseCommand):
    help = (
        "Deletes audit entries older than BOARDREADY_AUDIT_RETENTION_DAYS, erases accounts "
        "without a board seat for BOARDREADY_SEATLESS_ACCOUNT_DAYS, and removes stale sessions "
        "and sign-in failures."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be deleted or erased, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        accounts = list(accounts_past_retention(now))
        events = audit_events_past_retention(now)
        live = Session.objects.filter(expire_date__gt=now).values("session_key")
        sessions = UserSession.objects.exclude(session_key__in=live)
        failures = AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME)
        if dry_run:
            self._report(now, accounts, events.count(), sessions.count(), failures.count())
            return
        # Erase first: each erasure writes an audit entry, which the pruning below keeps.
        for user in accounts:
            person_erase(user=user)
        deleted_events, _ = events.delete()
        deleted_sessions, _ = sessions.delete()
        deleted_failures, _ = failures.delete()
        self.stdout.write(
            f"Erased {len(accounts)} accounts without a board seat since before "
            f"{seatless_cutoff(now):%Y-%m-%d}. Deleted {deleted_events} audit entries, "
            f"{deleted_sessions} ended sessions and {deleted_failures} old sign-in failure "
            "records."
        )

    def _report(self, now, accounts, events, sessions, failures):
        self.stdout.write("Dry run: nothing has been changed.")
        self.stdout.write(
            f"Would erase {len(accounts)} accounts without a board seat since before "
            f"{seatless_cutoff(now):%Y-%m-%d}:"
        )
        for user in accounts:
            self.stdout.write(f"  {user.email} (no seat since {user.seatless_since:%Y-%m-%d})")
        self.stdout.write(
            f"Would delete {events} audit entries from before {audit_cutoff(now):%Y-%m-%d}, "
            f"{sessions} ended sessions and {failures} old sign-in failure records."
        )

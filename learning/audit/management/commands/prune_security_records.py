"""`manage.py prune_security_records`: deletes audit entries past their retention period,
records of sessions that have ended and sign-in failures whose pause has passed. Run it daily
from cron after `clearsessions`."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.audit.models import AuditEvent, UserSession


class Command(BaseCommand):
    help = "Deletes audit entries older than BOARDREADY_AUDIT_RETENTION_DAYS and stale sessions."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.BOARDREADY_AUDIT_RETENTION_DAYS)
        events, _ = AuditEvent.objects.filter(at__lt=cutoff).delete()
        live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
        sessions, _ = UserSession.objects.exclude(session_key__in=live).delete()
        passed = timezone.now() - settings.AXES_COOLOFF_TIME
        failures, _ = AccessAttempt.objects.filter(attempt_time__lt=passed).delete()
        self.stdout.write(
            f"Deleted {events} audit entries, {sessions} ended sessions and "
            f"{failures} old sign-in failure records."
        )

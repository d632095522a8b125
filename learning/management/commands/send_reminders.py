"""Sends every reminder that is due, from every area. Run it from cron (see the README).

Each area registers a function on the REMINDERS hook (learning.extension_points) returning a
`Reminder`, whose `send(now) -> int` gives the number of emails it sent or queued. Each keeps
its own record of what it has sent, so running this command twice, or every few minutes, never
sends the same reminder twice.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.extension_points import reminders


class Command(BaseCommand):
    help = "Send due reminder emails (safe to run as often as you like)."

    def handle(self, *args, **options):
        now = timezone.now()
        total = 0
        for reminder in reminders():
            total += int(reminder.send(now) or 0)
        self.stdout.write(f"Reminders sent: {total}")

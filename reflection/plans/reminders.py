"""Reminder emails for commitments, milestones and board actions.

Anything open that is due within 7 days, or overdue, gets one email to its owner. Each email
has a `SentReminder` row keyed on kind, object and due date, so `manage.py send_reminders`
never sends the same reminder twice; moving the due date earns one new reminder.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from .kinds import PLAN_ITEM_KINDS
from .models import SentReminder
from .tasks import send_plan_reminder

WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Due:
    kind: str
    object_id: int
    due_date: date
    recipient_id: int


def due_items(today: date) -> list[Due]:
    """Everything open that falls due by a week from today, with who to remind (one query a
    kind of plan item)."""
    horizon = today + WINDOW
    return [
        Due(kind.key, pk, due, user)
        for kind in PLAN_ITEM_KINDS.values()
        for pk, due, user in kind.due_by(horizon)
    ]


def plan_reminders_send(now: datetime) -> int:
    """Queues one email for each due item not reminded about before; returns how many."""
    today = timezone.localdate(now)
    items = due_items(today)
    if not items:
        return 0
    already = set(
        SentReminder.objects.filter(
            kind__in={item.kind for item in items},
            object_id__in={item.object_id for item in items},
        ).values_list("kind", "object_id", "due_date")
    )
    sent = 0
    for item in items:
        if (item.kind, item.object_id, item.due_date) in already:
            continue
        try:
            with transaction.atomic():
                reminder = SentReminder.objects.create(
                    kind=item.kind,
                    object_id=item.object_id,
                    due_date=item.due_date,
                    recipient_id=item.recipient_id,
                )
                transaction.on_commit(partial(_enqueue_reminder, reminder.pk))
        except IntegrityError:  # another run made it first
            continue
        sent += 1
    return sent


def _enqueue_reminder(pk: int) -> None:
    send_plan_reminder.enqueue(reminder_id=pk)

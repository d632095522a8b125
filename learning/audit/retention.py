"""What the retention rules remove (see the README's Retention table), worked out in one place
so `prune_security_records` and its dry run agree.

- Audit entries older than BOARDREADY_AUDIT_RETENTION_DAYS (two years).
- Accounts whose last board seat ended more than BOARDREADY_SEATLESS_ACCOUNT_DAYS ago (a
  year), erased through `person_erase` like an erasure on request. Staff, superusers and anyone
  in a group or with a permission of their own (content editors, moderators) are never erased
  this way: their accounts are not kept for a board seat.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEvent

if TYPE_CHECKING:
    from learning.models import User


def audit_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.BOARDREADY_AUDIT_RETENTION_DAYS)


def seatless_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.BOARDREADY_SEATLESS_ACCOUNT_DAYS)


def audit_events_past_retention(now: datetime | None = None) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(at__lt=audit_cutoff(now))


def accounts_past_retention(now: datetime | None = None) -> "QuerySet[User]":
    """People with no active seat since before the cutoff, oldest first."""
    return (
        get_user_model()
        .objects.filter(seatless_since__lt=seatless_cutoff(now))
        .exclude(memberships__is_active=True)
        .filter(is_staff=False, is_superuser=False, groups=None, user_permissions=None)
        .order_by("seatless_since", "pk")
    )

"""Which automatic emails a person gets: one table of the kinds they can turn off.

Automatic emails (reading or plans due soon, overdue, a self-assessment round opening) are on
unless the person turns them off on "Your account"; each says how. A facilitator's own
reminder, invitations and security emails are not listed here, so they always arrive.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import EmailOptOut

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class EmailKind:
    key: str
    label: "StrOrPromise"
    hint: "StrOrPromise"


DUE_SOON = "due_soon"
OVERDUE = "overdue"
ROUND_OPENED = "round_opened"

KINDS = (
    EmailKind(
        DUE_SOON,
        _("Due soon"),
        _("Reading, commitments and milestones that are due in the next few days."),
    ),
    EmailKind(OVERDUE, _("Overdue"), _("Reading, commitments and milestones past their date.")),
    EmailKind(
        ROUND_OPENED,
        _("Self-assessment round opened"),
        _("When your facilitator's round opens for answers."),
    ),
)
KEYS = frozenset(kind.key for kind in KINDS)


def opted_out(kind: str):
    """User ids of everyone who has turned `kind` off, for `.exclude(user__in=...)`."""
    if kind not in KEYS:
        raise ValueError(f"{kind!r} is not an email people can turn off.")
    return EmailOptOut.objects.filter(kind=kind).values("user_id")


def turned_off_by(user_ids) -> dict[int, set[str]]:
    """User id → the kinds they have turned off, for people in `user_ids` (one query)."""
    off: dict[int, set[str]] = {}
    for user_id, kind in EmailOptOut.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "kind"
    ):
        off.setdefault(user_id, set()).add(kind)
    return off


def kinds_on(user) -> set[str]:
    return set(KEYS) - set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))


@transaction.atomic
def email_choices_save(*, user, on: set[str]) -> None:
    """Keeps exactly the chosen kinds on. Saving the same choices twice changes nothing."""
    unknown = set(on) - KEYS
    if unknown:
        raise ValueError(f"Unknown email kinds: {sorted(unknown)}")
    EmailOptOut.objects.filter(user=user, kind__in=on).delete()
    for key in KEYS - set(on):
        EmailOptOut.objects.get_or_create(user=user, kind=key)


def choices_url() -> str:
    """The absolute address of the page where a person changes these, for emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_emails")

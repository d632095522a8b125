"""The privacy rules every area uses, in one place.

- The minimum group: an aggregate figure is shown only when at least `minimum_group()` people
  stand behind that figure (its own count, not the page's). This module is the only reader of
  `settings.BOARDREADY_MIN_GROUP`; a test fails if anything else reads it.
- The withheld wording: pages, the board paper and the CSV exports say a figure is withheld
  in the same words (`withheld()`, and `withheld_reason()` for the sentence that explains it).
- The audit of reading another person's data: access helpers that hand one person's data to
  someone else call `record_viewed`, so no view has to remember to.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _

from learning.audit.services import audit_record_viewed

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from learning.models import User

FLOOR = 3  # whatever the settings say, no figure ever stands on fewer people than this


def minimum_group() -> int:
    """The smallest group whose aggregate is shown; never below 3."""
    return max(FLOOR, int(settings.BOARDREADY_MIN_GROUP))


def group_is_shown(count: int, *, minimum: int | None = None) -> bool:
    """Whether a figure that `count` people stand behind may be shown.

    `minimum` is for pure computations that are handed the threshold (scoring); it is still
    held to the floor of 3."""
    threshold = minimum_group() if minimum is None else max(FLOOR, minimum)
    return count >= threshold


def withheld(minimum: int | None = None) -> str:
    """What a table cell, chart label or CSV cell says in place of a withheld figure."""
    return _("Fewer than %(minimum)s answered") % {"minimum": minimum or minimum_group()}


def withheld_reason(minimum: int | None = None) -> str:
    """The sentence that says why figures are withheld."""
    return _(
        "To protect everyone's privacy, we show a figure only when at least %(minimum)s "
        "members have answered."
    ) % {"minimum": minimum or minimum_group()}


def record_viewed(
    *,
    viewer: "User | AnonymousUser",
    owner: "User",
    target: models.Model | str | None,
    request: HttpRequest | None = None,
) -> None:
    """Writes "viewed another person's data" to the audit log, unless `viewer` is `owner`.

    Called by the access helpers that fetch one person's data for someone else: `owner` is
    the person the data belongs to, `target` the record read (stored as a reference only)."""
    record_views(viewer=viewer, views=[(owner, target)], request=request)


def record_views(
    *,
    viewer: "User | AnonymousUser",
    views: "Iterable[tuple[User, models.Model | str | None]]",
    request: HttpRequest | None = None,
) -> None:
    """`record_viewed` for a listing: one event per (owner, record), written in one query."""
    if not getattr(viewer, "is_authenticated", False):
        return
    others = [(owner, target) for owner, target in views if owner.pk != viewer.pk]
    if others:
        audit_record_viewed(actor=viewer, views=others, request=request)

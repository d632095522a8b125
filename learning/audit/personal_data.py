"""Everything BoardReady holds about a person, gathered from every area, and erasure.

Each area registers, on the PERSONAL_DATA hook of `learning.extension_points`, a function
`fn(user) -> PersonalData(key, {"section name": data})` decorated with `@covers("app.Model",
...)`, naming every model of theirs that links to a user. `tests/security/test_personal_data.py`
fails when a model with a link to the user model is covered by no exporter.

Areas that must keep something when a person is erased (anonymised answers that closed
rounds' aggregates rely on) register on ERASE_PERSON a function returning an `Eraser`, whose
`erase(user)` runs before the account is deleted.
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import models, transaction
from django.utils import timezone
from wagtail import hooks

from learning.extension_points import PERSONAL_DATA, erasers, personal_data

from .models import AuditEvent
from .services import audit_record, sessions_end_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from learning.models import User

# What the export gathers: {"section name": data ready for JSON}.
Sections = dict[str, Any]
F = TypeVar("F", bound=Callable[..., Any])

# Apps whose links to users are editorial records of the content team, not data about board
# members: page ownership and locks, revisions, log entries, comments, uploads, editing
# sessions, admin preferences. They are left out of the export and the coverage test.
INTERNAL_APP_PREFIXES = ("wagtail",)


def covers(*labels: str) -> Callable[[F], F]:
    """Marks an exporter with the models ("app_label.ModelName") whose rows it exports."""

    def mark(fn: F) -> F:
        fn.__dict__["covers"] = tuple(labels)
        return fn

    return mark


def exporters() -> list[Callable[["User"], object]]:
    return list(hooks.get_hooks(PERSONAL_DATA))


def covered_labels() -> set[str]:
    return {label for fn in exporters() for label in getattr(fn, "covers", ())}


def export_value(value: object) -> object:
    if isinstance(value, models.Model):
        return str(value)
    return value


def export_rows(
    queryset: Iterable[models.Model], *, exclude: Iterable[str] = ()
) -> list[dict[str, object]]:
    """Rows as dictionaries of their own fields (links shown by name), for an exporter."""
    skip = set(exclude)
    rows = []
    for obj in queryset:
        row: dict[str, object] = {}
        for field in obj._meta.concrete_fields:
            if field.name in skip:
                continue
            if field.is_relation:
                row[field.name] = export_value(getattr(obj, field.name))
            else:
                row[field.name] = field.value_from_object(obj)
        rows.append(row)
    return rows


def personal_data_for(user: "User") -> Sections:
    """Everything held about `user`, section by section, ready for JSON."""
    sections: Sections = {}
    for part in personal_data(user):
        sections.update(part.sections)
    return {
        "about": "Everything BoardReady holds about you.",
        "person": user.email,
        "generated_at": timezone.now().isoformat(),
        "sections": sections,
    }


@transaction.atomic
def person_erase(
    *,
    user: "User",
    actor: "User | AnonymousUser | None" = None,
    request: "HttpRequest | None" = None,
) -> None:
    """Erases a person: each area's erase hooks run, then their sessions, sign-in records and
    account (and with it, through the database, every row that belongs to them) are deleted.
    Audit entries that named them stay, with the name removed."""
    for eraser in erasers():
        eraser.erase(user)
    sessions_end_for_user(user=user)
    email = user.email.lower()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
    from learning.invitations.models import Invitation

    Invitation.objects.filter(email__iexact=email).delete()
    target = f"learning.user:{user.pk}"
    user.delete()
    audit_record(
        actor=actor, action=AuditEvent.Action.PERSON_ERASED, target=target, request=request
    )

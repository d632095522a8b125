"""Writes to the audit log and to the list of open sessions.

Other areas call `audit_record` whenever one person views another's personal data, and on
every export or PDF download. It stores who, what kind of event, whose data and which record;
never the data itself.
"""

from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest

from learning.security import client_ip

from .models import AuditEvent, UserSession

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from learning.models import User


def _target_label(target: object) -> str:
    if target is None:
        return ""
    if isinstance(target, models.Model):
        return f"{target._meta.label_lower}:{target.pk}"
    return str(target)[:200]


def _person(user: "User | AnonymousUser | None") -> "User | None":
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return cast("User", user)  # signed in, so not AnonymousUser


def audit_record(
    *,
    actor: "User | AnonymousUser | None",
    action: str,
    subject_user: "User | None" = None,
    target: models.Model | str | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Adds one event to the audit log.

    `actor` is who did it (None or anonymous for someone not signed in); `action` is one of
    `AuditEvent.Action`; `subject_user` is the person whose data it concerns; `target` is the
    record (a model instance, stored as "app.model:pk") or a short label such as a URL name.
    Never pass free text, answers or scores.
    """
    event = AuditEvent(
        actor=_person(actor),
        action=action,
        subject_user=_person(subject_user),
        target=_target_label(target),
        ip_address=client_ip(request) or None if request is not None else None,
    )
    event.full_clean()
    event.save()
    return event


def audit_record_viewed(
    *,
    actor: "User | AnonymousUser | None",
    views: "Iterable[tuple[User, models.Model | str | None]]",
    request: HttpRequest | None = None,
) -> int:
    """Adds one "viewed another person's data" event per (person, record) in `views`, in one
    query, so a listing of several people's data costs the same whatever its length.

    Callers (learning.privacy.record_viewed) leave out the actor's own data."""
    ip_address = (client_ip(request) or None) if request is not None else None
    events = [
        AuditEvent(
            actor=_person(actor),
            action=AuditEvent.Action.PERSONAL_DATA_VIEWED,
            subject_user=owner,
            target=_target_label(target),
            ip_address=ip_address,
        )
        for owner, target in views
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def session_track(*, user: "User", session_key: str) -> None:
    """Remembers that `user` is signed in with `session_key` (idempotent)."""
    if session_key:
        UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def session_forget(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def sessions_end_for_user(
    *, user: "User", request: HttpRequest | None = None, keep: str | None = None
) -> int:
    """Deletes every server-side session `user` has open, except the one keyed `keep`;
    returns how many were ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    others = UserSession.objects.filter(user=user).exclude(session_key=keep or "")
    keys = list(others.values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(user=user, session_key__in=keys).delete()
    if keys:
        audit_record(
            actor=getattr(request, "user", None),
            action=AuditEvent.Action.SESSIONS_ENDED,
            subject_user=user,
            request=request,
        )
    return len(keys)

"""Writes for sessions, pre-reading, reminders, attendance and readiness.

Each service is keyword-only, atomic, checks with `full_clean()` and is safe to call twice.
"""

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import Board, User
from modules.models import ModulePage

from .emails import absolute_url, module_url, notification_queue
from .models import (
    Assignment,
    Attendance,
    DevelopmentSession,
    DigestOptOut,
    Notification,
    ReadinessSnapshot,
    due_date_problem,
    session_date_problem,
)
from .selectors import board_members, ready_count, session_grid

SESSION_FIELDS = ("title", "starts_at", "duration_minutes", "location", "online_link", "agenda")
# Changes to these tell members by email; any change to SESSION_FIELDS updates the calendar file.
WHEN_AND_WHERE = ("starts_at", "duration_minutes", "location", "online_link")
MANUAL_REMINDER_GAP = timedelta(hours=24)
REMINDER_MESSAGE_MAX = 500  # forms.ReminderForm says the same to the facilitator


@transaction.atomic
def session_create(
    *,
    board: Board,
    title: str,
    starts_at: datetime,
    duration_minutes: int = 120,
    location: str = "",
    online_link: str = "",
    agenda: str = "",
    created_by: User | None = None,
) -> DevelopmentSession:
    """Plans a development session for a board."""
    session = DevelopmentSession(
        board=board,
        title=title,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location,
        online_link=online_link,
        agenda=agenda,
        created_by=created_by,
    )
    session.full_clean()
    problem = session_date_problem(starts_at)
    if problem:
        raise ValidationError({"starts_at": problem})
    session.save()
    return session


@transaction.atomic
def session_update(
    *, session: DevelopmentSession, changed_by: User | None = None, **changes: Any
) -> DevelopmentSession:
    """Changes a session's details. Pre-reading may not end up due after the session.

    A change members' calendars show raises the sequence; a new time or place emails each member
    with the updated calendar file (once per sequence, so a double submit sends nothing more).
    """
    session = DevelopmentSession.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled:
        raise ValidationError(_("This session has been cancelled, so it cannot be changed."))
    before = {name: getattr(session, name) for name in SESSION_FIELDS}
    for name in SESSION_FIELDS:
        if name in changes:
            setattr(session, name, changes[name])
    session.full_clean()
    if session.starts_at != before["starts_at"]:
        problem = session_date_problem(session.starts_at)
        if problem:
            raise ValidationError({"starts_at": problem})
    due_dates = session.assignments.values_list("due_date", flat=True)
    if any(due_date_problem(due_date, session.starts_at) for due_date in due_dates):
        raise ValidationError(
            {"starts_at": _("Some reading is due after this date. Change those due dates first.")}
        )
    changed = {name for name in SESSION_FIELDS if getattr(session, name) != before[name]}
    if changed:
        session.sequence += 1
    session.save()
    if changed & set(WHEN_AND_WHERE) and not session.has_started():
        _tell_members(
            session=session,
            kind=Notification.Kind.SESSION_MOVED,
            subject=_("Changed: %(title)s") % {"title": session.title},
            sent_by=changed_by,
            before=before,
        )
    return session


def _tell_members(
    *, session: DevelopmentSession, kind: str, subject: str, sent_by: User | None, **extra: Any
) -> None:
    """Emails each member about a change to the session, with its calendar file attached."""
    session = DevelopmentSession.objects.select_related("board__organisation").get(pk=session.pk)
    for membership in board_members(session.board):
        notification_queue(
            kind=kind,
            key=f"{kind}:{session.pk}:{session.sequence}:{membership.user_id}",
            to=membership.user.email,
            subject=subject,
            template=kind,
            context={
                "person": membership.user,
                "session": session,
                "sent_by": sent_by,
                "calendar_url": absolute_url(
                    reverse("development:session_calendar", args=[session.pk])
                ),
                "home_url": absolute_url(reverse("member_home")),
                **extra,
            },
            recipient=membership.user,
            session=session,
        )


@transaction.atomic
def session_cancel(
    *, session: DevelopmentSession, cancelled_by: User | None = None
) -> DevelopmentSession:
    """Marks a session cancelled (it stays listed) and emails members a cancelling calendar file.

    Cancelling twice changes nothing and sends nothing more.
    """
    session = DevelopmentSession.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled:
        return session
    if session.has_started():
        raise ValidationError(_("This session has started, so it cannot be cancelled."))
    session.cancelled_at = timezone.now()
    session.sequence += 1
    session.save(update_fields=["cancelled_at", "sequence"])
    _tell_members(
        session=session,
        kind=Notification.Kind.SESSION_CANCELLED,
        subject=_("Cancelled: %(title)s") % {"title": session.title},
        sent_by=cancelled_by,
    )
    return session


def session_can_be_deleted(session: DevelopmentSession) -> bool:
    return not session.attendance.exists()


@transaction.atomic
def session_delete(*, session: DevelopmentSession) -> None:
    """Deletes a session nobody's attendance was recorded for. Deleting twice does nothing more."""
    locked = DevelopmentSession.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None:
        return
    if not session_can_be_deleted(locked):
        raise ValidationError(
            _("Attendance has been recorded for this session, so it cannot be deleted.")
        )
    locked.delete()


@transaction.atomic
def assignment_set(
    *,
    session: DevelopmentSession,
    module: ModulePage,
    due_date: date,
    assigned_by: User | None = None,
) -> Assignment:
    """Sets a live module as pre-reading for a session, or changes its due date."""
    if not ModulePage.objects.live().filter(pk=module.pk).exists():
        raise ValidationError({"module": _("Only published modules can be set as reading.")})
    assignment = Assignment.objects.filter(session=session, module=module).first()
    if assignment is None:
        assignment = Assignment(session=session, module=module, assigned_by=assigned_by)
    assignment.due_date = due_date
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_withdraw(*, assignment: Assignment) -> None:
    """Takes a module off a session's reading. Withdrawing twice does nothing more."""
    Assignment.objects.filter(pk=assignment.pk).delete()


def snapshot_take(*, session: DevelopmentSession) -> ReadinessSnapshot | None:
    """Keeps the share of members who had finished the reading when the session started.

    Only once the session has started; the first snapshot is kept and never recomputed.
    """
    if not session.has_started() or session.is_cancelled:
        return None
    existing = ReadinessSnapshot.objects.filter(session=session).first()
    if existing is not None:
        return existing
    ready, members = ready_count(session, as_of=session.starts_at)
    with transaction.atomic():
        snapshot, _created = ReadinessSnapshot.objects.get_or_create(
            session=session, defaults={"member_count": members, "ready_count": ready}
        )
    return snapshot


@transaction.atomic
def attendance_record(
    *, session: DevelopmentSession, attended_user_ids: set[int], recorded_by: User
) -> None:
    """Records who came to a session that has started; everyone else on the board did not."""
    if not session.has_started():
        raise ValidationError(_("You can record attendance once the session has started."))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled."))
    now = timezone.now()
    for membership in board_members(session.board):
        Attendance.objects.update_or_create(
            session=session,
            user=membership.user,
            defaults={
                "attended": membership.user_id in attended_user_ids,
                "recorded_by": recorded_by,
                "recorded_at": now,
            },
        )
    snapshot_take(session=session)


@transaction.atomic
def reminders_send_manual(
    *,
    session: DevelopmentSession,
    sent_by: User,
    recipient_ids: set[int] | None = None,
    message: str = "",
) -> tuple[int, int]:
    """Emails each chosen person who is not yet ready (everyone, when `recipient_ids` is None)
    one list of what is outstanding for the session, with the facilitator's `message`.

    Nobody gets more than one of these per session in 24 hours. A chosen id that is not
    someone with reading outstanding is refused (ValidationError) before anything is sent.
    Returns (sent, held back).
    """
    session = (
        DevelopmentSession.objects.select_for_update(of=("self",))
        .select_related("board__organisation")
        .get(pk=session.pk)
    )
    now = timezone.now()
    sent = held_back = 0
    rows = [row for row in session_grid(session, now=now).not_ready if row.outstanding]
    if recipient_ids is not None:
        unknown = set(recipient_ids) - {row.user.pk for row in rows}
        if unknown:
            raise ValidationError(
                {
                    "recipients": _(
                        "Choose people from the list. Someone you chose has no reading left."
                    )
                }
            )
        rows = [row for row in rows if row.user.pk in recipient_ids]
    message = message.strip()
    if len(message) > REMINDER_MESSAGE_MAX:
        raise ValidationError({"message": _("Your message must be 500 characters or fewer.")})
    for row in rows:
        if row.last_reminder_at and now - row.last_reminder_at < MANUAL_REMINDER_GAP:
            held_back += 1
            continue
        notification_queue(
            kind=Notification.Kind.MANUAL,
            key=f"manual:{session.pk}:{row.user.pk}:{now.isoformat()}",
            to=row.user.email,
            subject=_("Reading to finish before %(title)s") % {"title": session.title},
            template="manual_reminder",
            context={
                "person": row.user,
                "session": session,
                "items": [
                    {"cell": cell, "url": module_url(cell.assignment.module)}
                    for cell in row.outstanding
                ],
                "sent_by": sent_by,
                "message": message,
                "home_url": absolute_url(reverse("member_home")),
            },
            recipient=row.user,
            session=session,
        )
        sent += 1
    return sent, held_back


@transaction.atomic
def digest_set(*, user: User, wanted: bool) -> None:
    """Turns the facilitator's daily digest email on or off."""
    if wanted:
        DigestOptOut.objects.filter(user=user).delete()
    else:
        DigestOptOut.objects.get_or_create(user=user)


def snapshots_take_before_erasure(*, user: User) -> None:
    """Takes the readiness snapshot of every started session on the person's boards that has
    none yet, so erasing them cannot change a past session's figure (the page counts one from
    completion times until the hourly job keeps it). Safe to call twice."""
    boards = user.memberships.values("board_id")
    started = DevelopmentSession.objects.filter(
        board_id__in=boards,
        starts_at__lte=timezone.now(),
        cancelled_at__isnull=True,
        readiness_snapshot__isnull=True,
    ).select_related("board")
    for session in started:
        snapshot_take(session=session)


@transaction.atomic
def attendance_detach_for_erasure(*, user: User) -> int:
    """Keeps the person's recorded attendance without them: no user, and recorded at the
    session's start, so a past session's "8 of 11 attended" on the dashboard and in the board
    paper stays as the board saw it and nothing links a row back to anyone. Returns how many
    rows were kept; safe to call twice (a second call finds nothing linked to the person)."""
    kept = 0
    rows = Attendance.objects.filter(user=user).select_related("session")
    for row in rows:
        row.user = None
        row.recorded_at = row.session.starts_at
        row.save(update_fields=["user", "recorded_at"])
        kept += 1
    return kept

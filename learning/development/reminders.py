"""Automatic emails, run hourly by `manage.py send_reminders` through the reminders hook.

- Reading due within 48 hours and not complete: one reminder per person per assignment.
- Reading overdue and the session still ahead: one overdue notice per person per assignment.
- From 7am (Europe/London), one digest a day to each facilitator who has not opted out.
People who turned "due soon" or "overdue" emails off on "Your account" (learning.email_choices)
do not get those; each of them says how to turn it off.
Each email has a unique key in the Notification table, so running twice sends nothing new.
The same run keeps the readiness snapshot of every session that has started.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from learning import email_choices
from learning.models import Membership, Role

from .dates import due_end, london, london_today, personal_due_date
from .emails import absolute_url, module_url, notification_queue
from .models import Assignment, DevelopmentSession, DigestOptOut, Notification
from .selectors import progress_grid, ready_count
from .services import snapshot_take

DUE_SOON = timedelta(hours=48)
DIGEST_FROM_HOUR = 7
DIGEST_HORIZON = timedelta(days=14)


def snapshots_take_due(now: datetime) -> int:
    """Keeps the readiness of every session that has started and has no snapshot yet."""
    sessions = DevelopmentSession.objects.filter(
        starts_at__lte=now, readiness_snapshot__isnull=True, cancelled_at__isnull=True
    ).select_related("board")
    taken = 0
    for session in sessions:
        if snapshot_take(session=session) is not None:
            taken += 1
    return taken


def _reading_kind(due_date, now: datetime) -> str | None:
    deadline = due_end(due_date)
    if now >= deadline:
        return Notification.Kind.OVERDUE
    if deadline - now <= DUE_SOON:
        return Notification.Kind.DUE_SOON
    return None


def reading_reminders_send(now: datetime) -> int:
    """Sends the due-soon and overdue emails not sent before. Returns how many were queued."""
    assignments = [
        assignment
        for assignment in Assignment.objects.filter(
            session__starts_at__gt=now,
            session__cancelled_at__isnull=True,
            due_date__lte=london_today(now + DUE_SOON),
        ).select_related("module", "session__board")
        # A member who joined late may be due later (personal_due_date), never earlier.
        if _reading_kind(assignment.due_date, now)
    ]
    if not assignments:
        return 0
    members_by_board = defaultdict(list)
    memberships = Membership.objects.board_members().filter(
        board_id__in={assignment.session.board_id for assignment in assignments}
    )
    for membership in memberships.select_related("user"):
        members_by_board[membership.board_id].append(membership)
    user_ids = {member.user_id for members in members_by_board.values() for member in members}
    progress = progress_grid(user_ids, {assignment.module_id for assignment in assignments})
    existing = set(
        Notification.objects.filter(
            assignment__in=assignments,
            kind__in=[Notification.Kind.DUE_SOON, Notification.Kind.OVERDUE],
        ).values_list("key", flat=True)
    )
    turned_off = email_choices.turned_off_by(user_ids)
    sent = 0
    for assignment in assignments:
        for membership in members_by_board[assignment.session.board_id]:
            user = membership.user
            due_date = personal_due_date(assignment.due_date, membership.joined_at)
            kind = _reading_kind(due_date, now)
            row = progress.get((user.pk, assignment.module_id))
            key = f"{kind}:{assignment.pk}:{user.pk}"
            if kind is None or (row is not None and row.completed_at) or key in existing:
                continue
            if kind in turned_off.get(user.pk, ()):  # they chose not to get these
                continue
            if _reading_email(kind, key, assignment, user, due_date):
                sent += 1
    return sent


def _reading_email(kind: str, key: str, assignment: Assignment, user, due_date) -> bool:
    session = assignment.session
    if kind == Notification.Kind.OVERDUE:
        subject = _("Overdue: %(module)s") % {"module": assignment.module.title}
    else:
        subject = _("Due soon: %(module)s") % {"module": assignment.module.title}
    notification = notification_queue(
        kind=kind,
        key=key,
        to=user.email,
        subject=subject,
        template=kind,
        context={
            "person": user,
            "session": session,
            "assignment": assignment,
            "due_date": due_date,  # this person's, later than the assignment's if they joined late
            "module_url": module_url(assignment.module),
            "home_url": absolute_url(reverse("member_home")),
            "choices_url": email_choices.choices_url(),
        },
        recipient=user,
        session=session,
        assignment=assignment,
    )
    return notification is not None


def digests_send(now: datetime) -> int:
    """Sends each facilitator (once a day, from 7am) a summary of their boards' next sessions."""
    if london(now).hour < DIGEST_FROM_HOUR:
        return 0
    day = london_today(now)
    facilitators = (
        Membership.objects.active()
        .filter(role=Role.FACILITATOR)
        .exclude(user__in=DigestOptOut.objects.values("user"))
        .select_related("user")
    )
    boards_by_user = defaultdict(set)
    users = {}
    for membership in facilitators:
        boards_by_user[membership.user_id].add(membership.board_id)
        users[membership.user_id] = membership.user
    if not users:
        return 0
    sessions = list(
        DevelopmentSession.objects.filter(
            board_id__in={board for boards in boards_by_user.values() for board in boards},
            starts_at__gt=now,
            starts_at__lte=now + DIGEST_HORIZON,
            cancelled_at__isnull=True,
        )
        .annotate(assignment_count=Count("assignments"))
        .filter(assignment_count__gt=0)
        .select_related("board__organisation")
        .order_by("starts_at")
    )
    done = set(
        Notification.objects.filter(
            kind=Notification.Kind.DIGEST, created_at__gte=now - DUE_SOON
        ).values_list("key", flat=True)
    )
    readiness = {}
    sent = 0
    for user_id, boards in boards_by_user.items():
        key = f"digest:{user_id}:{day.isoformat()}"
        theirs = [session for session in sessions if session.board_id in boards]
        if not theirs or key in done:
            continue
        lines = []
        for session in theirs:
            if session.pk not in readiness:
                readiness[session.pk] = ready_count(session)
            ready, members = readiness[session.pk]
            url = absolute_url(reverse("development:session_detail", args=[session.pk]))
            lines.append({"session": session, "ready": ready, "members": members, "url": url})
        notification = notification_queue(
            kind=Notification.Kind.DIGEST,
            key=key,
            to=users[user_id].email,
            subject=_("BoardReady: how ready your boards are"),
            template="digest",
            context={
                "person": users[user_id],
                "lines": lines,
                "settings_url": absolute_url(reverse("development:session_list")),
            },
            recipient=users[user_id],
        )
        if notification is not None:
            sent += 1
    return sent


def send_session_reminders(now: datetime) -> int:
    """The reminders hook: keeps due snapshots, then sends what is due. Returns emails sent."""
    snapshots_take_due(now)
    return reading_reminders_send(now) + digests_send(now)

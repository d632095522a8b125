"""Writes to boards and memberships. Each is atomic and safe to call twice.

Every seat given, changed or ended goes through `seat_appoint` or `seat_end` (an invitation's
acceptance in learning.invitations.services, the board's members page and the Wagtail admin
alike): who may appoint, the confirmation a second chair or chief executive needs, the audit
event and a change of chair's notice to members are kept in one place.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit.models import AuditEvent
from .audit.services import audit_record
from .models import Board, Membership, Role, User
from .permissions import SENIOR_SEATS, Visitor, user_can_appoint

if TYPE_CHECKING:
    from reflection.plans.models import Commitment

ONLY_THE_CHAIR_APPOINTS = gettext_lazy(
    "Only the board's chair or BoardReady's staff can appoint a chair or chief executive, as a "
    "chair sees what members share with the chair. Choose another role, or ask BoardReady's "
    "staff to make this appointment."
)
ONLY_THE_CHAIR_CHANGES = gettext_lazy(
    "Only the board's chair or BoardReady's staff can change or end the seat of a chair or "
    "chief executive."
)


def seat_holders(board: Board, role: str, *, exclude: Membership | None = None) -> list[Membership]:
    """The people who hold `role` on `board` now (active seats)."""
    seats = Membership.objects.active().filter(board=board, role=role).select_related("user")
    if exclude is not None and exclude.pk:
        seats = seats.exclude(pk=exclude.pk)
    return list(seats)


def second_seat_problem(
    board: Board, role: str, *, exclude: Membership | None = None
) -> str | None:
    """For a chair or chief executive's seat already held, what to confirm; else None."""
    if role not in SENIOR_SEATS:
        return None
    holders = seat_holders(board, role, exclude=exclude)
    if not holders:
        return None
    names = ", ".join(str(seat.user) for seat in holders)
    label = Role(role).label.lower()
    return _(
        "%(names)s is the board's %(role)s now. Tick the box to confirm the board will have "
        "a second %(role)s. You can change %(names)s's role or end their seat afterwards."
    ) % {"names": names, "role": label}


def appointment_check(
    *,
    board: Board,
    role: str,
    by: Visitor | None,
    membership: Membership | None = None,
    confirmed: bool,
) -> None:
    """Raises ValidationError ({"role": ...} or {"confirm": ...}) unless `by` may put someone in
    `role` on `board` now. `by` None is the system acting on an appointment checked before
    (an invitation being accepted)."""
    if by is not None:
        if not user_can_appoint(by, board, role):
            raise ValidationError({"role": ONLY_THE_CHAIR_APPOINTS})
        if membership is not None and membership.pk and membership.role in SENIOR_SEATS:
            if not user_can_appoint(by, board, membership.role):
                raise ValidationError({"role": ONLY_THE_CHAIR_CHANGES})
    if not confirmed:
        problem = second_seat_problem(board, role, exclude=membership)
        if problem:
            raise ValidationError({"confirm": problem})


def _commitments_shared_with_chair(board: Board, *, leaving_out: User) -> "QuerySet[Commitment]":
    from reflection.plans.models import Commitment

    return (
        Commitment.objects.shared()
        .filter(owner__board=board, owner__is_active=True, owner__user__is_active=True)
        .exclude(owner__user=leaving_out)
    )


def _tell_members_of_new_chair(seat: Membership) -> int:
    """Emails each member who shared commitments or self-assessment results with the chair that
    a new chair can see them after the notice, and how to withdraw them first. Returns how many
    were told."""
    from learning.development.emails import absolute_url, notification_queue
    from learning.development.models import Notification

    assert seat.chair_since is not None  # noqa: S101  # set when the seat became a chair's
    visible_from = seat.chair_since + timedelta(days=settings.BOARDREADY_CHAIR_NOTICE_DAYS)
    shared = _commitments_shared_with_chair(seat.board, leaving_out=seat.user).select_related(
        "owner__user"
    )
    from reflection.assessment.models import Response

    by_person: dict[int, list[object]] = {}
    people: dict[int, User] = {}
    for commitment in shared:
        by_person.setdefault(commitment.owner.user_id, []).append(commitment)
        people[commitment.owner.user_id] = commitment.owner.user
    results = (
        Response.objects.filter(
            board=seat.board,
            shared_at__isnull=False,
            submitted_at__isnull=False,
            user__memberships__board=seat.board,
            user__memberships__is_active=True,
            user__is_active=True,
        )
        .exclude(user=seat.user)
        .select_related("user")
    )
    for response in results:
        if response.user is None:  # never: the query asks for an active author
            continue
        by_person.setdefault(response.user.pk, []).append(response)
        people[response.user.pk] = response.user
    for person_id, things in by_person.items():
        member = people[person_id]
        notification_queue(
            kind=Notification.Kind.NEW_CHAIR,
            key=f"new_chair:{seat.pk}:{seat.chair_since.isoformat()}:{member.pk}",
            to=member.email,
            subject=_("%(board)s has a new chair") % {"board": seat.board},
            template="new_chair",
            context={
                "person": member,
                "chair": seat.user,
                "board": seat.board,
                "count": len(things),
                "visible_from": visible_from,
                "plan_url": absolute_url(reverse("plans:my_plan")),
                "assessment_url": absolute_url(reverse("assessment:index")),
            },
            recipient=member,
        )
    return len(by_person)


def _chair_changed(seat: Membership, was_chair: bool, now: datetime) -> None:
    """A seat that becomes the chair starts the notice; one that stops being it forgets it."""
    if seat.role == Role.CHAIR and not was_chair:
        seat.chair_since = now
    elif seat.role != Role.CHAIR:
        seat.chair_since = None


@transaction.atomic
def seat_appoint(
    *,
    user: User,
    board: Board,
    role: str,
    by: Visitor | None = None,
    confirmed: bool = False,
    request: HttpRequest | None = None,
) -> Membership:
    """Gives `user` a seat on `board` in `role`, or changes the role of the seat they have (a
    former seat is reactivated, never duplicated). Refused (ValidationError) unless `by` may
    appoint to `role` and, for a chair or chief executive's seat already held, `confirmed`.

    Audited (seat_added or role_changed). A new chair does not see commitments shared with the
    chair before now until BOARDREADY_CHAIR_NOTICE_DAYS have passed; each member who shared one
    is emailed and may withdraw it. It takes effect on each person's next request.
    """
    membership = Membership.objects.select_for_update().filter(user=user, board=board).first()
    appointment_check(
        board=board,
        role=role,
        by=by,
        membership=membership if membership and membership.is_active else None,
        confirmed=confirmed,
    )
    now = timezone.now()
    if membership is None:
        membership = Membership(user=user, board=board, role=role, joined_at=now)
        was_chair, action = False, AuditEvent.Action.SEAT_ADDED
    elif membership.is_active and membership.role == role:
        return membership
    else:
        was_chair = membership.is_active and membership.role == Role.CHAIR
        action = AuditEvent.Action.SEAT_ADDED
        if membership.is_active:
            action = AuditEvent.Action.ROLE_CHANGED
        membership.is_active = True
        membership.role = role
    _chair_changed(membership, was_chair, now)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=by or user, action=action, subject_user=user, target=membership, request=request
    )
    if membership.chair_since == now:
        _tell_members_of_new_chair(membership)
    return membership


@transaction.atomic
def seat_change_role(
    *,
    membership: Membership,
    role: str,
    by: Visitor | None,
    confirmed: bool = False,
    request: HttpRequest | None = None,
) -> Membership:
    """Changes an active seat's role (see `seat_appoint`). Changing it to itself does nothing."""
    return seat_appoint(
        user=membership.user,
        board=membership.board,
        role=role,
        by=by,
        confirmed=confirmed,
        request=request,
    )


@transaction.atomic
def seat_end(
    *, membership: Membership, by: Visitor | None, request: HttpRequest | None = None
) -> Membership:
    """Ends a seat: the person no longer sits on the board from their next request (their
    signed-in sessions end too). Only the chair or staff end a chair or chief executive's seat.
    Audited; ending it twice does nothing more."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_active:
        return membership
    if by is not None and not user_can_appoint(by, membership.board, membership.role):
        raise ValidationError(ONLY_THE_CHAIR_CHANGES)
    membership.is_active = False
    membership.chair_since = None
    membership.save(update_fields=["is_active", "chair_since"])
    audit_record(
        actor=by,
        action=AuditEvent.Action.SEAT_ENDED,
        subject_user=membership.user,
        target=membership,
        request=request,
    )
    return membership

"""Writes for invitations: making them (one person, or a checked CSV file), sending them again,
withdrawing them and accepting them. Each is atomic and safe to call twice.

Accepting gives the seat through learning.services.seat_appoint, like every other appointment.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.development.emails import absolute_url, notification_queue
from learning.development.models import Notification
from learning.models import Board, Membership, Role, User
from learning.permissions import SENIOR_SEATS, user_can_appoint
from learning.services import (
    ONLY_THE_CHAIR_APPOINTS,
    appointment_check,
    seat_appoint,
    second_seat_problem,
)

from .models import Invitation
from .upload import InvitationRow, invitation_problems

INVITATION_RESEND_GAP = timedelta(minutes=10)


def _send_invitation(invitation: Invitation, now: datetime) -> None:
    notification_queue(
        kind=Notification.Kind.INVITATION,
        key=f"invitation:{invitation.pk}:{now.isoformat()}",
        to=invitation.email,
        subject=_("You are invited to join %(board)s on BoardReady") % {"board": invitation.board},
        template="invitation",
        context={
            "invitation": invitation,
            "accept_url": absolute_url(reverse("invitation_accept", args=[invitation.token])),
        },
        invitation=invitation,
    )


def _invitation_create(
    *, board: Board, row: InvitationRow, invited_by: User | None, now: datetime
) -> Invitation:
    invitation = Invitation(
        board=board,
        email=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        role=row.role,
        invited_by=invited_by,
        created_at=now,
        expires_at=now + timedelta(days=settings.BOARDREADY_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    _send_invitation(invitation, now)
    return invitation


@transaction.atomic
def invitation_create(
    *,
    board: Board,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    invited_by: User,
    confirmed: bool = False,
) -> Invitation:
    """Invites one person to a board and emails them the link to accept. A chair or chief
    executive is appointed only by the chair (or staff), and a second one only `confirmed`."""
    row = InvitationRow(
        line=1,
        email=email.strip().lower(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
    )
    appointment_check(board=board, role=row.role, by=invited_by, confirmed=confirmed)
    problem = invitation_problems(board, [row.email]).get(row.email)
    if problem:
        raise ValidationError({"email": problem})
    return _invitation_create(board=board, row=row, invited_by=invited_by, now=timezone.now())


def _second_seat_in_file(board: Board, rows: list[InvitationRow]) -> list[str]:
    """Rows that would give the board a second chair or chief executive: a file cannot confirm
    that, so those people are invited one at a time."""
    problems: list[str] = []
    seen: set[str] = set()
    for row in rows:
        if row.role not in SENIOR_SEATS:
            continue
        held = second_seat_problem(board, row.role) or (row.role in seen)
        seen.add(row.role)
        if held:
            problems.append(
                _(
                    "Row %(line)s (%(email)s): the board already has a %(role)s. Invite this "
                    "person on the invitations page, where you can confirm a second one."
                )
                % {"line": row.line, "email": row.email, "role": Role(row.role).label.lower()}
            )
    return problems


@transaction.atomic
def invitations_import(
    *, board: Board, rows: list[InvitationRow], invited_by: User
) -> list[Invitation]:
    """Invites every row of a checked CSV file, or (if any row has become a problem) nobody."""
    refused = [row for row in rows if not user_can_appoint(invited_by, board, row.role)]
    if refused:
        raise ValidationError(
            [
                _("Row %(line)s (%(email)s): %(problem)s")
                % {"line": row.line, "email": row.email, "problem": ONLY_THE_CHAIR_APPOINTS}
                for row in refused
            ]
        )
    second = _second_seat_in_file(board, rows)
    if second:
        raise ValidationError(second)
    problems = invitation_problems(board, [row.email for row in rows])
    if problems:
        raise ValidationError(
            [
                _("Row %(line)s (%(email)s): %(problem)s")
                % {"line": row.line, "email": row.email, "problem": problems[row.email]}
                for row in rows
                if row.email in problems
            ]
        )
    now = timezone.now()
    return [
        _invitation_create(board=board, row=row, invited_by=invited_by, now=now) for row in rows
    ]


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> bool:
    """Emails the link again and gives the person another seven days.

    Returns False (and sends nothing) if it was sent in the last ten minutes.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state not in ("pending", "expired"):
        raise ValidationError(_("This invitation has been used or withdrawn."))
    now = timezone.now()
    recent = Notification.objects.filter(
        invitation=invitation, created_at__gt=now - INVITATION_RESEND_GAP
    )
    if recent.exists():
        return False
    invitation.expires_at = now + timedelta(days=settings.BOARDREADY_INVITATION_DAYS)
    invitation.full_clean()
    invitation.save(update_fields=["expires_at"])
    _send_invitation(invitation, now)
    return True


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Withdraws an invitation so its link no longer works. Revoking twice changes nothing."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


class InvitationError(Exception):
    """An invitation that cannot be accepted; `state` says why."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


def _lock_usable_invitation(invitation_id: int) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
    if invitation.state != "pending":
        raise InvitationError(invitation.state)
    return invitation


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
) -> User:
    """Creates the invited person's account and seat on the board, using up the invitation."""
    invitation = _lock_usable_invitation(invitation.pk)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError("account_exists")
    user = User(email=invitation.email, first_name=first_name, last_name=last_name)
    user.set_password(password)
    user.full_clean()
    user.save()
    _finish(invitation, user)
    return user


@transaction.atomic
def invitation_accept_existing_account(*, invitation: Invitation, user: User) -> Membership:
    """Adds the board to the signed-in person's existing account."""
    invitation = _lock_usable_invitation(invitation.pk)
    if invitation.email.lower() != user.email.lower():
        raise InvitationError("wrong_account")
    return _finish(invitation, user)


def _finish(invitation: Invitation, user: User) -> Membership:
    # Who may appoint, and a second chair's confirmation, were checked when the invitation
    # was made.
    membership = seat_appoint(
        user=user, board=invitation.board, role=invitation.role, by=None, confirmed=True
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership

"""Writes to boards, memberships and invitations. Each is atomic and safe to call twice."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import Invitation, Membership


class InvitationError(Exception):
    """An invitation that cannot be accepted; `state` says why."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


def _lock_usable_invitation(invitation_id: int) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
    if invitation.state != "pending":
        raise InvitationError(invitation.state)
    return invitation


def membership_add(*, user, board, role) -> Membership:
    """Seats a person on a board, reactivating a former seat rather than duplicating it."""
    membership, created = Membership.objects.get_or_create(
        user=user, board=board, defaults={"role": role}
    )
    if not created and (not membership.is_active or membership.role != role):
        membership.is_active = True
        membership.role = role
        membership.full_clean()
        membership.save(update_fields=["is_active", "role"])
    return membership


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
):
    """Creates the invited person's account and seat on the board, using up the invitation."""
    invitation = _lock_usable_invitation(invitation.pk)
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError("account_exists")
    user = User(email=invitation.email, first_name=first_name, last_name=last_name)
    user.set_password(password)
    user.full_clean()
    user.save()
    _finish(invitation, user)
    return user


@transaction.atomic
def invitation_accept_existing_account(*, invitation: Invitation, user) -> Membership:
    """Adds the board to the signed-in person's existing account."""
    invitation = _lock_usable_invitation(invitation.pk)
    if invitation.email.lower() != user.email.lower():
        raise InvitationError("wrong_account")
    return _finish(invitation, user)


def _finish(invitation: Invitation, user) -> Membership:
    membership = membership_add(user=user, board=invitation.board, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership

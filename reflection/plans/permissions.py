"""Who may see and change commitments, appraisal notes and the board's action plan.

- A commitment belongs to its owner. The board's chair sees it once it is shared, and may
  comment on it, but never change it (403). Everyone else gets 404, whatever the id.
- The facilitator sees counts only, never a commitment.
- Each time the chair reads a member's commitments, the helper that fetches them writes
  "viewed another person's data" to the audit log (learning.privacy.record_viewed): one
  commitment, one member's plan, and each commitment in a listing (the members' commitments
  page, the overdue ones on the chair's dashboard).
- The board's action plan is visible to every member of the board; its chair and an action's
  owner may change an action; other members get 403; outsiders 404.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from learning.models import Membership, Role, User
from learning.permissions import (
    Visitor,
    access_membership,
    active_memberships,
    int_or_404,
    is_signed_in,
)
from learning.privacy import record_viewed, record_views

from .models import ActionMilestone, BoardAction, ChairReview, Commitment, Milestone

if TYPE_CHECKING:
    from .selectors import BoardPlans


def _commitments() -> QuerySet[Commitment]:
    return Commitment.objects.select_related("owner__user", "owner__board__organisation")


def access_own_membership(membership: Membership | None) -> Membership:
    """The membership whose plan a page shows: a board seat, never a facilitator's."""
    if membership is None or membership.role == Role.FACILITATOR:
        raise Http404("You do not hold a seat on a board.")
    return membership


def access_own_seat(user: Visitor, membership_id: int | str) -> Membership:
    """One of the user's own active board seats, for their appraisal pack; anyone else's
    seat, a facilitator's or an unknown id is 404."""
    membership = (
        active_memberships(user)
        .filter(pk=int_or_404(membership_id))
        .exclude(role=Role.FACILITATOR)
        .first()
    )
    if membership is None:
        raise Http404("Not found.")
    return membership


def chair_seat(user: Visitor, board_id: int | str) -> Membership | None:
    """The user's active seat as chair of the board, or None."""
    return active_memberships(user).filter(board_id=board_id, role=Role.CHAIR).first()


def user_chairs_board(user: Visitor, board_id: int | str) -> bool:
    return active_memberships(user).filter(board_id=board_id, role=Role.CHAIR).exists()


def _load_commitment(user: Visitor, commitment_id: int | str) -> tuple[Commitment, bool]:
    """The commitment and whether the user owns it; 404 unless owner or chair (shared)."""
    if not is_signed_in(user):
        raise Http404("Not found.")
    commitment = _commitments().filter(pk=int_or_404(commitment_id), owner__is_active=True).first()
    if commitment is None:
        raise Http404("Not found.")
    if commitment.owner.user_id == user.pk:
        return commitment, True
    seat = chair_seat(user, commitment.owner.board_id)
    if seat is not None and commitment.shared_at is not None:  # shared with the chair
        hidden_before = seat.chair_sees_shared_from()
        if hidden_before is None or commitment.shared_at >= hidden_before:
            return commitment, False
    raise Http404("Not found.")


def _read_by_chair(
    user: Visitor, commitment: Commitment, request: HttpRequest | None
) -> Commitment:
    record_viewed(viewer=user, owner=commitment.owner.user, target=commitment, request=request)
    return commitment


def access_commitment(
    user: Visitor, commitment_id: int | str, *, request: HttpRequest | None = None
) -> Commitment:
    """A commitment the user may read: their own, or a shared one on the board they chair
    (audited)."""
    commitment, owned = _load_commitment(user, commitment_id)
    return commitment if owned else _read_by_chair(user, commitment, request)


def access_commitment_as_owner(user: Visitor, commitment_id: int | str) -> Commitment:
    """A commitment the user may change. The chair who can see it gets 403; others 404."""
    commitment, owned = _load_commitment(user, commitment_id)
    if not owned:
        raise PermissionDenied("Only the member who made a commitment may change it.")
    return commitment


def access_commitment_as_reviewer(
    user: Visitor, commitment_id: int | str, *, request: HttpRequest | None = None
) -> Commitment:
    """A shared commitment the user chairs the board of (audited). The owner gets 403;
    others 404."""
    commitment, owned = _load_commitment(user, commitment_id)
    if owned:
        raise PermissionDenied("You cannot review your own commitment.")
    return _read_by_chair(user, commitment, request)


def access_review_as_author(user: User, review_id: int | str) -> ChairReview:
    """A review comment the user wrote, on a commitment they may still review; 404 for
    everyone else (the commitment's owner included: they read it, never change it)."""
    review = (
        ChairReview.objects.select_related("commitment")
        .filter(pk=int_or_404(review_id), author=user)
        .first()
    )
    if review is None:
        raise Http404
    try:
        access_commitment_as_reviewer(user, review.commitment_id)
    except PermissionDenied as error:
        raise Http404 from error
    return review


def access_board_plans(user: Visitor, board_id: int | str) -> Membership:
    """The requester's seat on a board whose plans they oversee: chair or facilitator."""
    return access_membership(user, board_id, roles=[Role.CHAIR, Role.FACILITATOR])


def commitments_read_by_chair(
    user: Visitor, commitments: Iterable[Commitment], *, request: HttpRequest | None = None
) -> None:
    """Writes one "viewed another person's data" event for each commitment of someone else's
    that a chair's listing shows (one query for the lot; the chair's own are left out). The
    commitments come with `owner__user` loaded."""
    record_views(viewer=user, views=[(c.owner.user, c) for c in commitments], request=request)


def board_plans_for_chair(
    user: Visitor, seat: Membership, *, year: int, request: HttpRequest | None = None
) -> "BoardPlans":
    """Every member's shared commitments on the board the user chairs (audited: one event
    per commitment of someone else's listed); 404 for anyone but that board's chair."""
    from .selectors import board_plans

    if seat.role != Role.CHAIR or seat.user_id != user.pk:
        raise Http404("Not found.")
    plans = board_plans(seat.board, year=year, chair_seat=seat)
    record_views(
        viewer=user,
        views=[(row.membership.user, c) for row in plans.rows for c in row.commitments],
        request=request,
    )
    return plans


def access_member_as_chair(
    user: User,
    board_id: int | str,
    membership_id: int | str,
    *,
    request: HttpRequest | None = None,
) -> Membership:
    """Another board member's seat, with their commitments to read, for the chair of that
    board only (audited; 404 for everyone else)."""
    access_membership(user, board_id, roles=[Role.CHAIR])
    member = (
        Membership.objects.board_members()
        .select_related("user", "board__organisation")
        .filter(board_id=int_or_404(board_id), pk=int_or_404(membership_id))
        .exclude(user=user)
        .first()
    )
    if member is None:
        raise Http404("Not found.")
    record_viewed(viewer=user, owner=member.user, target=member, request=request)
    return member


def access_action_plan(user: Visitor, board_id: int | str) -> Membership:
    """The requester's seat on the board whose action plan they want to see."""
    return access_membership(user, board_id)


def access_action_plan_as_chair(user: Visitor, board_id: int | str) -> Membership:
    """Only the chair adds actions: other board members get 403, outsiders 404."""
    membership = access_membership(user, board_id)
    if membership.role != Role.CHAIR:
        raise PermissionDenied("Only the chair adds actions to the board's plan.")
    return membership


def access_action(user: Visitor, action_id: int | str) -> BoardAction:
    """An action on a board the user sits on, else 404."""
    action = (
        BoardAction.objects.select_related("owner__user", "board__organisation")
        .filter(pk=int_or_404(action_id), board__in=_boards_of(user))
        .first()
    )
    if action is None:
        raise Http404("Not found.")
    return action


def user_can_edit_action(user: Visitor, action: BoardAction) -> bool:
    owner = action.owner
    return (owner is not None and owner.user_id == user.pk) or user_chairs_board(
        user, action.board_id
    )


def access_action_for_edit(user: Visitor, action_id: int | str) -> BoardAction:
    """An action the user may change (the chair or its owner); other members get 403."""
    action = access_action(user, action_id)
    if not user_can_edit_action(user, action):
        raise PermissionDenied("Only the chair and the action's owner may change it.")
    return action


def _boards_of(user: Visitor) -> QuerySet[Membership, Any]:
    return active_memberships(user).values("board_id")


def access_milestone_as_owner(user: Visitor, milestone_id: int | str) -> Milestone:
    """A milestone on the user's own commitment (the chair gets 403, others 404)."""
    milestone = Milestone.objects.filter(pk=int_or_404(milestone_id)).first()
    if milestone is None or not is_signed_in(user):
        raise Http404("Not found.")
    milestone.commitment = access_commitment_as_owner(user, milestone.commitment_id)
    return milestone


def access_action_milestone_for_edit(user: Visitor, milestone_id: int | str) -> ActionMilestone:
    """A milestone on a board action the user may change."""
    milestone = ActionMilestone.objects.filter(pk=int_or_404(milestone_id)).first()
    if milestone is None or not is_signed_in(user):
        raise Http404("Not found.")
    milestone.action = access_action_for_edit(user, milestone.action_id)
    return milestone

"""Who may see and change what. Every query for a board or a person's data starts here.

Access helpers take the requesting user and answer 404 (never 403) to anyone outside the
board, so that ids in URLs reveal nothing about what exists.
"""

from collections.abc import Iterable
from typing import TypeGuard

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from .models import Board, Membership, MembershipQuerySet, Role, User

# Whoever asks: a signed-in person, or `request.user` before sign-in.
Visitor = User | AnonymousUser


class SignedInRequest(HttpRequest):
    """The request a `login_required` view gets: its `user` is a `User` (django-stubs' pattern
    for authenticated requests; nothing is checked at run time)."""

    user: User


def is_signed_in(user: Visitor) -> TypeGuard[User]:
    """`user.is_authenticated`, told to the type checker: past it, `user` is a `User`."""
    return user.is_authenticated


LEADER_ROLES = (Role.CHAIR, Role.FACILITATOR)
# Seats whose holder leads the board: only its chair, or staff, may appoint to them.
SENIOR_SEATS = (Role.CHAIR, Role.CHIEF_EXECUTIVE)


def active_memberships(user: Visitor) -> MembershipQuerySet:
    """The user's active seats, with board and organisation loaded in the same query."""
    if not is_signed_in(user):
        return Membership.objects.none()
    return (
        Membership.objects.active()
        .filter(user=user)
        .select_related("board__organisation")
        .order_by("board__organisation__name", "board__name")
    )


def int_or_404(value: object, message: str = "Not found.") -> int:
    """An id from a URL as an int; anything that is not one is a 404, like an id nobody has."""
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]  # any value; int or 404
    except (TypeError, ValueError):
        raise Http404(message) from None


def access_membership(
    user: Visitor, board_id: int | str | None, *, roles: Iterable[str] | None = None
) -> Membership:
    """The user's active membership of a board, or 404. `roles` narrows who may pass."""
    memberships = active_memberships(user).filter(board_id=int_or_404(board_id, "No such board."))
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    membership = memberships.first()
    if membership is None:
        raise Http404("No such board.")
    return membership


def access_board(user: Visitor, board_id: int | str | None) -> Board:
    """The board if the user sits on it or facilitates it, else 404."""
    return access_membership(user, board_id).board


def access_board_as_facilitator(user: Visitor, board_id: int | str | None) -> Board:
    return access_membership(user, board_id, roles=[Role.FACILITATOR]).board


def access_board_as_leader(user: Visitor, board_id: int | str | None) -> Board:
    """The board if the user is its chair or facilitator, else 404."""
    return access_membership(user, board_id, roles=LEADER_ROLES).board


def user_can_lead_board(user: Visitor, board: Board) -> bool:
    return active_memberships(user).filter(board=board, role__in=LEADER_ROLES).exists()


def user_can_facilitate_board(user: Visitor, board: Board) -> bool:
    return active_memberships(user).filter(board=board, role=Role.FACILITATOR).exists()


def user_facilitates_any_board(user: Visitor) -> bool:
    """Whether the user holds an active facilitator seat on at least one board."""
    return active_memberships(user).filter(role=Role.FACILITATOR).exists()


def boards_facilitated_by(user: Visitor) -> QuerySet[Board]:
    return Board.objects.filter(
        memberships__in=active_memberships(user).filter(role=Role.FACILITATOR)
    )


def boards_led_by(user: Visitor) -> QuerySet[Board]:
    """The boards the user chairs or facilitates."""
    return Board.objects.filter(
        memberships__in=active_memberships(user).filter(role__in=LEADER_ROLES)
    )


def user_can_appoint(user: Visitor, board: Board, role: str) -> bool:
    """Whether `user` may invite someone to `board` in `role`. A facilitator invites members; only
    the board's own chair (or staff) appoints a chair or a chief executive, because a chair sees
    what members share with the chair."""
    if role not in SENIOR_SEATS:
        return True
    if user.is_staff or user.is_superuser:
        return True
    return active_memberships(user).filter(board=board, role=Role.CHAIR).exists()

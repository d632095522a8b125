"""Who may see and change sessions and board seats. Outsiders get 404, never 403."""

from django.http import Http404

from learning.models import Board, Membership, User
from learning.permissions import (
    Visitor,
    access_board_as_leader,
    active_memberships,
    boards_facilitated_by,
    int_or_404,
)

from .models import Assignment, DevelopmentSession


def access_session_as_facilitator(user: Visitor, session_id: int | str) -> DevelopmentSession:
    """A session on a board the user facilitates, else 404."""
    session = (
        DevelopmentSession.objects.filter(
            pk=int_or_404(session_id), board__in=boards_facilitated_by(user)
        )
        .select_related("board__organisation")
        .first()
    )
    if session is None:
        raise Http404("No such session.")
    return session


def access_session_as_member(user: Visitor, session_id: int | str) -> DevelopmentSession:
    """A session on any board the user sits on or facilitates, else 404."""
    boards = Board.objects.filter(memberships__in=active_memberships(user))
    session = (
        DevelopmentSession.objects.filter(pk=int_or_404(session_id), board__in=boards)
        .select_related("board__organisation")
        .first()
    )
    if session is None:
        raise Http404("No such session.")
    return session


def access_assignment_as_facilitator(
    user: Visitor, session_id: int | str, assignment_id: int | str
) -> Assignment:
    """An assignment of a session on a board the user facilitates, else 404."""
    session = access_session_as_facilitator(user, session_id)
    assignment = (
        Assignment.objects.filter(pk=int_or_404(assignment_id), session=session)
        .select_related("module")
        .first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    assignment.session = session
    return assignment


def access_seat_as_leader(user: User, board_id: int | str, membership_id: int | str) -> Membership:
    """Another person's active seat on a board the user chairs or facilitates, else 404 (your
    own seat is changed by the board's chair or BoardReady's staff)."""
    board = access_board_as_leader(user, board_id)
    seat = (
        Membership.objects.active()
        .filter(board=board, pk=int_or_404(membership_id))
        .exclude(user=user)
        .select_related("user", "board__organisation")
        .first()
    )
    if seat is None:
        raise Http404("No such seat.")
    return seat

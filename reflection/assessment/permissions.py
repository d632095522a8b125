"""Who may see which self-assessment data. Every read of a response or round starts here.

- A response's answers and scores belong to its author. The chair and facilitator of the board
  it was taken for may read a submitted one only while the author shares it, and only while
  the author still sits on that board. Nobody else, staff and editors included, ever may.
- A round's board aggregate is for the board's members, chair and facilitator, and shows
  figures only once the round has closed with enough respondents (scoring.aggregate applies
  learning.privacy.group_is_shown to the round and to each figure).
- Only the board's facilitator changes, closes, deletes or sends reminders for a round; while
  it is open they see how many members have answered, never who (selectors.round_answer_count).
- Outsiders get 404, so ids in URLs reveal nothing.
- A chair or facilitator reading a member's shared response, or the list of them, is written
  to the audit log by the helper that fetches it (learning.privacy.record_viewed).
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from learning.models import Board, Membership, Role, User
from learning.permissions import (
    LEADER_ROLES,
    Visitor,
    access_membership,
    active_memberships,
    int_or_404,
    is_signed_in,
)
from learning.privacy import record_viewed, record_views

from .models import Response, Round


def _responses() -> QuerySet[Response]:
    return Response.objects.select_related("version__instrument", "board__organisation", "round")


def access_own_response(user: Visitor, response_id: int | str) -> Response:
    """A response the user wrote, or 404."""
    if not is_signed_in(user):
        raise Http404("Not found.")
    response = _responses().filter(pk=int_or_404(response_id), user=user).first()
    if response is None:
        raise Http404("Not found.")
    return response


def user_can_see_response(user: Visitor, response: Response) -> bool:
    """The author always; the board's chair or facilitator only if it is submitted and shared."""
    if not is_signed_in(user):
        return False
    if response.user_id == user.pk:
        return True
    if response.user_id is None or response.shared_at is None or response.submitted_at is None:
        return False  # an erased author's answers are nobody's to read
    author_still_on_board = Membership.objects.active().filter(
        user_id=response.user_id, board_id=response.board_id
    )
    seat = (
        active_memberships(user).filter(board_id=response.board_id, role__in=LEADER_ROLES).first()
    )
    if seat is None or not author_still_on_board.exists():
        return False
    # After a change of chair, what was shared before waits out the members' notice.
    hidden_before = seat.chair_sees_shared_from()
    return hidden_before is None or response.shared_at >= hidden_before


def access_response_result(
    user: Visitor, response_id: int | str, *, request: HttpRequest | None = None
) -> Response:
    """A response whose results the user may read (audited when it is not theirs), or 404."""
    response = _responses().select_related("user").filter(pk=int_or_404(response_id)).first()
    if response is None or response.user is None or not user_can_see_response(user, response):
        raise Http404("Not found.")
    record_viewed(viewer=user, owner=response.user, target=response, request=request)
    return response


def access_round(user: Visitor, round_id: int | str) -> tuple[Round, Membership]:
    """A round of a board the user sits on or facilitates, with their seat, or 404."""
    round_ = (
        Round.objects.select_related("board__organisation", "version__instrument")
        .filter(pk=int_or_404(round_id))
        .first()
    )
    if round_ is None:
        raise Http404("Not found.")
    return round_, access_membership(user, round_.board_id)


def access_round_as_facilitator(user: Visitor, round_id: int | str) -> Round:
    """A round of a board the user facilitates, or 404 (to the board's members as well)."""
    round_, membership = access_round(user, round_id)
    if membership.role != Role.FACILITATOR:
        raise Http404("Not found.")
    return round_


def access_round_to_answer(user: Visitor, round_id: int | str) -> tuple[Round, Membership]:
    """A round the user may answer: they sit on its board (facilitators do not answer)."""
    round_, membership = access_round(user, round_id)
    if membership.role == Role.FACILITATOR:
        raise Http404("Not found.")
    return round_, membership


def shared_responses_for_leader(
    user: User, board_id: int | str, *, request: HttpRequest | None = None
) -> tuple[Board, list[Response]]:
    """Submitted responses the board's current members share with its chair and facilitator,
    as a list; one audit event for each response listed."""
    seat = access_membership(user, board_id, roles=LEADER_ROLES)
    board = seat.board
    members = Membership.objects.active().filter(board=board).values("user_id")
    hidden_before = seat.chair_sees_shared_from()
    shared = _responses().filter(shared_at__gte=hidden_before) if hidden_before else _responses()
    responses = list(
        shared.select_related("user")
        .filter(
            board=board,
            shared_at__isnull=False,
            submitted_at__isnull=False,
            user_id__in=members,
        )
        .exclude(user=user)
        .order_by("user__last_name", "user__first_name", "-submitted_at")
    )
    record_views(
        viewer=user,
        views=[(one.user, one) for one in responses if one.user is not None],
        request=request,
    )
    return board, responses

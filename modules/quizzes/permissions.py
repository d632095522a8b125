"""Who may see which attempt. Members see their own; facilitators see free-text answers from
members of the boards they facilitate, to mark them (each answer opened for marking is audited
here, by the helper that fetches it); chairs never see free text. Everyone else gets a 404."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from learning.models import Membership, Role, User
from learning.permissions import Visitor, active_memberships, is_signed_in
from learning.privacy import record_viewed
from modules.models.pages import without_module_bodies

from .models import Attempt, AttemptAnswer, Quiz
from .question_types import MARKED_BY_FACILITATOR


def access_live_quiz(quiz_id: int | str) -> Quiz:
    """A live knowledge check, or 404."""
    quiz: Quiz | None = Quiz.objects.filter(pk=quiz_id, live=True).select_related("module").first()
    if quiz is None:
        raise Http404("No such knowledge check.")
    return quiz


def access_own_attempt(user: User, attempt_id: int | str) -> Attempt:
    """The user's own attempt, or 404 (another member's attempt is a 404 too)."""
    attempt = (
        Attempt.objects.filter(pk=attempt_id, user=user)
        .select_related("quiz__module")
        .defer(*without_module_bodies("quiz__module"))
        .first()
    )
    if attempt is None or not is_signed_in(user):
        raise Http404("No such attempt.")
    return attempt


def access_own_attempt_answer(
    user: User, attempt_id: int | str, position: int | str
) -> AttemptAnswer:
    """One question of the user's own attempt, with the attempt and quiz, or 404."""
    row = (
        AttemptAnswer.objects.filter(attempt_id=attempt_id, attempt__user=user, position=position)
        .select_related("attempt__quiz__module")
        .defer(*without_module_bodies("attempt__quiz__module"))
        .first()
    )
    if row is None or not is_signed_in(user):
        raise Http404("No such question.")
    return row


def members_facilitated_by(user: User) -> QuerySet[Membership, Any]:
    """Ids of the people on the boards this user facilitates (not the user), as a subquery."""
    boards = active_memberships(user).filter(role=Role.FACILITATOR).values("board_id")
    return (
        Membership.objects.active().filter(board_id__in=boards).exclude(user=user).values("user_id")
    )


def answers_markable_by(user: Visitor) -> QuerySet[AttemptAnswer]:
    """Submitted free-text answers this user may read and mark, as a queryset."""
    if not is_signed_in(user):
        return AttemptAnswer.objects.none()
    return AttemptAnswer.objects.filter(
        type__in=MARKED_BY_FACILITATOR,
        answered_at__isnull=False,
        attempt__finished_at__isnull=False,
        attempt__user_id__in=members_facilitated_by(user),
    )


def access_answer_for_marking(
    user: Visitor, answer_id: int | str, *, request: HttpRequest | None = None
) -> AttemptAnswer:
    """A free-text answer from a member of a board the user facilitates (audited), or 404."""
    row = (
        answers_markable_by(user)
        .filter(pk=answer_id)
        .select_related("attempt__user", "attempt__quiz")
        .first()
    )
    if row is None:
        raise Http404("No such answer.")
    record_viewed(viewer=user, owner=row.attempt.user, target=row, request=request)
    return row

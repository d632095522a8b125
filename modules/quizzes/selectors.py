"""Reads for knowledge checks: a person's attempts, where they stand on a quiz, marking queues."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from learning.models import Board, Role, User
from learning.permissions import active_memberships
from modules.models.pages import without_module_bodies

from .choices import Reveal
from .models import Attempt, AttemptAnswer, Quiz
from .permissions import answers_markable_by
from .services import attempts_left, finish_if_lapsed


def attempts_of(user: User) -> QuerySet[Attempt]:
    """Every attempt the person has made, newest first, with its quiz and module."""
    return Attempt.objects.filter(user=user).select_related("quiz__module")


def with_lapsed_finished(attempts: Iterable[Attempt]) -> list[Attempt]:
    """The attempts as a list, any whose time ran out submitted at its deadline first, so a
    listing never shows "in progress" for an attempt that is over. No query unless one lapsed."""
    listed = list(attempts)
    for attempt in listed:
        finish_if_lapsed(attempt)
    return listed


@dataclass
class CheckSummary:
    """One knowledge check on the member's list: best score so far and attempts left."""

    quiz: Quiz
    taken: int
    best: int | None
    passed: bool
    left: int | None  # None: unlimited
    open_attempt: Attempt | None


def summaries_of(attempts: list[Attempt]) -> list[CheckSummary]:
    """A summary per knowledge check from the person's attempts (no further queries)."""
    by_quiz: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    summaries = []
    for quiz_attempts in by_quiz.values():
        quiz = quiz_attempts[0].quiz
        scores = [a.score for a in quiz_attempts if a.score is not None]
        summaries.append(
            CheckSummary(
                quiz=quiz,
                taken=len(quiz_attempts),
                best=max(scores) if scores else None,
                passed=any(a.passed for a in quiz_attempts),
                left=attempts_left(quiz=quiz, taken=len(quiz_attempts)),
                open_attempt=next((a for a in quiz_attempts if not a.is_finished), None),
            )
        )
    return sorted(summaries, key=lambda summary: summary.quiz.title)


@dataclass
class Standing:
    """One person's standing on a quiz: an attempt to carry on, the latest result, what is left."""

    quiz: Quiz
    open_attempt: Attempt | None
    latest_finished: Attempt | None
    ever_passed: bool
    taken: int
    left: int | None  # None: unlimited

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and self.left != 0


def open_attempt(user: User, quiz: Quiz) -> Attempt | None:
    return Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()


def standing_on(user: User, quiz: Quiz) -> Standing:
    """The person's standing on a quiz, in one query (and, when the time of an open attempt
    ran out, the writes that submit it at its deadline)."""
    attempts = list(Attempt.objects.filter(user=user, quiz=quiz).order_by("-number"))
    for attempt in attempts:
        finish_if_lapsed(attempt)
    open_attempt = next((a for a in attempts if not a.is_finished), None)
    finished = [a for a in attempts if a.is_finished]
    return Standing(
        quiz=quiz,
        open_attempt=open_attempt,
        latest_finished=finished[0] if finished else None,
        ever_passed=any(a.passed for a in finished),
        taken=len(attempts),
        left=attempts_left(quiz=quiz, taken=len(attempts)),
    )


def attempt_rows(attempt: Attempt) -> list[AttemptAnswer]:
    """The attempt's questions in order, each with its options, in two queries."""
    return list(attempt.answers.prefetch_related("options"))


def answers_shown(attempt: Attempt, standing: Standing) -> bool:
    """Whether a finished attempt's correct answers and explanations are shown, by the quiz's
    setting as it was when the attempt started."""
    if attempt.reveal == Reveal.NEVER:
        return False
    if attempt.reveal == Reveal.AFTER_LAST:
        return standing.ever_passed or standing.left == 0
    return True


@dataclass(frozen=True)
class Interim:
    """The auto-marked part of a finished attempt while a written answer waits for marking."""

    right: int
    marked: int
    waiting: int


def interim_result(attempt: Attempt, rows: list[AttemptAnswer]) -> Interim | None:
    """How many marked questions are right while written answers wait; None once all is marked."""
    if not attempt.awaiting_marking:
        return None
    marked = [row for row in rows if row.correct is not None]
    return Interim(
        right=sum(1 for row in marked if row.correct),
        marked=len(marked),
        waiting=len(rows) - len(marked),
    )


def first_unanswered_position(attempt: Attempt) -> int:
    row = attempt.answers.filter(answered_at__isnull=True).order_by("position").first()
    return row.position if row else 1


def marking_queue(user: User) -> list[AttemptAnswer]:
    """Free-text answers waiting for this facilitator's marking, oldest first."""
    return list(
        answers_markable_by(user)
        .filter(correct__isnull=True)
        .select_related("attempt__user", "attempt__quiz")
        .order_by("attempt__finished_at", "position")
    )


def recently_marked_by(user: User, limit: int = 20) -> list[AttemptAnswer]:
    """Answers this facilitator may mark that already have a mark, newest first."""
    return list(
        answers_markable_by(user)
        .filter(correct__isnull=False, marked_at__isnull=False)
        .select_related("attempt__user", "attempt__quiz")
        .order_by("-marked_at")[:limit]
    )


def boards_facilitated(user: User) -> list[Board]:
    return [
        membership.board for membership in active_memberships(user).filter(role=Role.FACILITATOR)
    ]


def live_quizzes() -> QuerySet[Quiz]:
    quizzes: QuerySet[Quiz] = Quiz.objects.filter(live=True).select_related("module")
    quizzes = quizzes.defer(*without_module_bodies("module"))
    return quizzes.order_by("module__path", "title")


def awaiting_count(user: User) -> int:
    return answers_markable_by(user).filter(correct__isnull=True).count()


def attempt_counts(attempt: Attempt) -> dict[str, int]:
    """Answered and flagged questions of an attempt, in one query."""
    return attempt.answers.aggregate(
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        flagged=Count("pk", filter=Q(flagged=True)),
    )

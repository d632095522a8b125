"""Question analysis for a board: how the board did on each question of a knowledge check.

Counts each member's latest finished attempt once. Shown only when enough members of the
board have finished an attempt (learning.privacy), and each question's row only when enough
of them have a marked answer to that question (with question pools, not every attempt asks
every question), so no one person's answers can be picked out. The number of queries does
not grow with the number of attempts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from learning.models import Board, Membership
from learning.privacy import group_is_shown, minimum_group

from .models import Attempt, AttemptAnswer, AttemptOption, Question, Quiz
from .question_types import COUNTS_WRONG_CHOICES


@dataclass
class QuestionRow:
    """One question's figures. When `shown` is false too few members have a marked answer to
    it: `right` and the wrong answer are left empty, not merely hidden by the page."""

    question_id: int
    text: str
    answered: int
    right: int
    awaiting_marking: int
    shown: bool = True
    common_wrong_answer: str = ""
    common_wrong_count: int = 0

    @property
    def percent_right(self) -> int | None:
        if not self.shown:
            return None
        return round(100 * self.right / self.answered) if self.answered else 0


@dataclass
class Analysis:
    board: Board
    quiz: Quiz
    finished_members: int
    minimum: int
    rows: list[QuestionRow] = field(default_factory=list)

    @property
    def enough(self) -> bool:
        return group_is_shown(self.finished_members, minimum=self.minimum)

    @property
    def withheld_rows(self) -> int:
        return sum(1 for row in self.rows if not row.shown)


def question_analysis(*, board: Board, quiz: Quiz) -> Analysis:
    """Per question: the share answered right and the wrong answer chosen most often."""
    return question_analyses(board=board, quizzes=[quiz])[quiz.pk]


def question_analyses(*, board: Board, quizzes: list[Quiz]) -> dict[int, Analysis]:
    """`question_analysis` for several checks at once, in four queries however many checks,
    members or attempts there are. Keyed by quiz id."""
    if not quizzes:
        return {}
    member_ids = Membership.objects.board_members().filter(board=board).values("user_id")
    wanted = {quiz.pk for quiz in quizzes}
    # By member only, the checks picked out here: with the checks in the query too, SQLite
    # reads every attempt at each check by anyone, which grows with the service.
    latest = (
        Attempt.objects.filter(user_id__in=member_ids, finished_at__isnull=False)
        .values("quiz_id", "user_id")
        .annotate(latest=Max("pk"))
        .values_list("quiz_id", "latest")
        .order_by()
    )
    latest_ids: dict[int, list[int]] = defaultdict(list)
    for quiz_id, attempt_id in latest:
        if quiz_id in wanted:
            latest_ids[quiz_id].append(attempt_id)
    analyses = {
        quiz.pk: Analysis(
            board=board,
            quiz=quiz,
            finished_members=len(latest_ids[quiz.pk]),
            minimum=minimum_group(),
        )
        for quiz in quizzes
    }
    enough = [quiz_id for quiz_id, analysis in analyses.items() if analysis.enough]
    if not enough:
        return analyses
    attempt_ids = [attempt_id for quiz_id in enough for attempt_id in latest_ids[quiz_id]]
    questions = Question.objects.filter(quiz_id__in=enough).order_by("quiz_id", "sort_order")
    totals = {
        row["question_id"]: row
        for row in AttemptAnswer.objects.filter(attempt_id__in=attempt_ids)
        .values("question_id")
        .annotate(
            answered=Count("pk"),
            right=Count("pk", filter=Q(correct=True)),
            waiting=Count("pk", filter=Q(correct__isnull=True)),
        )
        .order_by()
    }
    wrong_choices: dict[int, Counter] = defaultdict(Counter)
    for question_id, text in AttemptOption.objects.filter(
        attempt_answer__attempt_id__in=attempt_ids,
        attempt_answer__type__in=COUNTS_WRONG_CHOICES,
        chosen=True,
        correct=False,
    ).values_list("attempt_answer__question_id", "text"):
        wrong_choices[question_id][text] += 1

    for question_id, quiz_id, text in questions.values_list("pk", "quiz_id", "text"):
        row = totals.get(question_id)
        if row is None:
            continue
        marked = row["answered"] - row["waiting"]
        shown = group_is_shown(marked)
        line = QuestionRow(
            question_id=question_id,
            text=text,
            answered=marked,
            right=row["right"] if shown else 0,
            awaiting_marking=row["waiting"],
            shown=shown,
        )
        if shown and wrong_choices[question_id]:
            line.common_wrong_answer, line.common_wrong_count = wrong_choices[
                question_id
            ].most_common(1)[0]
        analyses[quiz_id].rows.append(line)
    return analyses

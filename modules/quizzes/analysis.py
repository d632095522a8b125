"""Question analysis for a board: how the board did on each question of a knowledge check.

Counts each member's latest finished attempt once. Shown only when at least
`BOARDREADY_MIN_GROUP` members of the board have finished an attempt, so no one person's
answers can be picked out. The number of queries does not grow with the number of attempts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Q

from learning.models import Board, Membership

from .models import Attempt, AttemptAnswer, AttemptOption, Quiz


@dataclass
class QuestionRow:
    question_id: int
    text: str
    answered: int
    right: int
    awaiting_marking: int
    common_wrong_answer: str = ""
    common_wrong_count: int = 0

    @property
    def percent_right(self) -> int:
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
        return self.finished_members >= self.minimum


def question_analysis(*, board: Board, quiz: Quiz) -> Analysis:
    """Per question: the share answered right and the wrong answer chosen most often."""
    member_ids = Membership.objects.board_members().filter(board=board).values("user_id")
    latest_ids = list(
        Attempt.objects.filter(quiz=quiz, user_id__in=member_ids, finished_at__isnull=False)
        .values("user_id")
        .annotate(latest=Max("pk"))
        .values_list("latest", flat=True)
    )
    analysis = Analysis(
        board=board,
        quiz=quiz,
        finished_members=len(latest_ids),
        minimum=settings.BOARDREADY_MIN_GROUP,
    )
    if not analysis.enough:
        return analysis

    questions = {question.pk: question for question in quiz.questions.all()}
    totals = (
        AttemptAnswer.objects.filter(attempt_id__in=latest_ids, question_id__in=questions)
        .values("question_id")
        .annotate(
            answered=Count("pk"),
            right=Count("pk", filter=Q(correct=True)),
            waiting=Count("pk", filter=Q(correct__isnull=True)),
        )
    )
    wrong_choices: dict[int, Counter] = defaultdict(Counter)
    for question_id, text in AttemptOption.objects.filter(
        attempt_answer__attempt_id__in=latest_ids,
        attempt_answer__question_id__in=questions,
        chosen=True,
        correct=False,
    ).values_list("attempt_answer__question_id", "text"):
        wrong_choices[question_id][text] += 1

    by_question = {row["question_id"]: row for row in totals}
    for question_id, question in questions.items():
        row = by_question.get(question_id)
        if row is None:
            continue
        line = QuestionRow(
            question_id=question_id,
            text=question.text,
            answered=row["answered"] - row["waiting"],
            right=row["right"],
            awaiting_marking=row["waiting"],
        )
        if wrong_choices[question_id]:
            line.common_wrong_answer, line.common_wrong_count = wrong_choices[
                question_id
            ].most_common(1)[0]
        analysis.rows.append(line)
    return analysis

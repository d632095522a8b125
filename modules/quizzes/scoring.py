"""How attempts are scored. Pure functions over snapshot rows.

Each question type judges its own answers (`question_types`): a choice question is right only
when the options chosen are exactly the correct ones; a free-text answer is right or wrong as a
facilitator marks it, and until then the attempt has no score. An unanswered question counts as
wrong once the attempt is finished.
"""

from dataclasses import dataclass

from .models import Attempt


@dataclass(frozen=True)
class Result:
    score: int | None  # percent, None while awaiting marking
    passed: bool | None

    @property
    def awaiting_marking(self) -> bool:
        return self.passed is None


def attempt_result(attempt: Attempt, judgements: list[bool | None]) -> Result:
    """The score and pass of a finished attempt from each answer's `correct` value."""
    if not judgements or any(judgement is None for judgement in judgements):
        return Result(score=None, passed=None)
    right = sum(1 for judgement in judgements if judgement)
    total = len(judgements)
    # Compare whole numbers so a pass mark of 70 is met by 7 of 10 without rounding doubts.
    return Result(score=round(100 * right / total), passed=100 * right >= attempt.pass_mark * total)

"""The answer rules every question keeps, whether written in the admin or loaded from a file.
Each type's own rules are in `question_types`."""

from django.utils.translation import gettext as _

from .question_types import QUESTION_TYPES


def answer_problems(question_type: str, answers: list[tuple[str, bool]]) -> list[str]:
    """What is wrong with a question's answers, as (text, correct) pairs; empty when all is well."""
    kind = QUESTION_TYPES.get(question_type)
    if kind is None:
        return [_("Choose a question type.")]
    return kind.answer_problems(answers)

"""The answer rules every question keeps, whether written in the admin or loaded from a file."""

from django.utils.translation import gettext as _

from .choices import CHOICE_TYPES, QuestionType

TRUE_FALSE_TEXTS = ("True", "False")


def answer_problems(question_type: str, answers: list[tuple[str, bool]]) -> list[str]:
    """What is wrong with a question's answers, as (text, correct) pairs; empty when all is well."""
    correct = sum(1 for _text, is_correct in answers if is_correct)
    if question_type == QuestionType.FREE_TEXT:
        if answers:
            return [_("A free-text question has no answers: a facilitator marks it.")]
        return []
    if question_type not in CHOICE_TYPES:
        return [_("Choose a question type.")]
    problems = []
    if len(answers) < 2:
        problems.append(_("A choice question needs at least two answers."))
    if correct == 0:
        problems.append(_("Mark at least one answer as correct."))
    if question_type == QuestionType.SINGLE and correct > 1:
        problems.append(_("A single-choice question has only one correct answer."))
    if question_type == QuestionType.TRUE_FALSE:
        texts = sorted(text.strip() for text, _correct in answers)
        if texts != sorted(TRUE_FALSE_TEXTS) or correct != 1:
            problems.append(
                _(
                    'A true or false question has exactly two answers, "True" and "False", '
                    "one of them correct."
                )
            )
    return problems

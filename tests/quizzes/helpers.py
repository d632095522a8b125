"""Steps several knowledge-check tests share: taking a whole attempt through the services."""

from modules.quizzes.choices import QuestionType
from modules.quizzes.services import attempt_answer, attempt_finish, attempt_start


def answer_every_question(attempt, *, right=True, written="My written answer."):
    """Answers every question of an attempt right (or wrong); free text gets `written`."""
    for row in attempt.answers.prefetch_related("options"):
        if row.type == QuestionType.FREE_TEXT:
            attempt_answer(attempt_answer=row, option_ids=[], free_text=written)
            continue
        ids = [option.pk for option in row.options.all() if option.correct == right]
        if row.type != QuestionType.MULTIPLE:
            ids = ids[:1]
        attempt_answer(attempt_answer=row, option_ids=ids)


def take(user, quiz, *, right=True, finish=True, written="My written answer."):
    """Starts an attempt, answers every question right (or wrong) and, by default, submits it."""
    attempt = attempt_start(user=user, quiz=quiz)
    answer_every_question(attempt, right=right, written=written)
    return attempt_finish(attempt=attempt) if finish else attempt

"""Steps several knowledge-check tests share: taking a whole attempt through the services."""

from modules.quizzes import demo
from modules.quizzes.models import Attempt
from modules.quizzes.services import attempt_finish, attempt_start


def answer_every_question(
    attempt: Attempt, *, right: bool = True, written: str = "My written answer."
) -> None:
    """Answers every question of an attempt right (or wrong); free text gets `written`."""
    demo.answer_every_question(attempt, right=right, written=written)


def take(user, quiz, *, right=True, finish=True, written="My written answer."):
    """Starts an attempt, answers every question right (or wrong) and, by default, submits it."""
    attempt = attempt_start(user=user, quiz=quiz)
    answer_every_question(attempt, right=right, written=written)
    return attempt_finish(attempt=attempt) if finish else attempt

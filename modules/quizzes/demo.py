"""Demo attempts at a knowledge check for Northbridge members, made through the real services.

Five members finish the first module's check, so the facilitator's question analysis shows:
three pass, one does not, and one waits for the facilitator to mark a written answer. A person
who already has an attempt is left alone, so running the seed again adds nothing.
"""

from learning.models import User

from .models import Attempt, Quiz
from .question_types import MARKED_BY_FACILITATOR
from .services import attempt_answer, attempt_finish, attempt_mark, attempt_start

# (email, how they answer, whether the facilitator has marked their written answer)
NORTHBRIDGE_ATTEMPTS = [
    ("exec1@northbridge.example", "right", True),
    ("exec2@northbridge.example", "right", True),
    ("ned1@northbridge.example", "right", True),
    ("ned2@northbridge.example", "wrong", True),
    ("ned3@northbridge.example", "right", False),
]
FACILITATOR = "facilitator@northbridge.example"
WRITTEN_ANSWER = (
    "Our board would look at our own workforce race equality data first, then ask staff networks "
    "what the figures miss."
)

COMMENTS = {
    True: "Good: starting from your own data is the right place to begin.",
    False: "Look again at what the module says about who owns the data and the follow-up.",
}


def demo_quiz() -> Quiz | None:
    """The live check of the first module, preferring one with a written question."""
    quizzes = Quiz.objects.filter(live=True, module__isnull=False).order_by("module__path")
    with_free_text = quizzes.filter(questions__type__in=MARKED_BY_FACILITATOR).distinct().first()
    return with_free_text or quizzes.first()


def answer_every_question(attempt: Attempt, *, right: bool, written: str) -> None:
    """Answers every question of an attempt right (or wrong), through the real service; a
    written answer gets `written`."""
    for row in attempt.answers.prefetch_related("options"):
        option_ids, free_text = row.question_type.sample_answer(
            list(row.options.all()), right=right, written=written
        )
        attempt_answer(attempt_answer=row, option_ids=option_ids, free_text=free_text)


def mark_written_answers(
    attempt: Attempt, *, marker: User, correct: bool, comment: str = ""
) -> None:
    """Marks every written answer of a finished attempt, through the real service."""
    for row in attempt.answers.filter(type__in=MARKED_BY_FACILITATOR):
        attempt_mark(attempt_answer=row, marker=marker, correct=correct, comment=comment)


def seed_demo_attempts(people) -> None:
    quiz = demo_quiz()
    if quiz is None:
        return
    facilitator = people.user(FACILITATOR)
    for email, how, marked in NORTHBRIDGE_ATTEMPTS:
        user = people.user(email)
        if Attempt.objects.filter(user=user, quiz=quiz).exists():
            continue
        attempt = attempt_start(user=user, quiz=quiz)
        answer_every_question(attempt, right=how == "right", written=WRITTEN_ANSWER)
        attempt = attempt_finish(attempt=attempt)
        if marked:
            mark_written_answers(
                attempt,
                marker=facilitator,
                correct=how == "right",
                comment=COMMENTS[how == "right"],
            )

"""Demo attempts at a knowledge check for Northbridge members, made through the real services.

Five members finish the first module's check, so the facilitator's question analysis shows:
three pass, one does not, and one waits for the facilitator to mark a written answer. A person
who already has an attempt is left alone, so running the seed again adds nothing.
"""

from .choices import QuestionType
from .models import Attempt, Quiz
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
    with_free_text = quizzes.filter(questions__type=QuestionType.FREE_TEXT).distinct().first()
    return with_free_text or quizzes.first()


def _answer_all(attempt: Attempt, *, right: bool) -> None:
    for row in attempt.answers.prefetch_related("options"):
        options = list(row.options.all())
        if row.type == QuestionType.FREE_TEXT:
            attempt_answer(attempt_answer=row, option_ids=[], free_text=WRITTEN_ANSWER)
            continue
        wanted = [option.pk for option in options if option.correct == right]
        if row.type != QuestionType.MULTIPLE:
            wanted = wanted[:1]
        attempt_answer(attempt_answer=row, option_ids=wanted)


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
        _answer_all(attempt, right=how == "right")
        attempt = attempt_finish(attempt=attempt)
        if not marked:
            continue
        for row in attempt.answers.filter(type=QuestionType.FREE_TEXT):
            attempt_mark(
                attempt_answer=row,
                marker=facilitator,
                correct=how == "right",
                comment=COMMENTS[how == "right"],
            )

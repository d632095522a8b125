"""Demo data for Eastmoor's dashboard (`seed_demo`, after the other areas). Idempotent.

Eastmoor's board is small: three members have read a module and passed its knowledge check on
their own, so the check's results stay hidden, as its self-assessment round's do. Everything
is written through the progress and knowledge-check services.
"""

from django.db import transaction

from modules.models import ModulePage
from modules.progress import progress_record_opened, progress_record_read
from modules.quizzes.demo import answer_every_question, mark_written_answers
from modules.quizzes.models import Attempt, Quiz
from modules.quizzes.services import attempt_finish, attempt_start

MODULE = "structural-racism"
FACILITATOR = "facilitator@eastmoor.example"
FINISHERS = ["member1@eastmoor.example", "member2@eastmoor.example", "member3@eastmoor.example"]
WRITTEN = "We would start from our own workforce figures and ask our staff network what they miss."


def _finish(user, module, quiz, facilitator) -> None:
    """Reads the module and passes its check, unless the person has already tried it."""
    if quiz is None or Attempt.objects.filter(user=user, quiz=quiz).exists():
        return
    progress_record_opened(user=user, page=module)
    progress_record_read(user=user, page=module)
    attempt = attempt_start(user=user, quiz=quiz)
    answer_every_question(attempt, right=True, written=WRITTEN)
    attempt = attempt_finish(attempt=attempt)
    mark_written_answers(attempt, marker=facilitator, correct=True)


@transaction.atomic
def seed_eastmoor(people) -> None:
    module = ModulePage.objects.live().filter(slug=MODULE).first()
    if module is None:
        return
    facilitator = people.user(FACILITATOR)
    quiz = Quiz.objects.filter(module=module, live=True).first()
    for email in FINISHERS:
        _finish(people.user(email), module, quiz, facilitator)

"""Writes for knowledge checks: starting, answering, finishing and marking attempts.

Every function is keyword-only, runs in one transaction and is safe to call twice. Attempts are
locked with `select_for_update` before they change, so two simultaneous "finish" requests give
one finished attempt with one score.
"""

import random
import secrets
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import User
from modules.models import ModuleProgress
from modules.progress import progress_record_check

from .choices import Feedback
from .models import Answer, Attempt, AttemptAnswer, AttemptOption, Question, Quiz
from .scoring import attempt_result


class QuizError(Exception):
    """A request the quiz rules refuse; `message` says why in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AttemptRefused(QuizError):
    """No attempt may start: the check is not live, has no questions or no attempts remain."""


class AttemptFinished(QuizError):
    """The attempt is finished: answers can no longer change."""


class AnswerInvalid(QuizError):
    """The answer does not belong to this question (a forged or stale form)."""


class TimeUp(QuizError):
    """The attempt's time limit has passed: it was submitted at its deadline as it stood."""


class AnswerLocked(QuizError):
    """The member already saw the feedback for this question, so the answer stays."""


def attempts_left(*, quiz: Quiz, taken: int) -> int | None:
    """How many more attempts a person who has taken `taken` may start; None for unlimited."""
    if quiz.attempts_allowed is None:
        return None
    return max(quiz.attempts_allowed - taken, 0)


@transaction.atomic
def attempt_start(*, user: User, quiz: Quiz) -> Attempt:
    """Starts an attempt, or returns the person's unfinished one so they carry on where they were.

    Draws the questions (in random order or a random subset where the quiz says so) and copies
    them and their answers into the attempt.
    """
    existing = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
    if existing is not None:
        return existing
    if not quiz.live:
        raise AttemptRefused(_("This knowledge check is not available."))
    taken = Attempt.objects.filter(user=user, quiz=quiz).count()
    if attempts_left(quiz=quiz, taken=taken) == 0:
        raise AttemptRefused(
            _("You have used all %(count)s attempts at this knowledge check.")
            % {"count": quiz.attempts_allowed}
        )
    questions = list(quiz.questions.prefetch_related("answers"))
    if not questions:
        raise AttemptRefused(_("This knowledge check has no questions yet."))
    seen = Counter(
        AttemptAnswer.objects.filter(
            attempt__user=user, attempt__quiz=quiz, question__isnull=False
        ).values_list("question_id", flat=True)
    )
    randomiser = _randomiser(user=user, quiz=quiz, number=taken + 1)
    questions = draw_questions(questions, draw=quiz.draw, seen=seen, randomiser=randomiser)
    if quiz.random_order:
        randomiser.shuffle(questions)
    else:
        questions.sort(key=lambda question: question.sort_order or 0)

    started_at = timezone.now()
    attempt = Attempt(
        user=user,
        quiz=quiz,
        number=taken + 1,
        question_count=len(questions),
        started_at=started_at,
        time_limit=quiz.time_limit,
        deadline=started_at + timedelta(minutes=quiz.time_limit) if quiz.time_limit else None,
        pass_mark=quiz.pass_mark,
        feedback=quiz.feedback,
        reveal=quiz.reveal,
    )
    # Uniqueness is left to the database: a second "start" racing this one (two taps, two
    # tabs) may commit between the check above and the save, and must not become a 500.
    attempt.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:  # the racing "start" won; carry on with its attempt
        raced = Attempt.objects.filter(user=user, quiz=quiz, finished_at__isnull=True).first()
        if raced is None:
            raise
        return raced
    rows = AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            position=position,
            question=question,
            type=question.type,
            text=question.text,
            explanation=question.explanation,
            topic=question.topic,
        )
        for position, question in enumerate(questions, start=1)
    )
    AttemptOption.objects.bulk_create(
        AttemptOption(
            attempt_answer=row,
            position=position,
            answer=answer,
            text=answer.text,
            correct=answer.correct,
        )
        for row, question in zip(rows, questions, strict=True)
        for position, answer in enumerate(
            _answers_in_order(question, quiz=quiz, randomiser=randomiser), start=1
        )
    )
    return attempt


def _lapsed(attempt: Attempt, now: datetime | None = None) -> bool:
    return attempt.deadline is not None and (now or timezone.now()) >= attempt.deadline


def time_up_message(attempt: Attempt) -> str:
    return _(
        "Your time ran out at %(time)s, so nothing you sent after that was saved. Your attempt "
        "was submitted with the answers you saved before then."
    ) % {"time": timezone.localtime(attempt.deadline).strftime("%H:%M")}


def _randomiser(*, user: User, quiz: Quiz, number: int) -> random.Random:
    """Unpredictable draws, unless `BOARDREADY_QUIZ_SEED` fixes them (for tests and demos):
    then each person's attempt has its own repeatable sequence."""
    seed = getattr(settings, "BOARDREADY_QUIZ_SEED", None)
    if seed is None:
        return secrets.SystemRandom()
    return random.Random(f"{seed}:{user.pk}:{quiz.pk}:{number}")  # noqa: S311 (not secret)


def draw_questions(
    questions: list[Question],
    *,
    draw: int | None,
    seen: Counter[int],
    randomiser: random.Random,
) -> list[Question]:
    """The questions an attempt asks: all of them, or `draw` of them: every question a
    facilitator marks (free text), then the questions this person has seen least often (never,
    first), at random among equals."""
    if not draw or draw >= len(questions):
        return list(questions)
    written = [q for q in questions if q.question_type.marked_by_facilitator]
    others = [q for q in questions if not q.question_type.marked_by_facilitator]
    randomiser.shuffle(others)
    others.sort(key=lambda question: seen[question.pk])  # stable: random order among equals
    return (written + others)[: max(draw, len(written))]


def _answers_in_order(question: Question, *, quiz: Quiz, randomiser: random.Random) -> list[Answer]:
    answers = list(question.answers.all())
    if quiz.random_order and question.shuffle_answers:
        randomiser.shuffle(answers)
    return answers


def _lock_open_attempt(attempt_id: int) -> Attempt:
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
    if attempt.finished_at is not None:
        raise AttemptFinished(
            _("You have already submitted this knowledge check, so your answers cannot change.")
        )
    return attempt


@transaction.atomic
def attempt_answer(
    *,
    attempt_answer: AttemptAnswer,
    option_ids: list[int],
    free_text: str = "",
    flagged: bool = False,
) -> AttemptAnswer:
    """Saves the answer to one question of an unfinished attempt (and its "come back" flag).

    The answer posted is the answer kept: in Deferred mode it replaces the one saved before
    (an empty answer clears it), and nothing is marked until the attempt is submitted. In
    Immediate mode the answer is marked as it is saved and cannot change after that. Posting
    the same answer again changes nothing. The row is updated in place: an attempt has one row
    per question and one option row per answer, however often the member changes their mind.
    """
    # One query locks the question's row and its attempt, and reads them fresh (another tab
    # may have changed them since this request read them). A lapsed attempt was finished by
    # `finish_if_lapsed` before this transaction (see the view); one that lapsed in between is
    # refused here and finished by the next request.
    row = (
        AttemptAnswer.objects.select_for_update()
        .select_related("attempt")
        .get(pk=attempt_answer.pk)
    )
    attempt = row.attempt
    if attempt.finished_at is not None:
        raise AttemptFinished(
            _("You have already submitted this knowledge check, so your answers cannot change.")
        )
    if _lapsed(attempt):
        raise TimeUp(time_up_message(attempt))
    chosen = set(option_ids)
    free_text = free_text.strip()
    kind = row.question_type
    posted = kind.read_posted(row, chosen, free_text)
    if posted.problem is not None:
        raise AnswerInvalid(posted.problem)
    given, unchanged = posted.given, posted.unchanged

    immediate = attempt.feedback == Feedback.EACH
    if immediate and row.is_answered:
        if not unchanged and (given or kind.empty_post_is_a_change):
            raise AnswerLocked(_("You have already answered this question and seen the result."))
        return row  # nothing to change, and the flag no longer matters
    fields = ["flagged"]
    # An Immediate answer locks as it is saved: a flag beside it would lead nowhere.
    row.flagged = flagged and not (immediate and given)
    if not unchanged:
        if kind.has_options:
            AttemptOption.objects.filter(attempt_answer=row).update(
                chosen=Case(When(pk__in=chosen, then=Value(True)), default=Value(False))
            )
        else:
            row.free_text = free_text
            fields.append("free_text")
        row.answered_at = timezone.now() if given else None
        fields.append("answered_at")
        judgement = kind.judge(posted.options, chosen) if immediate and given else None
        if judgement is not None:
            row.correct = judgement
            fields.append("correct")
    row.save(update_fields=fields)
    attempt_answer.__dict__.update(
        {name: getattr(row, name) for name in ("flagged", "free_text", "answered_at", "correct")}
    )
    return row


def _mark_choices(attempt: Attempt) -> None:
    """Marks every choice question of a submitted attempt from the options chosen, and every
    unanswered question as not right. Written answers wait for a facilitator."""
    rows = list(attempt.answers.prefetch_related("options"))
    for row in rows:
        if not row.is_answered:
            judgement: bool | None = False
        else:
            options = list(row.options.all())
            judgement = row.question_type.judge(options, {o.pk for o in options if o.chosen})
        if judgement is None:
            continue
        if row.correct != judgement:
            row.correct = judgement
            row.save(update_fields=["correct"])


def _quiz_check_state(*, user: User, quiz_id: int) -> str:
    """The module's knowledge-check state from all the person's finished attempts."""
    results = set(
        Attempt.objects.filter(user=user, quiz_id=quiz_id, finished_at__isnull=False).values_list(
            "passed", flat=True
        )
    )
    if True in results:
        return ModuleProgress.CheckState.PASSED
    if None in results:
        return ModuleProgress.CheckState.AWAITING_MARKING
    return ModuleProgress.CheckState.FAILED


def _record_result(attempt: Attempt) -> None:
    judgements = list(attempt.answers.values_list("correct", flat=True))
    result = attempt_result(attempt, judgements)
    attempt.score, attempt.passed = result.score, result.passed
    attempt.save(update_fields=["score", "passed", "finished_at"])
    quiz = Quiz.objects.select_related("module").get(pk=attempt.quiz_id)
    if quiz.module is not None:
        progress_record_check(
            user=attempt.user,
            page=quiz.module,
            state=_quiz_check_state(user=attempt.user, quiz_id=quiz.pk),
        )


def finish_if_lapsed(attempt: Attempt, *, now: datetime | None = None) -> bool:
    """Submits an unfinished attempt whose time ran out, at its deadline, with what was saved.
    Returns whether it did (False when the attempt is finished already or still has time).
    Only a lapsed attempt opens a transaction: this runs on every question page."""
    if attempt.deadline is None or attempt.finished_at is not None or not _lapsed(attempt, now):
        return False
    with transaction.atomic():
        return _finish_lapsed_locked(attempt)


def _finish_lapsed_locked(attempt: Attempt) -> bool:
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.finished_at is not None:
        return False
    _mark_choices(locked)
    locked.finished_at = locked.deadline
    _record_result(locked)
    attempt.finished_at, attempt.score, attempt.passed = (
        locked.finished_at,
        locked.score,
        locked.passed,
    )
    return True


def finish_lapsed_attempts(now: datetime | None = None) -> int:
    """Submits every attempt whose time ran out (from `send_reminders`); returns how many."""
    now = now or timezone.now()
    lapsed = Attempt.objects.filter(finished_at__isnull=True, deadline__lte=now)
    return sum(1 for attempt in lapsed if finish_if_lapsed(attempt, now=now))


@transaction.atomic
def attempt_extend(*, attempt: Attempt) -> Attempt:
    """Gives a timed attempt half its time limit again, once (WCAG 2.2.1, timing adjustable)."""
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.finished_at is not None:
        raise AttemptFinished(_("You have already submitted this knowledge check."))
    if _lapsed(locked):
        raise TimeUp(time_up_message(locked))
    if locked.deadline is None:
        raise QuizError(_("This knowledge check has no time limit."))
    if locked.extended:
        raise QuizError(_("You have already had your extra time for this attempt."))
    locked.deadline += timedelta(minutes=locked.extension_minutes)
    locked.extended = True
    locked.save(update_fields=["deadline", "extended"])
    return locked


@transaction.atomic
def attempt_finish(*, attempt: Attempt) -> Attempt:
    """Submits an attempt: unanswered questions count as wrong, and the score is set once.

    A second call (a double click, or two requests at once) returns the finished attempt as is.
    """
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.finished_at is not None:
        return attempt
    _mark_choices(attempt)
    now = timezone.now()
    # Submitted after the time ran out: it counts as finished at the deadline.
    attempt.finished_at = min(now, attempt.deadline) if attempt.deadline else now
    _record_result(attempt)
    return attempt


@transaction.atomic
def attempt_mark(
    *, attempt_answer: AttemptAnswer, marker: User, correct: bool, comment: str = ""
) -> AttemptAnswer:
    """A facilitator marks a free-text answer right or wrong; the attempt's score follows."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt_answer.attempt_id)
    row = AttemptAnswer.objects.get(pk=attempt_answer.pk)
    if not row.question_type.marked_by_facilitator or attempt.finished_at is None:
        raise QuizError(_("Only submitted free-text answers are marked."))
    comment = comment.strip()
    if row.correct == correct and row.marker_comment == comment and row.marked_at:
        return row
    row.correct = correct
    row.marker_comment = comment
    row.marked_by = marker
    row.marked_at = timezone.now()
    row.full_clean()
    row.save(update_fields=["correct", "marker_comment", "marked_by", "marked_at"])
    _record_result(attempt)
    return row

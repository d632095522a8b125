"""Writes for knowledge checks: starting, answering, finishing and marking attempts.

Every function is keyword-only, runs in one transaction and is safe to call twice. Attempts are
locked with `select_for_update` before they change, so two simultaneous "finish" requests give
one finished attempt with one score.
"""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.models import ModuleProgress
from modules.progress import progress_record_check

from .choices import CHOICE_TYPES, Feedback, QuestionType
from .models import Attempt, AttemptAnswer, AttemptOption, Quiz
from .scoring import attempt_result, choice_is_right


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


class AnswerLocked(QuizError):
    """The member already saw the feedback for this question, so the answer stays."""


def attempts_left(*, quiz: Quiz, taken: int) -> int | None:
    """How many more attempts a person who has taken `taken` may start; None for unlimited."""
    if quiz.attempts_allowed is None:
        return None
    return max(quiz.attempts_allowed - taken, 0)


@transaction.atomic
def attempt_start(*, user, quiz: Quiz) -> Attempt:
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
    randomiser = secrets.SystemRandom()
    if quiz.draw and quiz.draw < len(questions):
        questions = randomiser.sample(questions, quiz.draw)
        if not quiz.random_order:
            questions.sort(key=lambda question: question.sort_order or 0)
    elif quiz.random_order:
        randomiser.shuffle(questions)

    attempt = Attempt(
        user=user,
        quiz=quiz,
        number=taken + 1,
        question_count=len(questions),
        started_at=timezone.now(),
        pass_mark=quiz.pass_mark,
        feedback=quiz.feedback,
        reveal=quiz.reveal,
    )
    attempt.full_clean()
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:  # a second "start" raced this one and won; carry on with that one
        return Attempt.objects.get(user=user, quiz=quiz, finished_at__isnull=True)
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
        for position, answer in enumerate(question.answers.all(), start=1)
    )
    return attempt


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
    # may have changed them since this request read them).
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
    chosen = set(option_ids)
    free_text = free_text.strip()
    if row.type in CHOICE_TYPES:
        options = list(row.options.all())
        if not chosen <= {option.pk for option in options} or free_text:
            raise AnswerInvalid(_("That answer does not belong to this question."))
        if row.type != QuestionType.MULTIPLE and len(chosen) > 1:
            raise AnswerInvalid(_("Choose one answer."))
        given = bool(chosen)
        unchanged = chosen == {option.pk for option in options if option.chosen}
    else:
        if chosen:
            raise AnswerInvalid(_("That answer does not belong to this question."))
        given = bool(free_text)
        unchanged = free_text == row.free_text

    immediate = attempt.feedback == Feedback.EACH
    if immediate and row.is_answered:
        if not unchanged and (given or row.type == QuestionType.MULTIPLE):
            raise AnswerLocked(_("You have already answered this question and seen the result."))
        return row  # nothing to change, and the flag no longer matters
    fields = ["flagged"]
    row.flagged = flagged
    if not unchanged:
        if row.type in CHOICE_TYPES:
            AttemptOption.objects.filter(attempt_answer=row).update(
                chosen=Case(When(pk__in=chosen, then=Value(True)), default=Value(False))
            )
        else:
            row.free_text = free_text
            fields.append("free_text")
        row.answered_at = timezone.now() if given else None
        fields.append("answered_at")
        if immediate and given and row.type in CHOICE_TYPES:
            row.correct = choice_is_right(options, chosen)
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
            judgement = False
        elif row.type in CHOICE_TYPES:
            options = list(row.options.all())
            judgement = choice_is_right(options, {o.pk for o in options if o.chosen})
        else:
            continue
        if row.correct != judgement:
            row.correct = judgement
            row.save(update_fields=["correct"])


def _quiz_check_state(*, user, quiz_id: int) -> str:
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


@transaction.atomic
def attempt_finish(*, attempt: Attempt) -> Attempt:
    """Submits an attempt: unanswered questions count as wrong, and the score is set once.

    A second call (a double click, or two requests at once) returns the finished attempt as is.
    """
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.finished_at is not None:
        return attempt
    _mark_choices(attempt)
    attempt.finished_at = timezone.now()
    _record_result(attempt)
    return attempt


@transaction.atomic
def attempt_mark(
    *, attempt_answer: AttemptAnswer, marker, correct: bool, comment: str = ""
) -> AttemptAnswer:
    """A facilitator marks a free-text answer right or wrong; the attempt's score follows."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt_answer.attempt_id)
    row = AttemptAnswer.objects.get(pk=attempt_answer.pk)
    if row.type != QuestionType.FREE_TEXT or attempt.finished_at is None:
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

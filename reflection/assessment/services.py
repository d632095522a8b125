"""Writes for self-assessment: versions, rounds, answers, submission and sharing.

Each service is atomic, checks everything before it writes anything, and is safe to call twice.
"""

from datetime import date, datetime, timedelta
from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks.base import TaskResultStatus

from learning.models import Board, User

from .definitions import Definition, build_definition, definition_problems
from .models import (
    DimensionScore,
    Instrument,
    InstrumentVersion,
    ItemAnswer,
    Response,
    Round,
    RoundReminder,
)
from .scoring import score_answers
from .selectors import members_not_answered, overlap_message, overlapping_round

NOT_APPLICABLE = "na"


class AssessmentError(Exception):
    """A refused write. `message` is for the page; `errors` maps statement keys to messages."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


@transaction.atomic
def instrument_version_current(*, instrument: Instrument) -> InstrumentVersion:
    """The version matching the instrument as it is now, frozen as a new version if it changed.

    Versions are never edited, so whatever has been answered keeps the wording it was answered
    against; an unchanged instrument reuses its latest version.
    """
    Instrument.objects.select_for_update().filter(pk=instrument.pk).first()
    definition = build_definition(instrument)
    problems = definition_problems(definition)
    if problems:
        raise ValidationError(problems)
    latest: InstrumentVersion | None = instrument.versions.order_by("-number").first()
    if latest is not None and latest.definition == definition:
        return latest
    number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = InstrumentVersion(instrument=instrument, number=number, definition=definition)
    version.full_clean()
    version.save()
    return version


class RoundError(Exception):
    """A refused change to a round. `field` names the form field the message belongs by."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


REMINDER_GAP = timedelta(hours=24)
ANSWERS_STARTED = gettext_lazy(
    "Someone has started to answer this round, so it cannot be deleted. You can close it instead."
)


def _board_locked(board_id: int) -> None:
    # Rounds of one board are checked and written one at a time, so two facilitators (or a
    # double click) cannot open overlapping rounds between the check and the save.
    Board.objects.select_for_update().filter(pk=board_id).first()


def _check_no_overlap(
    *,
    board_id: int,
    instrument_id: int,
    opens_on: date,
    closes_on: date,
    exclude_pk: int | None = None,
) -> None:
    other = overlapping_round(
        board_id=board_id,
        instrument_id=instrument_id,
        opens_on=opens_on,
        closes_on=closes_on,
        exclude_pk=exclude_pk,
    )
    if other is not None:
        raise RoundError(overlap_message(other), field="opens_on")


@transaction.atomic
def round_create(
    *,
    board: Board,
    instrument: Instrument,
    title: str,
    opens_on: date,
    closes_on: date,
    opened_by: User,
) -> Round:
    """Makes a round. Nobody is emailed now unless it opens today: `send_reminders` emails
    the board on the day it opens (`round_openings_send`). Safe to call twice (same title)."""
    from .tasks import round_notify

    _board_locked(board.pk)
    existing = Round.objects.filter(board=board, title=title).first()
    if existing is not None:
        return existing
    _check_no_overlap(
        board_id=board.pk, instrument_id=instrument.pk, opens_on=opens_on, closes_on=closes_on
    )
    round_ = Round(
        board=board,
        version=instrument_version_current(instrument=instrument),
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        opened_by=opened_by,
    )
    round_.full_clean()
    round_.save()
    if round_.is_open:
        transaction.on_commit(lambda: round_notify.enqueue(round_id=round_.pk))
    return round_


def _locked_round(round_: Round) -> Round:
    _board_locked(round_.board_id)
    return Round.objects.select_for_update().select_related("version").get(pk=round_.pk)


@transaction.atomic
def round_update(*, round_: Round, title: str, opens_on: date, closes_on: date) -> Round:
    """Changes a round's name and dates before it opens (nobody has been told of it yet)."""
    round_ = _locked_round(round_)
    if not round_.is_upcoming:
        raise RoundError(_("This round has opened, so only its closing date can change."))
    if Round.objects.filter(board_id=round_.board_id, title=title).exclude(pk=round_.pk).exists():
        raise RoundError(_("This board already has a round with this name."), field="title")
    _check_no_overlap(
        board_id=round_.board_id,
        instrument_id=round_.version.instrument_id,
        opens_on=opens_on,
        closes_on=closes_on,
        exclude_pk=round_.pk,
    )
    round_.title, round_.opens_on, round_.closes_on = title, opens_on, closes_on
    round_.full_clean()
    round_.save(update_fields=["title", "opens_on", "closes_on"])
    return round_


@transaction.atomic
def round_extend(*, round_: Round, closes_on: date) -> Round:
    """Moves an open round's closing date later. The same date again changes nothing."""
    round_ = _locked_round(round_)
    if not round_.is_open:
        raise RoundError(_("Only an open round can be extended."))
    if closes_on < round_.closes_on:
        raise RoundError(
            _("Choose a date after %(date)s, or close the round now instead.")
            % {"date": formats.date_format(round_.closes_on, "j F Y")},
            field="closes_on",
        )
    _check_no_overlap(
        board_id=round_.board_id,
        instrument_id=round_.version.instrument_id,
        opens_on=round_.opens_on,
        closes_on=closes_on,
        exclude_pk=round_.pk,
    )
    round_.closes_on = closes_on
    round_.full_clean()
    round_.save(update_fields=["closes_on"])
    return round_


@transaction.atomic
def round_close(*, round_: Round) -> Round:
    """Closes an open round today: no more answers, and the board's figures can be shown.
    Closing a closed round changes nothing."""
    round_ = _locked_round(round_)
    if round_.is_closed:
        return round_
    if round_.is_upcoming:
        raise RoundError(_("This round has not opened yet. Delete it instead."))
    round_.closed_at = timezone.now()
    round_.closes_on = timezone.localdate()
    round_.save(update_fields=["closed_at", "closes_on"])
    return round_


@transaction.atomic
def round_delete(*, round_: Round) -> None:
    """Deletes a round nobody has started to answer. Deleting twice is harmless."""
    locked = Round.objects.select_for_update().filter(pk=round_.pk).first()
    if locked is None:
        return
    if locked.responses.exists():
        raise RoundError(str(ANSWERS_STARTED))
    locked.delete()


@transaction.atomic
def round_remind(*, round_: Round, sent_by: User) -> int:
    """Emails every board member who has not submitted an answer to the open round.

    The facilitator never learns who they are, only how many. At most one reminder a round
    in 24 hours, so nobody gets more than one a day from it (a second click sends nothing).
    Returns how many had not answered.
    """
    from .tasks import round_remind_send

    round_ = _locked_round(round_)
    if not round_.is_open:
        raise RoundError(_("Reminders can be sent only while a round is open."))
    now = timezone.now()
    last = round_.reminders.order_by("-created_at").first()
    if last is not None and now - last.created_at < REMINDER_GAP:
        raise RoundError(
            _("A reminder went on %(when)s. You can send another from %(next)s.")
            % {
                "when": formats.date_format(timezone.localtime(last.created_at), "j F Y, H:i"),
                "next": formats.date_format(
                    timezone.localtime(last.created_at + REMINDER_GAP), "j F Y, H:i"
                ),
            }
        )
    outstanding = members_not_answered(round_).count()
    if not outstanding:
        return 0
    reminder = RoundReminder.objects.create(round=round_, sent_by=sent_by, created_at=now)
    transaction.on_commit(lambda: round_remind_send.enqueue(reminder_id=reminder.pk))
    return outstanding


def round_openings_send(now: datetime) -> int:
    """The reminders hook: emails the board of every round that has opened and has not been
    announced. Returns how many emails went. Safe to run twice (round_notify stamps the round)."""
    from .tasks import round_notify

    day = timezone.localdate(now)
    sent = 0
    for round_id in (
        Round.objects.open_on(day).filter(notified_at=None).values_list("pk", flat=True)
    ):
        result = round_notify.enqueue(round_id=round_id)
        sent += (
            cast(int, result.return_value) if result.status == TaskResultStatus.SUCCESSFUL else 0
        )
    return sent


def response_start(
    *, user: User, board: Board, instrument: Instrument | None = None, round: Round | None = None
) -> Response:
    """The person's response to a round, or their unfinished one of their own; else a new one."""
    try:
        with transaction.atomic():
            return _response_start(user=user, board=board, instrument=instrument, round=round)
    except IntegrityError:  # a double click raced to create the same round response
        return Response.objects.get(user=user, round=round)


def _response_start(
    *, user: User, board: Board, instrument: Instrument | None, round: Round | None
) -> Response:
    if round is not None:
        existing = Response.objects.filter(user=user, round=round).first()
        if existing is not None:
            return existing
        if not round.is_open:
            raise AssessmentError(_("This round is not open for answers."))
        version, board = round.version, round.board
    else:
        existing = (
            Response.objects.filter(
                user=user, round=None, version__instrument=instrument, submitted_at=None
            )
            .order_by("-started_at")
            .first()
        )
        if existing is not None:
            return existing
        if instrument is None:
            raise TypeError("response_start needs a round or an instrument.")
        if not instrument.live:
            raise AssessmentError(_("This self-assessment is not available."))
        version = instrument_version_current(instrument=instrument)
    response = Response(user=user, board=board, version=version, round=round)
    response.full_clean(validate_constraints=False)
    response.save()
    return response


def _check_still_open(response: Response) -> None:
    if response.submitted_at is not None:
        raise AssessmentError(_("You have already submitted these answers."))
    if response.round is not None and response.round.is_closed:
        raise AssessmentError(
            _("This round closed on %(date)s. Your answers were not changed.")
            % {"date": formats.date_format(response.round.closes_on, "j F Y")}
        )


def parse_answers(definition: Definition, raw: dict[str, str]) -> dict[str, int | None]:
    """Statement key → value (None: no chance to demonstrate). Raises AssessmentError on any
    statement that is not in this version or any value that is not on its scale."""
    parsed: dict[str, int | None] = {}
    errors = {}
    for key, text in raw.items():
        if key not in definition.items:
            raise AssessmentError(_("A statement you sent is not part of this assessment."))
        text = str(text).strip()
        if text == "":
            continue
        if text == NOT_APPLICABLE and definition.not_applicable_label:
            parsed[key] = None
            continue
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value not in definition.allowed_values(key):
            errors[key] = _("Choose one of the answers shown for this statement.")
            continue
        parsed[key] = value
    if errors:
        raise AssessmentError(_("Some answers are not on the scale."), errors)
    return parsed


@transaction.atomic
def response_save_answers(*, response: Response, answers: dict[str, str]) -> int:
    """Saves answers (statement key → scale value or 'na'); all of them or none. Returns how
    many were saved."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("round", "version")
        .get(pk=response.pk)
    )
    _check_still_open(response)
    parsed = parse_answers(Definition(response.version.definition), answers)
    for key, value in parsed.items():
        ItemAnswer.objects.update_or_create(
            response=response,
            item_key=key,
            defaults={"value": value, "not_applicable": value is None},
        )
    if parsed:
        Response.objects.filter(pk=response.pk).update(updated_at=timezone.now())
    return len(parsed)


def saved_answers(response: Response) -> dict[str, int | None]:
    return {
        answer.item_key: None if answer.not_applicable else answer.value
        for answer in response.answers.all()
    }


def missing_required(definition: Definition, answers: dict[str, int | None]) -> list[str]:
    return [
        key for key, item in definition.items.items() if item["required"] and key not in answers
    ]


@transaction.atomic
def response_submit(*, response: Response) -> Response:
    """Scores and submits a response against its own version. Submitting twice changes nothing."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("round", "version")
        .get(pk=response.pk)
    )
    if response.submitted_at is not None:
        return response
    _check_still_open(response)
    return response_store_scores(response, submitted_at=timezone.now())


def response_store_scores(response: Response, *, submitted_at: datetime) -> Response:
    """Scores a response's saved answers against its own version and marks it submitted.
    Called by `response_submit` (which checks the round is open) and by the demo loader."""
    definition = Definition(response.version.definition)
    answers = saved_answers(response)
    missing = missing_required(definition, answers)
    if missing:
        raise AssessmentError(
            _("Answer every statement before you submit."),
            {key: _("Choose an answer for this statement.") for key in missing},
        )
    result = score_answers(definition, answers)
    DimensionScore.objects.filter(response=response).delete()
    DimensionScore.objects.bulk_create(
        DimensionScore(
            response=response,
            dimension_key=dimension.key,
            mean=dimension.mean,
            answered=dimension.answered,
            total=dimension.total,
        )
        for dimension in result.dimensions
    )
    response.overall = result.overall
    response.submitted_at = submitted_at
    response.updated_at = submitted_at
    response.full_clean(validate_constraints=False)
    response.save(update_fields=["overall", "submitted_at", "updated_at"])
    return response


@transaction.atomic
def response_set_shared(*, response: Response, shared: bool) -> Response:
    """Shares a submitted response with the board's chair and facilitator, or withdraws it."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted_at is None:
        raise AssessmentError(_("Submit your answers before you share them."))
    if shared and response.shared_at is None:
        response.shared_at = timezone.now()
    elif not shared:
        response.shared_at = None
    response.save(update_fields=["shared_at"])
    return response

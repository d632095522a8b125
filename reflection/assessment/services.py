"""Writes for self-assessment: versions, rounds, answers, submission and sharing.

Each service is atomic, checks everything before it writes anything, and is safe to call twice.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from learning.models import Board

from .definitions import Definition, build_definition, definition_problems
from .models import DimensionScore, Instrument, InstrumentVersion, ItemAnswer, Response, Round
from .scoring import score_answers

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
    latest = instrument.versions.order_by("-number").first()
    if latest is not None and latest.definition == definition:
        return latest
    number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = InstrumentVersion(instrument=instrument, number=number, definition=definition)
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def round_open(
    *,
    board: Board,
    instrument: Instrument,
    title: str,
    opens_on: date,
    closes_on: date,
    opened_by,
) -> Round:
    """Opens a round for a board and emails its members once the round is saved."""
    from .tasks import round_notify

    existing = Round.objects.filter(board=board, title=title).first()
    if existing is not None:
        return existing
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
    transaction.on_commit(lambda: round_notify.enqueue(round_id=round_.pk))
    return round_


def response_start(*, user, board: Board, instrument: Instrument | None = None, round=None):
    """The person's response to a round, or their unfinished one of their own; else a new one."""
    try:
        with transaction.atomic():
            return _response_start(user=user, board=board, instrument=instrument, round=round)
    except IntegrityError:  # a double click raced to create the same round response
        return Response.objects.get(user=user, round=round)


def _response_start(*, user, board, instrument, round) -> Response:
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


def missing_required(definition: Definition, answers: dict) -> list[str]:
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


def response_store_scores(response: Response, *, submitted_at) -> Response:
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

"""Reads for self-assessment pages, the board aggregate and (later) the chair's dashboard.

Callers pass objects they already got from `permissions.py`; nothing here checks access.
"""

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Literal

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import formats
from django.utils.translation import gettext as _

from learning.models import Board, Membership, User
from learning.privacy import group_is_shown, minimum_group

from .definitions import Definition
from .models import DimensionScore, Instrument, ItemAnswer, Response, Round, RoundQuerySet
from .national import FIGURES
from .scoring import Aggregate, add_changes, aggregate

if TYPE_CHECKING:
    from .trend import Trend


def live_instruments() -> QuerySet[Instrument]:
    instruments: QuerySet[Instrument] = Instrument.objects.filter(live=True).order_by("name")
    return instruments


def member_responses(user: User) -> QuerySet[Response]:
    """The person's own responses, newest first, with what a listing shows."""
    return (
        Response.objects.filter(user=user)
        .select_related("version__instrument", "round", "board__organisation")
        .order_by("-submitted_at", "-started_at")
    )


def rounds_open_for(board: Board) -> RoundQuerySet:
    return (
        Round.objects.open_on()
        .filter(board=board)
        .select_related("version__instrument")
        .order_by("closes_on")
    )


def board_rounds(board: Board) -> RoundQuerySet:
    """Every round of the board, newest first, with how many answered (counts only)."""
    return (
        Round.objects.filter(board=board)
        .select_related("version__instrument")
        .annotate(respondents=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("-closes_on", "-pk")
    )


def previous_response(response: Response) -> Response | None:
    """The author's last submitted response to the same instrument before this one."""
    if response.user_id is None:  # an erased author has no earlier answers
        return None
    return (
        Response.objects.filter(
            user_id=response.user_id,
            version__instrument_id=response.version.instrument_id,
            submitted_at__lt=response.submitted_at,
        )
        .order_by("-submitted_at")
        .first()
    )


def scores_by_dimension(response: Response | None) -> dict[str, DimensionScore]:
    if response is None:
        return {}
    return {score.dimension_key: score for score in response.scores.all()}


def previous_closed_round(round_: Round) -> Round | None:
    """The board's closed round of the same instrument that closed before this one."""
    return (
        Round.objects.closed_on()
        .filter(
            board_id=round_.board_id,
            version__instrument_id=round_.version.instrument_id,
            closes_on__lt=round_.closes_on,
        )
        .select_related("version")
        .order_by("-closes_on", "-pk")
        .first()
    )


AGGREGATE_CACHE_SECONDS = 24 * 3600


def aggregate_cache_key(round_: Round, respondents: int, response_ids: int | None) -> str:
    return (
        f"assessment:aggregate:{round_.pk}:{round_.version_id}:{minimum_group()}:"
        f"{respondents}:{response_ids}"
    )


def round_aggregate(round_: Round) -> Aggregate:
    """The round's board figures with suppression applied (scoring.aggregate).

    A submitted response never changes, so a closed round's figures are kept in the cache under
    the round, its version, the minimum group and which responses it holds (their number and
    the sum of their ids, read in the query that counts them): erasing a person, or reopening
    the round for one more, is a new key."""
    submitted = Response.objects.filter(round=round_, submitted_at__isnull=False)
    closed = round_.is_closed
    held = submitted.aggregate(count=Count("pk"), ids=Sum("pk")) if closed else {}
    respondents = held.get("count") or 0
    key = aggregate_cache_key(round_, respondents, held.get("ids"))
    if closed and (cached := cache.get(key)) is not None:
        aggregate_cached: Aggregate = cached
        return aggregate_cached
    result = _aggregate(round_, submitted, closed=closed, respondents=respondents)
    if closed:
        cache.set(key, result, AGGREGATE_CACHE_SECONDS)
    return result


def _aggregate(
    round_: Round, submitted: QuerySet[Response], *, closed: bool, respondents: int
) -> Aggregate:
    definition = Definition(round_.version.definition)
    scores, answers = [], []
    if closed and group_is_shown(respondents):
        scores = list(
            DimensionScore.objects.filter(response__in=submitted).values_list(
                "dimension_key", "mean"
            )
        )
        if definition.kind == "position":
            answers = list(
                ItemAnswer.objects.filter(response__in=submitted).values_list("item_key", "value")
            )
    high_from = {key: figure.high_from for key, figure in FIGURES.items() if figure.high_from}
    return aggregate(
        definition,
        closed=closed,
        minimum=minimum_group(),
        scores=scores,
        answers=answers,
        respondents=respondents,
        high_from=high_from,
    )


@dataclass
class RoundSummary:
    """A round's aggregate with changes since the board's previous closed round, if shown."""

    round: Round
    aggregate: Aggregate
    previous_round: Round | None
    trend: "Trend | None" = None  # every closed round of the instrument, oldest first


class _Default(Enum):
    LOOK_UP = "look up"


def round_summary(
    round_: Round, *, previous: Round | None | Literal[_Default.LOOK_UP] = _Default.LOOK_UP
) -> RoundSummary:
    """The round's aggregate and, if shown, its change since `previous` (by default the board's
    previous closed round of the same instrument, looked up)."""
    current = round_aggregate(round_)
    if previous is _Default.LOOK_UP:
        previous = previous_closed_round(round_) if current.shown else None
    elif not current.shown:
        previous = None
    if previous is not None:
        earlier = round_aggregate(previous)
        if earlier.shown:
            add_changes(current.dimensions, earlier.dimensions)
            add_changes(current.items, earlier.items)
        else:
            previous = None
    return RoundSummary(round_, current, previous)


def board_latest_summaries(board: Board) -> list[RoundSummary]:
    """For each live instrument with a closed round on the board: the latest closed round's
    summary, with the change since the one before and the trend across every closed round.
    A fixed number of queries however many rounds (trend.closed_rounds, trend.aggregates_for)."""
    from .trend import closed_rounds, trends_for

    rounds = list(closed_rounds(board))
    summaries = []
    for trend in trends_for(rounds).values():
        *earlier, latest = trend.points
        # as previous_closed_round: the next one back that closed strictly before this one
        previous = next(
            (one for one in reversed(earlier) if one.round.closes_on < latest.round.closes_on),
            None,
        )
        current = latest.aggregate
        if previous is not None and current.shown and previous.aggregate.shown:
            add_changes(current.dimensions, previous.aggregate.dimensions)
            add_changes(current.items, previous.aggregate.items)
        else:
            previous = None
        summaries.append(
            RoundSummary(
                latest.round,
                current,
                previous.round if previous else None,
                trend=trend if len(trend.points) > 1 else None,
            )
        )
    return summaries


def overlapping_round(
    *,
    board_id: int,
    instrument_id: int,
    opens_on: date,
    closes_on: date,
    exclude_pk: int | None = None,
) -> Round | None:
    """A round of the same instrument on the board whose dates meet these (closed early or not
    yet closed), so that no two rounds of one self-assessment are ever open at once."""
    return (
        Round.objects.filter(
            board_id=board_id,
            version__instrument_id=instrument_id,
            opens_on__lte=closes_on,
            closes_on__gte=opens_on,
        )
        # exclude(pk=None) leaves out nothing, as a new round wants; the stubs refuse None.
        .exclude(pk=exclude_pk)  # type: ignore[misc]
        .order_by("opens_on")
        .first()
    )


def overlap_message(other: Round) -> str:
    return _(
        "'%(title)s' asks the same self-assessment from %(opens)s to %(closes)s. Choose dates "
        "after it closes, or change that round first."
    ) % {
        "title": other.title,
        "opens": formats.date_format(other.opens_on, "j F Y"),
        "closes": formats.date_format(other.closes_on, "j F Y"),
    }


def round_board_members(round_: Round) -> QuerySet[User]:
    """The people who sit on the round's board now (facilitators do not answer)."""
    seats = Membership.objects.board_members().filter(board_id=round_.board_id)
    return User.objects.filter(pk__in=seats.values("user_id"))


def members_not_answered(round_: Round) -> QuerySet[User]:
    """Board members with no submitted answer to the round. Only ever used to address a
    reminder: no page shows who they are."""
    answered = Response.objects.filter(round=round_, submitted_at__isnull=False).values("user_id")
    return round_board_members(round_).exclude(pk__in=answered)


@dataclass(frozen=True)
class AnswerCount:
    """How many of the board's current members have submitted an answer to a round."""

    answered: int
    members: int


def round_answer_count(round_: Round) -> AnswerCount:
    """Counts only, never names (one query)."""
    answered = Response.objects.filter(round=round_, submitted_at__isnull=False).values("user_id")
    counts = round_board_members(round_).aggregate(
        members=Count("pk"), answered=Count("pk", filter=Q(pk__in=answered))
    )
    return AnswerCount(answered=counts["answered"], members=counts["members"])

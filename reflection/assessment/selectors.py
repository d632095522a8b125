"""Reads for self-assessment pages, the board aggregate and (later) the chair's dashboard.

Callers pass objects they already got from `permissions.py`; nothing here checks access.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone

from learning.privacy import group_is_shown, minimum_group

from .definitions import Definition
from .models import DimensionScore, Instrument, ItemAnswer, Response, Round
from .national import FIGURES
from .scoring import Aggregate, add_changes, aggregate


def live_instruments():
    return Instrument.objects.filter(live=True).order_by("name")


def member_responses(user):
    """The person's own responses, newest first, with what a listing shows."""
    return (
        Response.objects.filter(user=user)
        .select_related("version__instrument", "round", "board__organisation")
        .order_by("-submitted_at", "-started_at")
    )


def rounds_open_for(board):
    today = timezone.localdate()
    return (
        Round.objects.filter(board=board, opens_on__lte=today, closes_on__gte=today)
        .select_related("version__instrument")
        .order_by("closes_on")
    )


def board_rounds(board):
    """Every round of the board, newest first, with how many answered (counts only)."""
    return (
        Round.objects.filter(board=board)
        .select_related("version__instrument")
        .annotate(respondents=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("-closes_on", "-pk")
    )


def previous_response(response: Response) -> Response | None:
    """The author's last submitted response to the same instrument before this one."""
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
        Round.objects.filter(
            board_id=round_.board_id,
            version__instrument_id=round_.version.instrument_id,
            closes_on__lt=min(round_.closes_on, timezone.localdate()),
        )
        .select_related("version")
        .order_by("-closes_on", "-pk")
        .first()
    )


AGGREGATE_CACHE_SECONDS = 24 * 3600


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
    key = (
        f"assessment:aggregate:{round_.pk}:{round_.version_id}:{minimum_group()}:"
        f"{respondents}:{held.get('ids')}"
    )
    if closed and (cached := cache.get(key)) is not None:
        return cached
    result = _aggregate(round_, submitted, closed=closed, respondents=respondents)
    if closed:
        cache.set(key, result, AGGREGATE_CACHE_SECONDS)
    return result


def _aggregate(round_: Round, submitted, *, closed: bool, respondents: int) -> Aggregate:
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


_LOOK_UP = object()


def round_summary(round_: Round, *, previous: Round | None = _LOOK_UP) -> RoundSummary:
    """The round's aggregate and, if shown, its change since `previous` (by default the board's
    previous closed round of the same instrument, looked up)."""
    current = round_aggregate(round_)
    if previous is _LOOK_UP:
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


def board_latest_summaries(board) -> list[RoundSummary]:
    """For each live instrument with a closed round on the board: the latest closed round's
    summary, with the change since the one before. One query finds every round."""
    today = timezone.localdate()
    rounds = (
        Round.objects.filter(board=board, closes_on__lt=today, version__instrument__live=True)
        .select_related("version__instrument")
        .order_by("-closes_on", "-pk")
    )
    by_instrument: dict[int, list[Round]] = {}
    for round_ in rounds:
        by_instrument.setdefault(round_.version.instrument_id, []).append(round_)
    summaries = []
    for latest, *earlier in by_instrument.values():
        # as previous_closed_round: the next one back that closed strictly before this one
        previous = next((one for one in earlier if one.closes_on < latest.closes_on), None)
        summaries.append(round_summary(latest, previous=previous))
    return summaries

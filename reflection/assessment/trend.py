"""The board's combined figures over time: every closed round of each instrument, oldest first.

A fixed number of queries however many rounds a board has closed: one finds the rounds with
how many answered (and which responses, for the cache key `selectors.round_aggregate` uses),
figures already worked out come from the cache, and one query each loads the scores and the
answers of the rounds that were not cached. Suppression is scoring.aggregate's, as everywhere:
a round with fewer than the minimum group shows nothing, in the trend as on its own.
Callers have already checked access (`permissions.py`).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Q, Sum

from learning.privacy import group_is_shown, minimum_group

from .definitions import Definition
from .models import DimensionScore, ItemAnswer, Round
from .national import FIGURES
from .scoring import Aggregate, aggregate
from .selectors import AGGREGATE_CACHE_SECONDS, aggregate_cache_key

SUBMITTED = Q(responses__submitted_at__isnull=False)


@dataclass(frozen=True)
class TrendPoint:
    round: Round
    aggregate: Aggregate

    def mean(self, key: str) -> Decimal | None:
        figure = next((f for f in self.aggregate.dimensions if f.key == key), None)
        return figure.mean if figure is not None and figure.shown else None

    @property
    def overall(self) -> Decimal | None:
        """The mean of the dimension means shown (None when the round's figures are withheld)."""
        means = [f.mean for f in self.aggregate.dimensions if f.shown]
        shown = [mean for mean in means if mean is not None]  # shown figures have a mean
        return (sum(shown, Decimal(0)) / len(shown)).quantize(Decimal("0.01")) if shown else None


@dataclass(frozen=True)
class Trend:
    """One instrument's closed rounds on a board, oldest first, with the latest one's
    dimensions (key, name) as the columns."""

    name: str
    dimensions: list[tuple[str, str]]
    points: list[TrendPoint]

    @property
    def shown_points(self) -> list[TrendPoint]:
        return [point for point in self.points if point.aggregate.shown]


def closed_rounds(board, *, instrument_id: int | None = None):
    """The board's closed rounds of live instruments (or of one), oldest first, each with
    `respondents` and `response_ids` (the sum of their ids) counted in the same query."""
    rounds = Round.objects.closed_on().filter(board=board, version__instrument__live=True)
    if instrument_id is not None:
        rounds = rounds.filter(version__instrument_id=instrument_id)
    return (
        rounds.select_related("version__instrument")
        .annotate(
            respondents=Count("responses", filter=SUBMITTED),
            response_ids=Sum("responses__pk", filter=SUBMITTED),
        )
        .order_by("closes_on", "pk")
    )


def aggregates_for(rounds: list[Round]) -> dict[int, Aggregate]:
    """Each closed round's figures (as `selectors.round_aggregate`), sharing its cache."""
    minimum = minimum_group()
    # `respondents` and `response_ids` are annotations of the rounds query, unseen by the stubs.
    keys = {
        round_.pk: aggregate_cache_key(round_, round_.respondents, round_.response_ids)  # type: ignore[attr-defined]
        for round_ in rounds
    }
    found = cache.get_many(keys.values()) if keys else {}
    missing = [round_ for round_ in rounds if keys[round_.pk] not in found]
    loadable = [round_.pk for round_ in missing if group_is_shown(round_.respondents)]  # type: ignore[attr-defined]
    scores: dict[int, list] = {}
    answers: dict[int, list] = {}
    if loadable:
        for round_id, key, mean in DimensionScore.objects.filter(
            response__round_id__in=loadable, response__submitted_at__isnull=False
        ).values_list("response__round_id", "dimension_key", "mean"):
            scores.setdefault(round_id, []).append((key, mean))
        position = [
            round_.pk
            for round_ in missing
            if round_.pk in loadable and Definition(round_.version.definition).kind == "position"
        ]
        if position:
            for round_id, key, value in ItemAnswer.objects.filter(
                response__round_id__in=position, response__submitted_at__isnull=False
            ).values_list("response__round_id", "item_key", "value"):
                answers.setdefault(round_id, []).append((key, value))
    high_from = {key: figure.high_from for key, figure in FIGURES.items() if figure.high_from}
    made = {}
    for round_ in missing:
        made[keys[round_.pk]] = aggregate(
            Definition(round_.version.definition),
            closed=True,
            minimum=minimum,
            scores=scores.get(round_.pk, []),
            answers=answers.get(round_.pk, []),
            respondents=round_.respondents,  # type: ignore[attr-defined]
            high_from=high_from,
        )
    if made:
        cache.set_many(made, AGGREGATE_CACHE_SECONDS)
    found.update(made)
    return {round_.pk: found[keys[round_.pk]] for round_ in rounds}


def trends_for(rounds: list[Round]) -> dict[int, Trend]:
    """Instrument id → its trend, from rounds `closed_rounds` found."""
    figures = aggregates_for(rounds)
    by_instrument: dict[int, list[Round]] = {}
    for round_ in rounds:
        by_instrument.setdefault(round_.version.instrument_id, []).append(round_)
    trends = {}
    for instrument_id, theirs in by_instrument.items():
        definition = Definition(theirs[-1].version.definition)
        trends[instrument_id] = Trend(
            name=definition.name,
            dimensions=[(d["key"], d["name"]) for d in definition.dimensions],
            points=[TrendPoint(round_, figures[round_.pk]) for round_ in theirs],
        )
    return trends


def round_trend(round_: Round) -> Trend | None:
    """The trend of the round's instrument on its board up to and including this round,
    if it has closed; None when it is the only closed round (no trend to show)."""
    if not round_.is_closed:
        return None
    rounds = [
        one
        for one in closed_rounds(round_.board, instrument_id=round_.version.instrument_id)
        if (one.closes_on, one.pk) <= (round_.closes_on, round_.pk)
    ]
    trend = trends_for(rounds).get(round_.version.instrument_id)
    return trend if trend is not None and len(trend.points) > 1 else None

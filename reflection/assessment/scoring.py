"""Scoring: a response's dimension means, and a board's suppressed aggregate for a round.

Pure computations over frozen definitions and answers. Nothing here reads the database;
selectors load the rows and pass them in.
"""

import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from learning.privacy import group_is_shown

from .definitions import Definition

ENOUGH_SHARE = Decimal("0.6")  # a dimension needs 60% of its statements answered
TWO_PLACES = Decimal("0.01")


def _round(value) -> Decimal:
    return Decimal(str(value)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass
class DimensionResult:
    key: str
    name: str
    mean: Decimal | None
    answered: int
    total: int

    @property
    def enough(self) -> bool:
        return self.mean is not None


@dataclass
class ScoreResult:
    dimensions: list[DimensionResult]
    overall: Decimal | None


def score_answers(definition: Definition, answers: dict[str, int | None]) -> ScoreResult:
    """Means per dimension and overall. `answers` maps statement keys to a value, or None for
    'no chance to demonstrate', which is left out. Reverse-scored statements are flipped."""
    results = []
    for dimension in definition.dimensions:
        low, high = definition.bounds(dimension)
        values = []
        for item in dimension["items"]:
            value = answers.get(item["key"])
            if value is None:
                continue
            values.append(low + high - value if item["reverse"] else value)
        total = len(dimension["items"])
        enough = total and Decimal(len(values)) >= ENOUGH_SHARE * total
        mean = _round(Decimal(sum(values)) / len(values)) if enough and values else None
        results.append(
            DimensionResult(dimension["key"], dimension["name"], mean, len(values), total)
        )
    scales = {dimension["scale"] for dimension in definition.dimensions}
    means = [result.mean for result in results if result.mean is not None]
    overall = _round(sum(means) / len(means)) if len(scales) == 1 and means else None
    return ScoreResult(results, overall)


@dataclass
class Figure:
    """One aggregate figure: shown only when `count` reaches the minimum group."""

    key: str
    label: str
    count: int
    shown: bool
    mean: Decimal | None = None
    spread: Decimal | None = None
    percent: int | None = None  # % at the top of the scale ("yes"), for progress statements
    partly_percent: int | None = None
    high_percent: int | None = None  # % at or above the national figure's `high_from`
    change: Decimal | None = None


@dataclass
class Aggregate:
    """A round's board-level figures. `state` is 'open', 'too_few' or 'shown'."""

    state: str
    respondents: int
    minimum: int
    dimensions: list[Figure] = field(default_factory=list)
    items: list[Figure] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.state == "shown"


def _figure(key, label, values, minimum) -> Figure:
    values = [Decimal(str(value)) for value in values]
    if not group_is_shown(len(values), minimum=minimum):
        return Figure(key, label, len(values), shown=False)
    return Figure(
        key,
        label,
        len(values),
        shown=True,
        mean=_round(statistics.fmean(values)),
        spread=_round(statistics.pstdev(values)),
    )


def aggregate(
    definition: Definition,
    *,
    closed: bool,
    minimum: int,
    scores: list[tuple[str, Decimal | None]],
    answers: list[tuple[str, int | None]],
    respondents: int,
    high_from: dict[str, int] | None = None,
) -> Aggregate:
    """The board's figures for a round, with every suppression rule applied.

    Nothing is shown for an open round (a late answer could be worked out from the change) or
    below `minimum` respondents; a single figure answered by fewer than `minimum` is withheld.
    `scores` are (dimension key, mean) per response; `answers` are (statement key, value).
    """
    if not closed:
        return Aggregate("open", respondents, minimum)
    if not group_is_shown(respondents, minimum=minimum):
        return Aggregate("too_few", respondents, minimum)
    result = Aggregate("shown", respondents, minimum)
    for dimension in definition.dimensions:
        values = [mean for key, mean in scores if key == dimension["key"] and mean is not None]
        result.dimensions.append(_figure(dimension["key"], dimension["name"], values, minimum))
    if definition.kind == "position":
        high_from = high_from or {}
        for key, item in definition.items.items():
            ratings = [
                value for item_key, value in answers if item_key == key and value is not None
            ]
            figure = _figure(key, item["text"], ratings, minimum)
            if figure.shown:
                low, top = definition.bounds(definition.dimension_of(key))
                figure.percent = _percent(sum(value == top for value in ratings), len(ratings))
                figure.partly_percent = _percent(
                    sum(low < value < top for value in ratings), len(ratings)
                )
                if key in high_from:
                    high = sum(value >= high_from[key] for value in ratings)
                    figure.high_percent = _percent(high, len(ratings))
            result.items.append(figure)
    return result


def _percent(part: int, whole: int) -> int:
    return int((Decimal(100 * part) / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_changes(current: list[Figure], previous: list[Figure]) -> None:
    """Sets each shown figure's change since the same figure in an earlier shown aggregate."""
    before = {figure.key: figure for figure in previous if figure.shown}
    for figure in current:
        earlier = before.get(figure.key) if figure.shown else None
        # Shown figures have a mean.
        if earlier is not None and figure.mean is not None and earlier.mean is not None:
            figure.change = figure.mean - earlier.mean

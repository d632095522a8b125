"""Direction of travel: is an indicator better or worse than the year before? Pure functions.

Each indicator has a rule, stated to the reader beside the chart. Figures are compared as they
are shown (ratios to 2 decimal places, percentages to 1), so a change too small to see is
"no change".
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


DIRECTION_LABELS = {
    Direction.BETTER: _("Better"),
    Direction.WORSE: _("Worse"),
    Direction.SAME: _("No change"),
}


@dataclass(frozen=True)
class Rule:
    """How to judge an indicator: the rule in words, the places shown, and a distance from
    the ideal (smaller is better)."""

    text: "StrOrPromise"
    places: int
    distance: Callable[[float], float]


def _ratio_distance(value: float) -> float:
    # On a log scale, so that 2 (twice as likely) and 0.5 (half as likely) are equally far
    # from equal likelihood.
    return abs(math.log(value)) if value > 0 else math.inf


def _shortfall_below_zero(value: float) -> float:
    return max(0.0, -value)


_RATIO_RULE = _(
    "Closer to 1 is better. 1 means equal likelihood; a ratio of 2 and a ratio of 0.5 are "
    "equally far from it."
)

RULES: dict[int, Rule] = {
    1: Rule(
        _(
            "A smaller gap is better. Below 0, BME staff are a smaller share of bands 8a and "
            "above than of the whole workforce; at 0 or above, the senior bands reflect the "
            "workforce."
        ),
        1,
        _shortfall_below_zero,
    ),
    2: Rule(_RATIO_RULE, 2, _ratio_distance),
    3: Rule(_RATIO_RULE, 2, _ratio_distance),
    4: Rule(_RATIO_RULE, 2, _ratio_distance),
    5: Rule(_("A lower percentage for BME staff is better."), 1, lambda value: value),
    6: Rule(_("A lower percentage for BME staff is better."), 1, lambda value: value),
    7: Rule(_("A higher percentage for BME staff is better."), 1, lambda value: -value),
    8: Rule(_("A lower percentage for BME staff is better."), 1, lambda value: value),
    9: Rule(
        _(
            "A higher figure is better, up to 0. Below 0, BME people are under-represented on "
            "the board compared with the workforce; at 0 or above, the board reflects it."
        ),
        1,
        _shortfall_below_zero,
    ),
}


def direction(number: int, previous: float | None, current: float | None) -> Direction | None:
    """Better, worse or no change from `previous` to `current`; None if either is missing."""
    if previous is None or current is None:
        return None
    rule = RULES[number]
    before = rule.distance(round(previous, rule.places))
    after = rule.distance(round(current, rule.places))
    if math.isclose(before, after, abs_tol=1e-9) or before == after:
        return Direction.SAME
    return Direction.BETTER if after < before else Direction.WORSE


def latest_direction(number: int, values: list[float | None]) -> Direction | None:
    """The direction from the latest year's figure back to the year before it, if both have
    one (values are oldest first)."""
    if len(values) < 2:
        return None
    return direction(number, values[-2], values[-1])

"""A line chart per indicator across the saved years, for the web page (SVG) and the PDF."""

import math
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing

from learning.charts import Series, line_chart, svg

from .explain import POINTS_INDICATORS, RATIO_INDICATORS, percent_text, points_text, ratio_text
from .selectors import IndicatorView

_STEPS = (0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Scale:
    minimum: float
    maximum: float
    step: float


def _step(span: float) -> float:
    """The smallest round step that gives at most six gridlines."""
    for step in _STEPS:
        if span / step <= 6:
            return step
    return 10 ** math.ceil(math.log10(span))


def _scale(values: list[float], *, floor: float, ceiling: float) -> Scale:
    low = min([floor, *values])
    high = max([ceiling, *values])
    step = _step(high - low)
    return Scale(math.floor(low / step) * step, math.ceil(high / step) * step, step)


def chart_series(view: IndicatorView) -> list[Series]:
    """The lines to draw: the two shares for indicators 1 and 5 to 8, the headline otherwise."""
    results = [point.result for point in view.history]
    if view.number == 1:
        return [
            Series(_("BME % at band 8a and above"), [result.part(0) for result in results]),
            Series(_("BME % of the workforce"), [result.part(1) for result in results]),
        ]
    if view.number in RATIO_INDICATORS or view.number in POINTS_INDICATORS:
        return [Series(str(view.measured), [result.value for result in results])]
    return [
        Series(_("BME staff"), [result.part(0) for result in results]),
        Series(_("White staff"), [result.part(1) for result in results]),
    ]


def indicator_drawing(view: IndicatorView, *, width: int = 560) -> Drawing:
    series = chart_series(view)
    values = [value for one in series for value in one.values if value is not None]
    if view.number in RATIO_INDICATORS:
        scale = _scale(values, floor=0, ceiling=2)
        extra: dict[str, Any] = {
            "reference": 1,
            "reference_label": _("1 = equal likelihood"),
            "places": 2,
        }
    elif view.number == 9:
        scale = _scale(values, floor=-10, ceiling=10)
        extra = {"reference": 0, "reference_label": _("0 = board reflects the workforce")}
    else:
        scale = _scale(values, floor=0, ceiling=10)
        extra = {"suffix": "%"}
    return line_chart(
        [point.year for point in view.history],
        series,
        minimum=scale.minimum,
        maximum=scale.maximum,
        step=scale.step,
        width=width,
        **extra,
    )


def _point_text(number: int, value: float | None) -> str:
    if value is None:
        return _("no figure")
    if number in RATIO_INDICATORS:
        return ratio_text(value)
    return points_text(value) if number == 9 else percent_text(value)


def chart_description(view: IndicatorView) -> str:
    """Every point in words, then the rule for judging the direction."""
    parts = []
    for one in chart_series(view):
        shown = [
            f"{point.year} {_point_text(view.number, value)}"
            for point, value in zip(view.history, one.values, strict=True)
        ]
        parts.append(f"{one.name}: {', '.join(shown)}.")
    return " ".join([*parts, str(view.rule)])


def indicator_svg(view: IndicatorView) -> SafeString:
    """The indicator's trend as inline SVG with a title and description."""
    return svg(
        indicator_drawing(view),
        chart_id=f"wres-chart-{view.number}",
        title=_("%(title)s, each year") % {"title": view.title},
        description=chart_description(view),
    )

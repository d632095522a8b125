"""What the results and round pages show: rows for tables, charts and national figures.

Reads only. Callers have already checked access through `permissions.py`.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from learning import charts
from learning.privacy import minimum_group, withheld
from modules.models import ModulePage

from . import selectors
from . import trend as selectors_trend
from .definitions import Definition
from .models import Response
from .national import CAVEAT, SOURCE, figure_for


def open_rounds_with_my_response(user, board) -> list[dict]:
    rounds = list(selectors.rounds_open_for(board))
    mine = {
        response.round_id: response
        for response in Response.objects.filter(user=user, round__in=rounds)
    }
    return [{"round": round_, "response": mine.get(round_.pk)} for round_ in rounds]


def _change(now, before) -> Decimal | None:
    if now is None or before is None:
        return None
    return now - before


def _scale_bounds(definition: Definition) -> tuple[int, int]:
    return definition.bounds(definition.dimensions[0])


def result_context(response: Response, *, viewer) -> dict:
    """The results page for one submitted response."""
    definition = Definition(response.version.definition)
    is_owner = viewer.pk == response.user_id
    scores = selectors.scores_by_dimension(response)
    previous = selectors.previous_response(response) if is_owner else None
    before = selectors.scores_by_dimension(previous)
    rows = []
    for dimension in definition.dimensions:
        score = scores.get(dimension["key"])
        mean = score.mean if score else None
        earlier = before[dimension["key"]].mean if dimension["key"] in before else None
        band = definition.band(dimension["key"], mean)
        rows.append(
            {
                "key": dimension["key"],
                "name": dimension["name"],
                "mean": mean,
                "answered": score.answered if score else 0,
                "total": score.total if score else len(dimension["items"]),
                "band": band,
                "previous": earlier,
                "change": _change(mean, earlier),
            }
        )
    context = {
        "response": response,
        "definition": definition,
        "is_owner": is_owner,
        "rows": rows,
        "previous": previous,
    }
    if definition.kind == "position":
        context.update(_position_answers(response, definition))
    else:
        context.update(_profile_extras(response, definition, rows, previous))
    return context


def _profile_extras(response, definition, rows, previous) -> dict:
    low, high = _scale_bounds(definition)
    series = [charts.Series(_("This time"), [_float(row["mean"]) for row in rows])]
    if previous is not None:
        series.append(charts.Series(_("Last time"), [_float(row["previous"]) for row in rows]))
    drawing = charts.bar_chart([row["name"] for row in rows], series, minimum=low, maximum=high)
    chart = charts.svg(
        drawing,
        chart_id=f"scores-{response.pk}",
        title=_("Your score for each dimension"),
        description=_(
            "Bars show the mean score from %(low)s to %(high)s. The table below gives "
            "the same figures."
        )
        % {"low": low, "high": high},
    )
    scored = [row for row in rows if row["mean"] is not None]
    lowest = min(scored, key=lambda row: row["mean"]) if scored else None
    modules = []
    if lowest and lowest["band"]:
        modules = list(ModulePage.objects.live().filter(pk__in=lowest["band"]["modules"]))
    return {
        "chart": chart,
        "lowest": lowest,
        "suggested_modules": modules,
        "low": low,
        "high": high,
    }


def _float(value) -> float | None:
    return None if value is None else float(value)


def _position_answers(response, definition) -> dict:
    answers = {
        answer.item_key: None if answer.not_applicable else answer.value
        for answer in response.answers.all()
    }
    groups = []
    for dimension in definition.dimensions:
        items = []
        for item in dimension["items"]:
            value = answers.get(item["key"])
            items.append(
                {
                    "text": item["text"],
                    "answer": definition.label_for(item["key"], value),
                    "value": value,
                    "national": figure_for(item["key"]),
                }
            )
        groups.append(
            {"dimension": dimension, "items": items, "bounds": definition.bounds(dimension)}
        )
    return {"groups": groups, "national_source": SOURCE, "national_caveat": CAVEAT}


def round_context(round_) -> dict:
    """The board aggregate page for a round, with suppression already applied."""
    summary = selectors.round_summary(round_)
    definition = Definition(round_.version.definition)
    context = {
        "round": round_,
        "summary": summary,
        "aggregate": summary.aggregate,
        "definition": definition,
        "national_source": SOURCE,
        "national_caveat": CAVEAT,
    }
    if definition.kind == "profile":
        context.update(trend_context(round_, definition))
    if not summary.aggregate.shown:
        return context
    if definition.kind == "position":
        context["groups"], context["chart"] = _position_groups(definition, summary.aggregate)
        return context
    figures = summary.aggregate.dimensions
    low, high = _scale_bounds(definition)
    series = [charts.Series(_("This round"), [_float(f.mean) for f in figures])]
    if summary.previous_round is not None:
        series.append(
            charts.Series(
                _("Previous round"),
                [
                    _float(f.mean - f.change)
                    if f.mean is not None and f.change is not None
                    else None
                    for f in figures
                ],
            )
        )
    drawing = charts.bar_chart([f.label for f in figures], series, minimum=low, maximum=high)
    context["chart"] = charts.svg(
        drawing,
        chart_id=f"round-{round_.pk}",
        title=_("The board's mean score for each dimension"),
        description=_(
            "Bars show the board's mean from %(low)s to %(high)s. The table below "
            "gives the same figures."
        )
        % {"low": low, "high": high},
    )
    context.update(low=low, high=high)
    return context


def _position_groups(definition, aggregate) -> tuple[list[dict], str | None]:
    by_key = {figure.key: figure for figure in aggregate.items}
    groups = []
    for dimension in definition.dimensions:
        items = [
            {"figure": by_key[item["key"]], "national": figure_for(item["key"])}
            for item in dimension["items"]
        ]
        groups.append(
            {"dimension": dimension, "items": items, "bounds": definition.bounds(dimension)}
        )
    progress = [
        item
        for group in groups
        for item in group["items"]
        if item["figure"].percent is not None and group["bounds"][1] <= 2
    ]
    if not progress:
        return groups, None
    drawing = charts.bar_chart(
        [item["figure"].label for item in progress],
        [
            charts.Series(_("Our board"), [item["figure"].percent for item in progress]),
            charts.Series(
                _("National"),
                [item["national"].percent if item["national"] else None for item in progress],
            ),
        ],
        minimum=0,
        maximum=100,
        step=20,
        label_width=240,
    )
    chart = charts.svg(
        drawing,
        chart_id="progress-chart",
        title=_("Share answering yes for each progress area, beside the national figure"),
        description=_(
            "Percentages from 0 to 100. Areas with no national figure have one bar. "
            "The tables below give the same figures."
        ),
    )
    return groups, chart


def _one_place(value) -> str:
    if value is None:
        return ""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def trend_table(trend, minimum: int) -> dict:
    """The trend as a table (one row a closed round, oldest first; one column a dimension) and
    the line chart's labels and values (the mean of the dimension means). The same for the
    round page and the chair's dashboard, so both show the same figures."""
    columns = [_("Round"), _("Answered"), *[name for _key, name in trend.dimensions]]
    rows = []
    for point in trend.points:
        label = _("%(title)s (closed %(day)s)") % {
            "title": point.round.title,
            "day": formats.date_format(point.round.closes_on, "j M Y"),
        }
        if not point.aggregate.shown:
            rows.append([label, withheld(minimum), *[_("Not shown")] * len(trend.dimensions)])
            continue
        rows.append(
            [
                label,
                str(point.aggregate.respondents),
                *[_one_place(point.mean(key)) or _("Not shown") for key, _name in trend.dimensions],
            ]
        )
    return {
        "caption": _("The board's mean score for each dimension, round by round"),
        "columns": columns,
        "rows": rows,
        "numeric": set(range(1, len(columns))),
        "labels": [point.round.title for point in trend.points],
        "values": [_float(point.overall) for point in trend.points],
    }


def trend_chart_text(trend, low, high) -> dict:
    return {
        "title": _("The board's scores over time"),
        "description": _(
            "A line joins the board's mean of the dimension means for each closed round of "
            "%(instrument)s, oldest first, from %(low)s to %(high)s. Rounds with too few "
            "answers leave a gap. The table gives each dimension's mean."
        )
        % {"instrument": trend.name, "low": low, "high": high},
    }


def trend_context(round_, definition) -> dict:
    """The round page's trend across every closed round up to this one, if there is one."""
    trend = selectors_trend.round_trend(round_)
    if trend is None or len(trend.shown_points) < 2:
        return {}
    low, high = _scale_bounds(definition)
    table = trend_table(trend, minimum_group())
    text = trend_chart_text(trend, low, high)
    drawing = charts.line_chart(
        table["labels"],
        [charts.Series(_("Mean of the dimension means"), table["values"])],
        minimum=low,
        maximum=high,
    )
    chart = charts.svg(drawing, chart_id=f"trend-{round_.pk}", **text)
    return {"trend": trend, "trend_table": table, "trend_chart": chart, "trend_text": text}

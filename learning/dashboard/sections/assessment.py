"""Sections on self-assessment: the board's combined scores and its position beside the
national survey. Figures under the minimum group never reach here (scoring.aggregate)."""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learning import charts
from learning.privacy import withheld
from reflection.assessment.definitions import Definition
from reflection.assessment.national import CAVEAT, SOURCE, NationalFigure, figure_for
from reflection.assessment.presentation import trend_chart_text, trend_table
from reflection.assessment.scoring import Figure

from ..blocks import Chart, Notice, Section, Table, Text
from ..formatting import change, day, number, percent
from ..selectors import BoardDashboard


def _too_few(summary, minimum: int) -> Notice:
    return Notice(
        _("Not enough answers to show"),
        _(
            "Fewer than %(minimum)s members answered in %(round)s, which closed on %(day)s. "
            "We show the board's results only when at least %(minimum)s members have answered."
        )
        % {"minimum": minimum, "round": summary.round.title, "day": day(summary.round.closes_on)},
    )


def _answered(summary) -> Text:
    text = ngettext(
        "%(round)s closed on %(day)s. %(count)s member answered.",
        "%(round)s closed on %(day)s. %(count)s members answered.",
        summary.aggregate.respondents,
    ) % {
        "round": summary.round.title,
        "day": day(summary.round.closes_on),
        "count": summary.aggregate.respondents,
    }
    if summary.previous_round is not None:
        text += " " + _("Changes are since the previous round, “%(round)s”.") % {
            "round": summary.previous_round.title
        }
    return Text(text)


def _float(value) -> float | None:
    return None if value is None else float(value)


def self_assessment_section(data: BoardDashboard) -> Section:
    section = Section("self-assessment", _("Self-assessment: the board's combined scores"))
    summary = data.scores
    if summary is None:
        return section.add(Text(_("No self-assessment round has closed yet.")))
    definition = Definition(summary.round.version.definition)
    low, high = definition.bounds(definition.dimensions[0])
    if not summary.aggregate.shown:
        return section.add(_too_few(summary, data.minimum))
    figures = summary.aggregate.dimensions
    series = [charts.Series(_("This round"), [_float(figure.mean) for figure in figures])]
    if summary.previous_round is not None:
        series.append(
            charts.Series(
                _("Previous round"),
                [
                    _float(figure.mean - figure.change)
                    if figure.mean is not None and figure.change is not None
                    else None
                    for figure in figures
                ],
            )
        )
    rows = []
    for figure in figures:
        if figure.shown:
            rows.append(
                [figure.label, number(figure.mean), number(figure.spread), change(figure.change)]
            )
        else:
            rows.append([figure.label, withheld(data.minimum), "", ""])
    section.add(
        _answered(summary),
        Chart(
            key="dimension-scores",
            title=_("The board's mean score for each dimension"),
            description=_(
                "Bars show the board's mean score from %(low)s to %(high)s for %(instrument)s. "
                "The table gives the same figures."
            )
            % {"low": low, "high": high, "instrument": definition.name},
            draw=partial(
                charts.bar_chart,
                [figure.label for figure in figures],
                series,
                minimum=low,
                maximum=high,
            ),
            table=Table(
                caption=_("The board's mean score for each dimension"),
                columns=[_("Dimension"), _("Mean"), _("Spread"), _("Change")],
                rows=rows,
                numeric={1, 2, 3},
            ),
        ),
        Text(
            _(
                "The spread is the standard deviation: the bigger it is, the more members' "
                "scores differ."
            )
        ),
    )
    if summary.trend is not None and len(summary.trend.shown_points) > 1:
        section.add(_trend(summary.trend, low, high, data.minimum))
    return section


def _trend(trend, low, high, minimum: int) -> Chart:
    """Every closed round of the instrument, not only the change since the last."""
    table = trend_table(trend, minimum)
    return Chart(
        key="dimension-trend",
        **trend_chart_text(trend, low, high),
        draw=partial(
            charts.line_chart,
            table["labels"],
            [charts.Series(_("Mean of the dimension means"), table["values"])],
            minimum=low,
            maximum=high,
        ),
        table=Table(
            caption=table["caption"],
            columns=table["columns"],
            rows=table["rows"],
            numeric=table["numeric"],
        ),
    )


def national_section(data: BoardDashboard) -> Section:
    section = Section("national", _("Our position beside the national survey"))
    summary = data.position
    if summary is None:
        return section.add(
            Text(_("The board has not yet finished a round of the board position questions."))
        )
    if not summary.aggregate.shown:
        return section.add(_too_few(summary, data.minimum))
    definition = Definition(summary.round.version.definition)
    ratings: list[tuple[Figure, NationalFigure | None]] = []
    progress: list[tuple[Figure, NationalFigure | None]] = []
    for figure in summary.aggregate.items:
        _low, top = definition.bounds(definition.dimension_of(figure.key))
        (ratings if top == 10 else progress).append((figure, figure_for(figure.key)))
    section.add(_answered(summary))
    no_figure = _("No national figure")
    for figure, national in ratings:
        if not figure.shown:
            section.add(
                Text(
                    _("Fewer than %(minimum)s members rated the board's position.")
                    % {"minimum": data.minimum}
                )
            )
            continue
        section.add(
            Table(
                caption=_("%(question)s (0 to 10)") % {"question": figure.label},
                columns=[_("Figure"), _("Our board"), _("National")],
                rows=[
                    [
                        _("Mean rating"),
                        number(figure.mean),
                        number(national.mean) if national and national.mean else no_figure,
                    ],
                    [
                        _("Rated 8 to 10"),
                        percent(figure.high_percent),
                        percent(national.high_share)
                        if national and national.high_share
                        else no_figure,
                    ],
                    [_("Change in mean since the previous round"), change(figure.change), ""],
                ],
                numeric={1, 2},
            )
        )
    if progress:
        shown = [(figure, national) for figure, national in progress if figure.shown]
        table = Table(
            caption=_("Progress areas: our board beside the national figures"),
            columns=[
                _("Progress area"),
                _("Our board: yes"),
                _("Our board: partly"),
                _("National"),
            ],
            rows=[
                [
                    figure.label,
                    percent(figure.percent) if figure.shown else withheld(data.minimum),
                    percent(figure.partly_percent) if figure.shown else "",
                    percent(national.percent)
                    if national and national.percent is not None
                    else no_figure,
                ]
                for figure, national in progress
            ],
            numeric={1, 2, 3},
        )
        if shown:
            section.add(
                Chart(
                    key="national-progress",
                    title=_(
                        "Share answering yes for each progress area, beside the national figure"
                    ),
                    description=_(
                        "Pairs of bars from 0 to 100: our board first, the national figure "
                        "second. Areas with no national figure have one bar. The table gives "
                        "the same figures."
                    ),
                    draw=partial(
                        charts.bar_chart,
                        [figure.label for figure, _national in shown],
                        [
                            charts.Series(_("Our board"), [figure.percent for figure, _n in shown]),
                            charts.Series(
                                _("National"),
                                [national.percent if national else None for _f, national in shown],
                            ),
                        ],
                        minimum=0,
                        maximum=100,
                        step=20,
                        label_width=240,
                        suffix="%",
                    ),
                    table=table,
                )
            )
        else:
            section.add(table)
    section.add(Text(_("Source of the national figures: %(source)s") % {"source": SOURCE}))
    return section.add(Text(CAVEAT))

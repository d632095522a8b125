"""Bar charts: horizontal bars of labelled values, and vertical columns of values over time."""

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib.utils import simpleSplit

from .style import (
    FONT,
    FONT_SIZE,
    GRID,
    SERIES_COLOURS,
    Series,
    TimeAxes,
    number,
    text,
    ticks,
)


def bar_chart(
    labels: list[str],
    series: list[Series],
    *,
    minimum: float,
    maximum: float,
    step: float = 1,
    width: int = 560,
    label_width: int = 170,
    suffix: str = "",
) -> Drawing:
    """A horizontal bar chart of labelled values on a fixed scale, with up to two series;
    `suffix` (such as "%") follows every figure on the axis and on the bars."""
    if not 1 <= len(series) <= len(SERIES_COLOURS):
        raise ValueError("A bar chart takes one or two series.")
    bar_height, gap = 14, 12
    wrapped = [simpleSplit(str(label), FONT, FONT_SIZE, label_width - 8) for label in labels]
    rows = [max(len(lines) * (FONT_SIZE + 2), bar_height * len(series)) for lines in wrapped]
    legend = 22 if len(series) > 1 else 0
    plot_left, plot_right = label_width, width - 40
    height = sum(rows) + gap * (len(rows) + 1) + 24 + legend
    drawing = Drawing(width, height)

    def x_for(value: float) -> float:
        share = (value - minimum) / (maximum - minimum)
        return plot_left + share * (plot_right - plot_left)

    axis_y = 20
    for tick in ticks(minimum, maximum, step):
        x = x_for(tick)
        drawing.add(Line(x, axis_y, x, height - legend, strokeColor=GRID, strokeWidth=1))
        drawing.add(text(x, axis_y - 14, f"{number(tick)}{suffix}", anchor="middle"))
    top = height - legend - gap
    for index, lines in enumerate(wrapped):
        row_top = top
        for line_number, line in enumerate(lines):
            y = row_top - FONT_SIZE - line_number * (FONT_SIZE + 2)
            drawing.add(text(plot_left - 8, y, line, anchor="end", size=FONT_SIZE))
        for position, one in enumerate(series):
            value = one.values[index]
            bar_top = row_top - position * bar_height
            if value is None:
                continue
            end = x_for(max(minimum, min(maximum, value)))
            drawing.add(
                Rect(
                    plot_left,
                    bar_top - bar_height + 2,
                    max(end - plot_left, 1),
                    bar_height - 2,
                    fillColor=SERIES_COLOURS[position],
                    strokeColor=None,
                )
            )
            drawing.add(text(end + 4, bar_top - bar_height + 5, f"{number(value)}{suffix}"))
        top -= rows[index] + gap
    if legend:
        x = plot_left
        for position, one in enumerate(series):
            drawing.add(
                Rect(x, height - 16, 12, 12, fillColor=SERIES_COLOURS[position], strokeColor=None)
            )
            drawing.add(text(x + 16, height - 14, one.name, size=FONT_SIZE))
            x += 24 + len(one.name) * FONT_SIZE * 0.55
    return drawing


def column_chart(
    labels: list[str],
    values: list[float | None],
    *,
    minimum: float,
    maximum: float,
    step: float = 1,
    suffix: str = "",
    width: int = 560,
    plot_height: int = 180,
) -> Drawing:
    """A vertical column chart of one series over a fixed scale, for figures over time (such
    as readiness at each session). Labels sit under the columns, wrapped; None draws no column."""
    if not labels or len(labels) != len(values):
        raise ValueError("A column chart needs one value for each label.")
    axes = TimeAxes.fit(labels, (minimum, maximum), (width, plot_height), margins=(44, 8))
    bottom = axes.bottom
    drawing = Drawing(width, bottom + plot_height + 20)
    axes.draw_scale(drawing, step, suffix, clamp=False)
    column_width = min(axes.slot * 0.6, 60)
    for index, value in enumerate(values):
        axes.label(drawing, index)
        if value is None:
            continue
        centre = axes.x_for(index)
        top = axes.y_for(axes.clamp(value))
        drawing.add(
            Rect(
                centre - column_width / 2,
                bottom,
                column_width,
                max(top - bottom, 1),
                fillColor=SERIES_COLOURS[0],
                strokeColor=None,
            )
        )
        drawing.add(text(centre, top + 4, f"{number(value)}{suffix}", anchor="middle"))
    return drawing

"""Line charts: one or two series of figures over time, with an optional reference line."""

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect

from .style import FONT_SIZE, SERIES_COLOURS, TEXT, Series, TimeAxes, text


def _check(labels: list[str], series: list[Series]) -> None:
    if not labels or any(len(one.values) != len(labels) for one in series):
        raise ValueError("A line chart needs one value for each label in every series.")
    if not 1 <= len(series) <= len(SERIES_COLOURS):
        raise ValueError("A line chart takes one or two series.")


def _reference(drawing: Drawing, axes: TimeAxes, value: float | None, label: str) -> None:
    """A dashed line at the value that means "equal", if it is on the scale."""
    if value is None or not axes.minimum <= value <= axes.maximum:
        return
    y = axes.y_for(axes.clamp(value))
    drawing.add(
        Line(
            axes.axis_width,
            y,
            axes.right,
            y,
            strokeColor=TEXT,
            strokeWidth=1,
            strokeDashArray=[2, 3],
        )
    )
    if label:
        drawing.add(text(axes.right, y + 4, label, anchor="end"))


def _line(
    drawing: Drawing, axes: TimeAxes, position: int, one: Series, *, places: int, suffix: str
) -> None:
    """One series: a line through its figures (dashed, with square markers, for the second),
    each point labelled; a missing figure leaves a gap."""
    colour = SERIES_COLOURS[position]
    points = [
        (axes.x_for(index), axes.y_for(axes.clamp(value)), value)
        for index, value in enumerate(one.values)
        if value is not None
    ]
    dashes = [6, 3] if position else None
    for (x1, y1, _v1), (x2, y2, _v2) in zip(points, points[1:], strict=False):
        drawing.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=2, strokeDashArray=dashes))
    for x, y, value in points:
        if position:
            drawing.add(Rect(x - 4, y - 4, 8, 8, fillColor=colour, strokeColor=None))
        else:
            drawing.add(Circle(x, y, 4, fillColor=colour, strokeColor=None))
        drawing.add(
            text(x, y - 16 if position else y + 8, f"{value:.{places}f}{suffix}", anchor="middle")
        )


def _legend(drawing: Drawing, series: list[Series], *, left: float, height: float) -> None:
    """Each series' marker and name along the top."""
    x = left
    for position, one in enumerate(series):
        colour = SERIES_COLOURS[position]
        if position:
            drawing.add(Rect(x, height - 16, 10, 10, fillColor=colour, strokeColor=None))
        else:
            drawing.add(Circle(x + 5, height - 11, 5, fillColor=colour, strokeColor=None))
        drawing.add(text(x + 16, height - 15, one.name, size=FONT_SIZE))
        x += 32 + len(one.name) * FONT_SIZE * 0.55


def line_chart(
    labels: list[str],
    series: list[Series],
    *,
    minimum: float,
    maximum: float,
    step: float = 1,
    suffix: str = "",
    reference: float | None = None,
    reference_label: str = "",
    places: int = 1,
    width: int = 560,
    plot_height: int = 180,
) -> Drawing:
    """A line chart of one or two series over a fixed scale, for figures over time (such as
    a WRES indicator each year). The second series has square markers and a dashed line, so
    colour is never the only difference; `reference` draws a dashed line at a value that
    means "equal" (1 for a ratio, 0 for a gap). Points are labelled to `places` decimal
    places. None leaves a gap in the line."""
    _check(labels, series)
    axes = TimeAxes.fit(labels, (minimum, maximum), (width, plot_height), margins=(52, 12))
    legend = 22 if len(series) > 1 else 0
    height = axes.bottom + plot_height + 24 + legend
    drawing = Drawing(width, height)
    axes.draw_scale(drawing, step, suffix, clamp=True)
    for index in range(len(labels)):
        axes.label(drawing, index)
    _reference(drawing, axes, reference, reference_label)
    for position, one in enumerate(series):
        _line(drawing, axes, position, one, places=places, suffix=suffix)
    if legend:
        _legend(drawing, series, left=axes.axis_width, height=height)
    return drawing

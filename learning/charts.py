"""Charts drawn once with reportlab.graphics, shown as inline SVG on the web and in PDFs.

`bar_chart` returns a reportlab `Drawing`: put it straight into a platypus story for a PDF, or
pass it to `svg` for a web page. Every chart on a page also needs its data in a table beside it
(screen readers cannot read bars); the SVG itself carries a title and description.

`svg` writes the SVG itself with presentation attributes and no `style` attributes, so it works
under a strict Content Security Policy; its ids are prefixed with the chart's id so several
charts can sit on one page.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import reportlab
from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

SVG_NS = "http://www.w3.org/2000/svg"

# NHS identity colours: blue for the first series, dark grey for the comparison.
SERIES_COLOURS = [colors.HexColor("#005eb8"), colors.HexColor("#425563")]
TEXT = colors.HexColor("#212b32")
GRID = colors.HexColor("#d8dde0")
FONT = "Helvetica"
# Charts are drawn at 560 units wide and shown from 641 px, where they are 609 px wide (below
# that their data table takes their place): the smallest text, at 11.5 units, is then 12.5 px.
FONT_SIZE = 12
SMALL_FONT_SIZE = 11.5
NARROWEST_SHOWN = 609

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class Series:
    """One set of values, one per label; None draws no bar (no figure)."""

    name: str
    values: list[float | None]


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
    tick = minimum
    while tick <= maximum + 1e-9:
        x = x_for(tick)
        drawing.add(Line(x, axis_y, x, height - legend, strokeColor=GRID, strokeWidth=1))
        drawing.add(
            String(
                x,
                axis_y - 14,
                f"{_number(tick)}{suffix}",
                fontName=FONT,
                fontSize=SMALL_FONT_SIZE,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
        tick += step
    top = height - legend - gap
    for index, lines in enumerate(wrapped):
        row_top = top
        for number, line in enumerate(lines):
            drawing.add(
                String(
                    plot_left - 8,
                    row_top - FONT_SIZE - number * (FONT_SIZE + 2),
                    line,
                    fontName=FONT,
                    fontSize=FONT_SIZE,
                    fillColor=TEXT,
                    textAnchor="end",
                )
            )
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
            drawing.add(
                String(
                    end + 4,
                    bar_top - bar_height + 5,
                    f"{_number(value)}{suffix}",
                    fontName=FONT,
                    fontSize=SMALL_FONT_SIZE,
                    fillColor=TEXT,
                )
            )
        top -= rows[index] + gap
    if legend:
        x = plot_left
        for position, one in enumerate(series):
            drawing.add(
                Rect(x, height - 16, 12, 12, fillColor=SERIES_COLOURS[position], strokeColor=None)
            )
            drawing.add(
                String(
                    x + 16, height - 14, one.name, fontName=FONT, fontSize=FONT_SIZE, fillColor=TEXT
                )
            )
            x += 24 + len(one.name) * FONT_SIZE * 0.55
    return drawing


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def _coordinate(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _paint(colour) -> str:
    return "none" if colour is None else f"#{colour.hexval()[2:]}"


def _element(shape, height: float) -> str:
    """One reportlab shape as an SVG element, with presentation attributes (never `style`) and
    the y axis turned over (reportlab counts up from the bottom, SVG down from the top)."""
    c = _coordinate
    if isinstance(shape, Line):
        dashes = shape.strokeDashArray
        dash = f' stroke-dasharray="{",".join(c(d) for d in dashes)}"' if dashes else ""
        return (
            f'<line x1="{c(shape.x1)}" y1="{c(height - shape.y1)}" x2="{c(shape.x2)}" '
            f'y2="{c(height - shape.y2)}" stroke="{_paint(shape.strokeColor)}" '
            f'stroke-width="{c(shape.strokeWidth)}"{dash}/>'
        )
    if isinstance(shape, Rect):
        return (
            f'<rect x="{c(shape.x)}" y="{c(height - shape.y - shape.height)}" '
            f'width="{c(shape.width)}" height="{c(shape.height)}" '
            f'fill="{_paint(shape.fillColor)}" stroke="{_paint(shape.strokeColor)}"/>'
        )
    if isinstance(shape, Circle):
        return (
            f'<circle cx="{c(shape.cx)}" cy="{c(height - shape.cy)}" r="{c(shape.r)}" '
            f'fill="{_paint(shape.fillColor)}" stroke="{_paint(shape.strokeColor)}"/>'
        )
    if isinstance(shape, String):
        anchor = {"start": "start", "middle": "middle", "end": "end"}[shape.textAnchor]
        return (
            f'<text x="{c(shape.x)}" y="{c(height - shape.y)}" font-size="{c(shape.fontSize)}" '
            f'fill="{_paint(shape.fillColor)}" text-anchor="{anchor}">{escape(shape.text)}</text>'
        )
    raise TypeError(f"charts.svg cannot draw a {type(shape).__name__}.")


def svg(drawing: Drawing, *, chart_id: str, title: str, description: str) -> SafeString:
    """The drawing as inline SVG: role="img", labelled by its <title> and <desc>, no style
    attributes, ids prefixed with `chart_id`.

    Written directly from the drawing's shapes (lines, rectangles, circles and text, all the
    charts here use) rather than through reportlab's SVG renderer, which builds a DOM and
    writes `style` attributes that then had to be parsed and rewritten: this is several times
    faster, and the dashboard draws six charts on every view."""
    if not re.fullmatch(r"[A-Za-z][\w-]*", chart_id):
        raise ValueError("chart_id must be a simple HTML id.")
    width, height = drawing.width, drawing.height
    shapes = "".join(_element(shape, height) for shape in drawing.contents)
    return mark_safe(  # noqa: S308 (every text is escaped above or here)
        f'<svg xmlns="{SVG_NS}" id="{chart_id}" class="br-chart" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" width="100%" '
        f'viewBox="0 0 {_coordinate(width)} {_coordinate(height)}" '
        'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<g font-family="{FONT}, Arial, sans-serif">{shapes}</g></svg>'
    )


SVG_CACHE_SECONDS = 3600


def _plain(value):
    """A value as plain, comparable Python: translated text as the text it shows now."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Series):
        return ("series", str(value.name), tuple(_plain(v) for v in value.values))
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _plain(v)) for k, v in value.items()))
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"A chart cannot be cached with a {type(value).__name__} among its inputs.")


def svg_of(
    draw: partial, *, chart_id: str, title: "StrOrPromise", description: "StrOrPromise"
) -> SafeString:
    """`svg(draw(), ...)`, kept in the cache under the chart's inputs: the same figures, labels
    and language always give the same SVG, so a dashboard drawn again reuses it, and a
    changed figure is a different key (nothing is ever stale). Only aggregate figures a page
    shows go into charts, so the cache holds nothing more private than the page itself."""
    inputs: tuple[object, ...] = (draw.func.__module__, draw.func.__qualname__, _plain(draw.args))
    inputs += (_plain(draw.keywords), chart_id, str(title), str(description), get_language())
    key = "chart-svg:" + hashlib.sha256(repr(inputs).encode()).hexdigest()
    text = cache.get(key)
    if text is None:
        text = str(svg(draw(), chart_id=chart_id, title=str(title), description=str(description)))
        cache.set(key, text, SVG_CACHE_SECONDS)
    return mark_safe(text)  # noqa: S308 (made by svg() above, which escapes every text)


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
    axis_width, right_pad = 44, 8
    slot = (width - axis_width - right_pad) / len(labels)
    wrapped = [simpleSplit(str(label), FONT, SMALL_FONT_SIZE, slot - 6) for label in labels]
    label_lines = max(len(lines) for lines in wrapped)
    bottom = 8 + label_lines * FONT_SIZE
    height = bottom + plot_height + 20
    drawing = Drawing(width, height)

    def y_for(value: float) -> float:
        share = (value - minimum) / (maximum - minimum)
        return bottom + share * plot_height

    tick = minimum
    while tick <= maximum + 1e-9:
        y = y_for(tick)
        drawing.add(Line(axis_width, y, width - right_pad, y, strokeColor=GRID, strokeWidth=1))
        drawing.add(
            String(
                axis_width - 6,
                y - 4,
                f"{_number(tick)}{suffix}",
                fontName=FONT,
                fontSize=SMALL_FONT_SIZE,
                fillColor=TEXT,
                textAnchor="end",
            )
        )
        tick += step
    column_width = min(slot * 0.6, 60)
    for index, (lines, value) in enumerate(zip(wrapped, values, strict=True)):
        centre = axis_width + slot * index + slot / 2
        for number, line in enumerate(lines):
            drawing.add(
                String(
                    centre,
                    bottom - 14 - number * FONT_SIZE,
                    line,
                    fontName=FONT,
                    fontSize=SMALL_FONT_SIZE,
                    fillColor=TEXT,
                    textAnchor="middle",
                )
            )
        if value is None:
            continue
        top = y_for(max(minimum, min(maximum, value)))
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
        drawing.add(
            String(
                centre,
                top + 4,
                f"{_number(value)}{suffix}",
                fontName=FONT,
                fontSize=SMALL_FONT_SIZE,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
    return drawing


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
    if not labels or any(len(one.values) != len(labels) for one in series):
        raise ValueError("A line chart needs one value for each label in every series.")
    if not 1 <= len(series) <= len(SERIES_COLOURS):
        raise ValueError("A line chart takes one or two series.")
    axis_width, right_pad = 52, 12
    slot = (width - axis_width - right_pad) / len(labels)
    wrapped = [simpleSplit(str(label), FONT, SMALL_FONT_SIZE, slot - 6) for label in labels]
    bottom = 8 + max(len(lines) for lines in wrapped) * FONT_SIZE
    legend = 22 if len(series) > 1 else 0
    height = bottom + plot_height + 24 + legend
    drawing = Drawing(width, height)

    def y_for(value: float) -> float:
        share = (max(minimum, min(maximum, value)) - minimum) / (maximum - minimum)
        return bottom + share * plot_height

    def x_for(index: int) -> float:
        return axis_width + slot * index + slot / 2

    def text(x: float, y: float, words: str, anchor: str = "middle") -> None:
        drawing.add(
            String(
                x,
                y,
                words,
                fontName=FONT,
                fontSize=SMALL_FONT_SIZE,
                fillColor=TEXT,
                textAnchor=anchor,
            )
        )

    tick = minimum
    while tick <= maximum + 1e-9:
        drawing.add(Line(axis_width, y_for(tick), width - right_pad, y_for(tick), strokeColor=GRID))
        text(axis_width - 6, y_for(tick) - 4, f"{_number(tick)}{suffix}", "end")
        tick += step
    for index, lines in enumerate(wrapped):
        for number, line in enumerate(lines):
            text(x_for(index), bottom - 14 - number * FONT_SIZE, line)
    if reference is not None and minimum <= reference <= maximum:
        y = y_for(reference)
        drawing.add(
            Line(
                axis_width,
                y,
                width - right_pad,
                y,
                strokeColor=TEXT,
                strokeWidth=1,
                strokeDashArray=[2, 3],
            )
        )
        if reference_label:
            text(width - right_pad, y + 4, reference_label, "end")
    for position, one in enumerate(series):
        colour = SERIES_COLOURS[position]
        points = [
            (x_for(index), y_for(value), value)
            for index, value in enumerate(one.values)
            if value is not None
        ]
        for (x1, y1, _v1), (x2, y2, _v2) in zip(points, points[1:], strict=False):
            drawing.add(
                Line(
                    x1,
                    y1,
                    x2,
                    y2,
                    strokeColor=colour,
                    strokeWidth=2,
                    strokeDashArray=[6, 3] if position else None,
                )
            )
        for x, y, value in points:
            if position:
                drawing.add(Rect(x - 4, y - 4, 8, 8, fillColor=colour, strokeColor=None))
            else:
                drawing.add(Circle(x, y, 4, fillColor=colour, strokeColor=None))
            text(x, y - 16 if position else y + 8, f"{value:.{places}f}{suffix}")
    if legend:
        x = axis_width
        for position, one in enumerate(series):
            colour = SERIES_COLOURS[position]
            if position:
                drawing.add(Rect(x, height - 16, 10, 10, fillColor=colour, strokeColor=None))
            else:
                drawing.add(Circle(x + 5, height - 11, 5, fillColor=colour, strokeColor=None))
            drawing.add(
                String(
                    x + 16, height - 15, one.name, fontName=FONT, fontSize=FONT_SIZE, fillColor=TEXT
                )
            )
            x += 32 + len(one.name) * FONT_SIZE * 0.55
    return drawing


# Drawn PNGs (for Word documents, which cannot hold SVG) use the first of these fonts found:
# DejaVu Sans where installed, else the Vera that ships inside reportlab.
_PNG_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
)


def _png_font(size: float, scale: float, cache: dict):
    key = round(size * scale)
    if key not in cache:
        path = next(path for path in _PNG_FONTS if path.is_file())
        cache[key] = ImageFont.truetype(str(path), key)
    return cache[key]


def _dashes(line: Line) -> list:
    """The line's drawn stretches: the whole line, or one stretch per dash of its pattern."""
    start, end = (line.x1, line.y1), (line.x2, line.y2)
    pattern = line.strokeDashArray
    length = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5
    if not pattern or not length:
        return [(start, end)]

    def at(distance: float) -> tuple[float, float]:
        share = min(distance, length) / length
        return start[0] + share * (end[0] - start[0]), start[1] + share * (end[1] - start[1])

    stretches, travelled, index = [], 0.0, 0
    while travelled < length:
        step = pattern[index % len(pattern)]
        if index % 2 == 0:
            stretches.append((at(travelled), at(travelled + step)))
        travelled += step
        index += 1
    return stretches


def png(drawing: Drawing, *, scale: float = 2.0) -> bytes:
    """The drawing as a PNG drawn with Pillow from the same shapes `svg` writes (lines,
    rectangles, circles and text), at `scale` pixels a point so it prints sharply. Pillow
    needs no system library, unlike reportlab's own bitmap renderer."""
    width, height = round(drawing.width * scale), round(drawing.height * scale)
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    fonts: dict = {}

    def point(x: float, y: float) -> tuple[float, float]:
        return x * scale, (drawing.height - y) * scale

    def paint(colour):
        return None if colour is None else f"#{colour.hexval()[2:]}"

    for shape in drawing.contents:
        if isinstance(shape, Line):
            for start, end in _dashes(shape):
                pen.line(
                    [point(*start), point(*end)],
                    fill=paint(shape.strokeColor),
                    width=max(1, round(shape.strokeWidth * scale)),
                )
        elif isinstance(shape, Rect):
            left, top = point(shape.x, shape.y + shape.height)
            right, bottom = point(shape.x + shape.width, shape.y)
            pen.rectangle(
                [left, top, right, bottom],
                fill=paint(shape.fillColor),
                outline=paint(shape.strokeColor),
            )
        elif isinstance(shape, Circle):
            x, y = point(shape.cx, shape.cy)
            r = shape.r * scale
            pen.ellipse(
                [x - r, y - r, x + r, y + r],
                fill=paint(shape.fillColor),
                outline=paint(shape.strokeColor),
            )
        elif isinstance(shape, String):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.textAnchor]
            text = str(shape.text)
            # The chart was laid out in Helvetica's widths; DejaVu and Vera run wider, so a
            # label is shrunk to the width it was given (as the PDF does) and is never cut off.
            size = shape.fontSize
            planned = stringWidth(text, shape.fontName, size)
            actual = _png_font(size, scale, fonts).getlength(text) / scale
            if actual > planned > 0:
                size *= planned / actual
            pen.text(
                point(shape.x, shape.y),
                text,
                fill=paint(shape.fillColor),
                font=_png_font(size, scale, fonts),
                anchor=anchor,
            )
        else:
            raise TypeError(f"charts.png cannot draw a {type(shape).__name__}.")
    buffer = BytesIO()
    # The lightest compression: several times quicker than the default, for a larger file.
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()

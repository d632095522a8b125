"""Charts as inline SVG for web pages, written straight from the drawing's shapes.

`svg` writes presentation attributes and no `style` attributes, so it works under a strict
Content Security Policy; its ids are prefixed with the chart's id so several charts can sit on
one page. `svg_of` keeps what it writes in the cache under the chart's inputs.
"""

import hashlib
import re
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, Shape, String
from reportlab.lib.colors import Color

from .style import FONT, Series

SVG_NS = "http://www.w3.org/2000/svg"

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _coordinate(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _paint(colour: Color | None) -> str:
    return "none" if colour is None else f"#{colour.hexval()[2:]}"


def _element(shape: Shape, height: float) -> str:
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


def _plain(value: Any) -> Any:
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
    draw: "partial[Drawing]", *, chart_id: str, title: "StrOrPromise", description: "StrOrPromise"
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

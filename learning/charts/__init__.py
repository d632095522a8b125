"""Charts drawn once with reportlab.graphics, shown as inline SVG on the web and in PDFs.

`bar_chart`, `column_chart` and `line_chart` return a reportlab `Drawing`: put it straight into
a platypus story for a PDF, pass it to `svg` for a web page or to `png` for a Word document.
Every chart on a page also needs its data in a table beside it (screen readers cannot read
bars); the SVG itself carries a title and description.

- `style`: colours, fonts, `Series`, and the geometry the charts share (scales, time axes);
- `bars`: horizontal bar charts and vertical column charts;
- `lines`: line charts;
- `svg_output` and `png_output`: a drawing as SVG text or as a PNG image.
"""

from .bars import bar_chart, column_chart
from .lines import line_chart
from .png_output import _dashes, png
from .style import (
    FONT,
    FONT_SIZE,
    GRID,
    NARROWEST_SHOWN,
    SERIES_COLOURS,
    SMALL_FONT_SIZE,
    TEXT,
    Series,
)
from .svg_output import SVG_CACHE_SECONDS, SVG_NS, svg, svg_of

__all__ = [
    "FONT",
    "FONT_SIZE",
    "GRID",
    "NARROWEST_SHOWN",
    "SERIES_COLOURS",
    "SMALL_FONT_SIZE",
    "SVG_CACHE_SECONDS",
    "SVG_NS",
    "TEXT",
    "Series",
    "_dashes",
    "bar_chart",
    "column_chart",
    "line_chart",
    "png",
    "svg",
    "svg_of",
]

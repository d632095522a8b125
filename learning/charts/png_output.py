"""Charts as PNG images, for Word documents (which cannot hold SVG), drawn with Pillow from
the same shapes `svg` writes."""

from io import BytesIO
from pathlib import Path

import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

# Drawn PNGs (for Word documents, which cannot hold SVG) use the first of these fonts found:
# DejaVu Sans where installed, else the Vera that ships inside reportlab.
_PNG_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
)


def _png_font(
    size: float, scale: float, cache: dict[int, ImageFont.FreeTypeFont]
) -> ImageFont.FreeTypeFont:
    key = round(size * scale)
    if key not in cache:
        path = next(path for path in _PNG_FONTS if path.is_file())
        cache[key] = ImageFont.truetype(str(path), key)
    return cache[key]


def _dashes(line: Line) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The line's drawn stretches: the whole line, or one stretch per dash of its pattern."""
    start, end = (line.x1, line.y1), (line.x2, line.y2)
    pattern = line.strokeDashArray
    length = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5
    if not pattern or not length:
        return [(start, end)]

    def at(distance: float) -> tuple[float, float]:
        share = min(distance, length) / length
        return start[0] + share * (end[0] - start[0]), start[1] + share * (end[1] - start[1])

    stretches: list[tuple[tuple[float, float], tuple[float, float]]] = []
    travelled, index = 0.0, 0
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
    fonts: dict[int, ImageFont.FreeTypeFont] = {}

    def point(x: float, y: float) -> tuple[float, float]:
        return x * scale, (drawing.height - y) * scale

    def paint(colour: Color | None) -> str | None:
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

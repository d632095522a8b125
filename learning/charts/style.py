"""What every chart shares: the NHS colours, the fonts and sizes, a series, and how figures,
text and a value scale are drawn."""

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

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


@dataclass
class Series:
    """One set of values, one per label; None draws no bar (no figure)."""

    name: str
    values: list[float | None]


def number(value: float) -> str:
    """A figure as shown on a chart: whole numbers plainly, others to one decimal place."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def text(
    x: float, y: float, words: str, *, anchor: str = "start", size: float = SMALL_FONT_SIZE
) -> String:
    """Words in the chart's font and text colour."""
    return String(x, y, words, fontName=FONT, fontSize=size, fillColor=TEXT, textAnchor=anchor)


def ticks(minimum: float, maximum: float, step: float) -> Iterator[float]:
    """The values marked on a scale, from `minimum` to `maximum` by `step`."""
    tick = minimum
    while tick <= maximum + 1e-9:
        yield tick
        tick += step


@dataclass(frozen=True)
class TimeAxes:
    """The frame of a chart over time: one slot a label along the bottom (labels wrapped to
    fit under it) and a value scale up the left, from `bottom` to `bottom + plot_height`."""

    wrapped: list[list[str]]
    minimum: float
    maximum: float
    width: int
    axis_width: int
    right_pad: int
    plot_height: int

    @classmethod
    def fit(
        cls,
        labels: list[str],
        scale: tuple[float, float],
        size: tuple[int, int],
        *,
        margins: tuple[int, int],
    ) -> "TimeAxes":
        """Axes for `labels` on the scale (minimum, maximum), `size` (width, plot height)
        units, with `margins` (the value scale's width on the left, the gap on the right)."""
        (minimum, maximum), (width, plot_height), (axis_width, right_pad) = scale, size, margins
        slot = (width - axis_width - right_pad) / len(labels)
        wrapped = [simpleSplit(str(label), FONT, SMALL_FONT_SIZE, slot - 6) for label in labels]
        return cls(wrapped, minimum, maximum, width, axis_width, right_pad, plot_height)

    @property
    def slot(self) -> float:
        return (self.width - self.axis_width - self.right_pad) / len(self.wrapped)

    @property
    def bottom(self) -> float:
        return 8 + max(len(lines) for lines in self.wrapped) * FONT_SIZE

    @property
    def right(self) -> float:
        return self.width - self.right_pad

    def clamp(self, value: float) -> float:
        return max(self.minimum, min(self.maximum, value))

    def x_for(self, index: int) -> float:
        return self.axis_width + self.slot * index + self.slot / 2

    def y_for(self, value: float) -> float:
        share = (value - self.minimum) / (self.maximum - self.minimum)
        return self.bottom + share * self.plot_height

    def draw_scale(self, drawing: Drawing, step: float, suffix: str, *, clamp: bool) -> None:
        """A grid line across the plot at each figure on the scale, with the figure beside it
        (`clamp`: placed as a value on the chart is, never past the ends of the scale)."""
        for tick in ticks(self.minimum, self.maximum, step):
            y = self.y_for(self.clamp(tick) if clamp else tick)
            drawing.add(Line(self.axis_width, y, self.right, y, strokeColor=GRID, strokeWidth=1))
            drawing.add(text(self.axis_width - 6, y - 4, f"{number(tick)}{suffix}", anchor="end"))

    def label(self, drawing: Drawing, index: int) -> None:
        """The wrapped label under slot `index`."""
        x = self.x_for(index)
        for row, line in enumerate(self.wrapped[index]):
            drawing.add(text(x, self.bottom - 14 - row * FONT_SIZE, line, anchor="middle"))

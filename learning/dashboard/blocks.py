"""The building blocks of a dashboard section: text, notices, tables, charts and lists.

The web page and the PDF board paper render the same blocks, so they always show the same
figures. A chart keeps the function that draws it, so each renderer gets a fresh Drawing.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString

from learning import charts

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class Text:
    text: "StrOrPromise"
    kind: str = "text"


@dataclass
class Notice:
    """A suppression or warning notice: a heading and one or two sentences."""

    heading: "StrOrPromise"
    text: "StrOrPromise"
    kind: str = "notice"


@dataclass
class Bullets:
    items: "list[StrOrPromise]"
    kind: str = "list"


@dataclass
class Table:
    """A table whose first column heads each row. `numeric` holds right-aligned columns."""

    caption: "StrOrPromise"
    columns: "Sequence[StrOrPromise]"
    rows: "Sequence[Sequence[StrOrPromise]]"
    numeric: set[int] = field(default_factory=set)
    kind: str = "table"

    def cells(self) -> "list[list[tuple[StrOrPromise, bool]]]":
        """Each row as (text, numeric) pairs, for templates."""
        return [
            [(cell, index in self.numeric) for index, cell in enumerate(row)] for row in self.rows
        ]

    def headings(self) -> "list[tuple[StrOrPromise, bool]]":
        return [(column, index in self.numeric) for index, column in enumerate(self.columns)]


@dataclass
class Chart:
    """A chart with a title, a description for screen readers and its figures as a table."""

    key: str
    title: "StrOrPromise"
    description: "StrOrPromise"
    draw: partial  # a chart function of learning.charts with its inputs: a fresh Drawing each call
    table: Table
    kind: str = "chart"

    @cached_property
    def svg(self) -> SafeString:
        return charts.svg_of(
            self.draw,
            chart_id=f"chart-{self.key}",
            title=self.title,
            description=self.description,
        )


Block = Text | Notice | Bullets | Table | Chart


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> "Section":
        self.blocks.extend(blocks)
        return self

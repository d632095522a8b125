"""Reads for the WRES workbook: every year's figures in two queries, turned into indicators,
sentences and directions of travel; and the links to the data module and assurance questions.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from learning.models import Board
from modules.models import AssuranceQuestion, AssuranceQuestionsPage, ModulePage
from modules.selectors import assurance_questions_for_areas

from .explain import MEASURED, TITLES, sentence, title_for, value_text, working_lines
from .indicators import GroupValues, IndicatorResult, YearFigures, all_indicators
from .measures import MEASURES_BY_CODE, Group, year_to_slug
from .models import WresYear
from .trends import DIRECTION_LABELS, RULES, Direction, direction

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATA_MODULE_SLUG = "race-equality-data"
DATA_AREA = 9  # Race 2.0 good-practice area 9: better use and understanding of data


@dataclass
class YearResult:
    year: str
    result: IndicatorResult

    @property
    def value_text(self) -> str:
        return value_text(self.result.number, self.result.value)

    @property
    def working_lines(self) -> list[tuple[str, str]]:
        return working_lines(self.result)


@dataclass
class IndicatorView:
    """One indicator for the chosen year, explained, with every year's result for the trend."""

    number: int
    result: IndicatorResult
    history: list[YearResult]
    previous_year: str | None = None
    direction: Direction | None = None

    @property
    def title(self) -> "StrOrPromise":
        return title_for(self.number)

    @property
    def short_title(self) -> "StrOrPromise":
        return TITLES[self.number]

    @property
    def measured(self) -> "StrOrPromise":
        return MEASURED[self.number]

    @property
    def sentence(self) -> "StrOrPromise":
        return sentence(self.result)

    @property
    def rule(self) -> "StrOrPromise":
        return RULES[self.number].text

    @property
    def value_text(self) -> str:
        return value_text(self.number, self.result.value)

    @property
    def working_lines(self) -> list[tuple[str, str]]:
        return working_lines(self.result)

    @property
    def direction_label(self) -> "StrOrPromise":
        return DIRECTION_LABELS[self.direction] if self.direction else ""

    @property
    def history_directions(self) -> list[tuple[YearResult, Direction | None]]:
        """Each year with its change from the year before (None for the first)."""
        rows: list[tuple[YearResult, Direction | None]] = []
        previous: YearResult | None = None
        for point in self.history:
            change = (
                direction(self.number, previous.result.value, point.result.value)
                if previous
                else None
            )
            rows.append((point, change))
            previous = point
        return rows


@dataclass
class Workbook:
    """An organisation's WRES figures as one board sees them."""

    board_id: int
    years: list[str] = field(default_factory=list)  # oldest first
    year: str | None = None
    indicators: list[IndicatorView] = field(default_factory=list)

    @property
    def has_figures(self) -> bool:
        return self.year is not None

    @property
    def year_slug(self) -> str:
        return year_to_slug(self.year or "")

    @property
    def year_links(self) -> list[tuple[str, str]]:
        return [(year, year_to_slug(year)) for year in self.years]

    @property
    def previous_year(self) -> str | None:
        index = self.years.index(self.year) if self.year in self.years else 0
        return self.years[index - 1] if index > 0 else None


def figures_of(wres_year: WresYear) -> YearFigures:
    """A saved year's figures as plain numbers for `indicators` (uses prefetched figures)."""

    def number(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    return {
        figure.measure: GroupValues(
            number(figure.white), number(figure.bme), number(figure.unknown)
        )
        for figure in wres_year.figures.all()
    }


def values_of(wres_year: WresYear) -> dict[str, dict[Group, Decimal | None]]:
    """A saved year's figures as entered, for the edit form."""
    return {
        figure.measure: {
            Group.WHITE: figure.white,
            Group.BME: figure.bme,
            Group.UNKNOWN: figure.unknown,
        }
        for figure in wres_year.figures.all()
        if figure.measure in MEASURES_BY_CODE
    }


def organisation_years(organisation_id: int) -> list[WresYear]:
    """Every saved year for an organisation, oldest first, with its figures: two queries."""
    return list(
        WresYear.objects.filter(organisation_id=organisation_id)
        .prefetch_related("figures")
        .order_by("year")
    )


def saved_year(board: Board, year: str) -> WresYear | None:
    """The board's organisation's figures for one year, with its figures: two queries."""
    return (
        WresYear.objects.filter(organisation_id=board.organisation_id, year=year)
        .prefetch_related("figures")
        .first()
    )


def build_workbook(board: Board, years: list[WresYear], year: str | None = None) -> Workbook:
    """The workbook for `year` (the latest when None); `year` None in the result when there
    are no figures for it."""
    labels = [wres_year.year for wres_year in years]
    workbook = Workbook(board_id=board.pk, years=labels)
    chosen = year if year is not None else (labels[-1] if labels else None)
    if chosen not in labels:
        return workbook
    workbook.year = chosen
    results = {wres_year.year: all_indicators(figures_of(wres_year)) for wres_year in years}
    position = labels.index(chosen)
    previous = labels[position - 1] if position > 0 else None
    for index, result in enumerate(results[chosen]):
        number = result.number
        before = results[previous][index] if previous else None
        workbook.indicators.append(
            IndicatorView(
                number=number,
                result=result,
                history=[YearResult(label, results[label][index]) for label in labels],
                previous_year=previous,
                direction=direction(number, before.value, result.value) if before else None,
            )
        )
    return workbook


def workbook_for_board(board: Board, year: str | None = None) -> Workbook:
    """The board's organisation's workbook for a year (latest by default): two queries."""
    return build_workbook(board, organisation_years(board.organisation_id), year)


def latest_indicators_for_board(board: Board) -> Workbook:
    """The latest year's nine indicators for the chair's dashboard and the board paper, with
    every year's results for the trend. Two queries, however many years are saved.

    `.has_figures` is False when nothing has been entered yet.
    """
    return workbook_for_board(board)


@dataclass
class DataLinks:
    """Where to read more: the data module and the assurance questions for area 9."""

    module: object | None
    questions: list[AssuranceQuestion]
    questions_page: object | None


def data_links() -> DataLinks:
    """Three queries: the live data module, up to three assurance questions for area 9 and
    the live assurance questions page."""
    return DataLinks(
        module=ModulePage.objects.live().filter(slug=DATA_MODULE_SLUG).first(),
        questions=assurance_questions_for_areas([DATA_AREA], limit=3),
        questions_page=AssuranceQuestionsPage.objects.live().first(),
    )

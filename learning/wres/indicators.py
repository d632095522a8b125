"""The nine WRES indicators, computed from one year's figures. Pure functions: no database.

Each result keeps the numerators and denominators it came from, so pages can show the working.
Ratios built on small counts swing wildly from year to year, so where any count behind a ratio
is under `SMALL_COUNT` (or zero) the ratio is not given and the result says which count is
short. No input makes these functions divide by zero.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from . import measures as m

SMALL_COUNT = 10


@dataclass(frozen=True)
class GroupValues:
    """One measure's figures for white staff, BME staff and staff of unknown ethnicity."""

    white: float | None
    bme: float | None
    unknown: float | None = None

    @property
    def total(self) -> float:
        return sum(value for value in (self.white, self.bme, self.unknown) if value is not None)

    @property
    def complete(self) -> bool:
        return self.white is not None and self.bme is not None


YearFigures = Mapping[str, GroupValues]
MISSING = GroupValues(None, None, None)


class Status(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # a count behind the figure is under 10 (or zero): no figure given
    NOT_AVAILABLE = "not_available"  # figures missing, or nothing to divide by


@dataclass(frozen=True)
class Part:
    """One step of the working: numerator ÷ denominator = value (value alone for survey %)."""

    label: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    percent: bool = False


@dataclass(frozen=True)
class Shortfall:
    """A count too small to build a ratio on: what it counts and how many there were."""

    what: str
    count: float


@dataclass(frozen=True)
class BandRow:
    code: str
    label: str
    white: float
    bme: float
    unknown: float
    total: float
    bme_percent: float | None
    small: bool


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator for one year. `value` is the headline figure (None unless SHOWN)."""

    number: int
    status: Status
    value: float | None
    parts: tuple[Part, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
    bands: tuple[BandRow, ...] = ()

    @property
    def shown(self) -> bool:
        return self.status == Status.SHOWN

    def part(self, index: int) -> float | None:
        return self.parts[index].value if len(self.parts) > index else None


def divide(numerator: float, denominator: float) -> float | None:
    """numerator ÷ denominator, or None when the denominator is zero."""
    return numerator / denominator if denominator else None


def percent(numerator: float, denominator: float) -> float | None:
    share = divide(numerator, denominator)
    return None if share is None else share * 100


def _figures(figures: YearFigures, code: str) -> GroupValues:
    return figures.get(code, MISSING)


def _workforce(figures: YearFigures) -> GroupValues | None:
    """Headcount by group summed across every band and very senior managers."""
    rows = [_figures(figures, code) for code, _label in m.BAND_CODES]
    if not all(row.complete for row in rows):
        return None
    return GroupValues(
        white=sum(row.white or 0 for row in rows),
        bme=sum(row.bme or 0 for row in rows),
        unknown=sum(row.unknown or 0 for row in rows),
    )


def indicator_1(figures: YearFigures) -> IndicatorResult:
    """The BME share of each band; the headline is the BME share at band 8a and above
    (with very senior managers) minus the BME share of the whole workforce, in points."""
    rows = []
    for code, label in m.BAND_CODES:
        values = _figures(figures, code)
        if not values.complete:
            return IndicatorResult(1, Status.NOT_AVAILABLE, None)
        white, bme, unknown = values.white or 0, values.bme or 0, values.unknown or 0
        total = white + bme + unknown
        rows.append(
            BandRow(
                code=code,
                label=str(label),
                white=white,
                bme=bme,
                unknown=unknown,
                total=total,
                bme_percent=percent(bme, total),
                small=total < SMALL_COUNT,
            )
        )
    senior_bme = sum(row.bme for row in rows if row.code in m.SENIOR_BANDS)
    senior_total = sum(row.total for row in rows if row.code in m.SENIOR_BANDS)
    all_bme = sum(row.bme for row in rows)
    all_total = sum(row.total for row in rows)
    parts = (
        Part(
            _("BME staff at band 8a and above"),
            percent(senior_bme, senior_total),
            senior_bme,
            senior_total,
            percent=True,
        ),
        Part(
            _("BME staff in the workforce"), percent(all_bme, all_total), all_bme, all_total, True
        ),
    )
    if parts[0].value is None or parts[1].value is None:
        return IndicatorResult(1, Status.NOT_AVAILABLE, None, parts, bands=tuple(rows))
    return IndicatorResult(
        1, Status.SHOWN, parts[0].value - parts[1].value, parts, bands=tuple(rows)
    )


@dataclass(frozen=True)
class Likelihood:
    """One group's side of a relative likelihood: numerator ÷ denominator, with the words for
    each count (used when a count is too small)."""

    label: str
    numerator: float | None
    denominator: float | None
    numerator_counts: str
    denominator_counts: str


def _relative_likelihood(number: int, first: Likelihood, second: Likelihood) -> IndicatorResult:
    """(first numerator ÷ first denominator) ÷ (second numerator ÷ second denominator)."""
    sides = (first, second)
    if any(side.numerator is None or side.denominator is None for side in sides):
        return IndicatorResult(number, Status.NOT_AVAILABLE, None)
    parts = tuple(
        Part(
            side.label,
            divide(side.numerator or 0, side.denominator or 0),
            side.numerator,
            side.denominator,
        )
        for side in sides
    )
    shortfalls = tuple(
        Shortfall(what, count or 0)
        for side in sides
        for what, count in (
            (side.numerator_counts, side.numerator),
            (side.denominator_counts, side.denominator),
        )
        if (count or 0) < SMALL_COUNT
    )
    if shortfalls:
        return IndicatorResult(number, Status.SMALL, None, parts, shortfalls)
    ratio = divide(parts[0].value or 0, parts[1].value or 0)
    if ratio is None:
        return IndicatorResult(number, Status.NOT_AVAILABLE, None, parts)
    return IndicatorResult(number, Status.SHOWN, ratio, parts)


def indicator_2(figures: YearFigures) -> IndicatorResult:
    """Relative likelihood of white applicants being appointed from shortlisting compared
    with BME applicants: (white appointed ÷ white shortlisted) ÷ (BME appointed ÷ BME
    shortlisted). Above 1, white applicants are favoured."""
    shortlisted, appointed = _figures(figures, m.SHORTLISTED), _figures(figures, m.APPOINTED)
    return _relative_likelihood(
        2,
        Likelihood(
            _("White applicants"),
            appointed.white,
            shortlisted.white,
            _("white applicants appointed"),
            _("white applicants shortlisted"),
        ),
        Likelihood(
            _("BME applicants"),
            appointed.bme,
            shortlisted.bme,
            _("BME applicants appointed"),
            _("BME applicants shortlisted"),
        ),
    )


def indicator_3(figures: YearFigures) -> IndicatorResult:
    """Relative likelihood of BME staff entering the formal disciplinary process compared
    with white staff (likelihood = staff entering ÷ headcount). Above 1, BME staff are
    disadvantaged."""
    workforce = _workforce(figures) or MISSING
    entering = _figures(figures, m.DISCIPLINARY)
    return _relative_likelihood(
        3,
        Likelihood(
            _("BME staff"),
            entering.bme,
            workforce.bme,
            _("BME staff entering the formal disciplinary process"),
            _("BME staff in post"),
        ),
        Likelihood(
            _("White staff"),
            entering.white,
            workforce.white,
            _("white staff entering the formal disciplinary process"),
            _("white staff in post"),
        ),
    )


def indicator_4(figures: YearFigures) -> IndicatorResult:
    """Relative likelihood of white staff accessing non-mandatory training and CPD compared
    with BME staff (likelihood = staff accessing ÷ headcount). Above 1, white staff are
    favoured."""
    workforce = _workforce(figures) or MISSING
    accessing = _figures(figures, m.TRAINING)
    return _relative_likelihood(
        4,
        Likelihood(
            _("White staff"),
            accessing.white,
            workforce.white,
            _("white staff accessing non-mandatory training"),
            _("white staff in post"),
        ),
        Likelihood(
            _("BME staff"),
            accessing.bme,
            workforce.bme,
            _("BME staff accessing non-mandatory training"),
            _("BME staff in post"),
        ),
    )


SURVEY_MEASURES = {
    5: m.HARASSMENT_PUBLIC,
    6: m.HARASSMENT_STAFF,
    7: m.EQUAL_OPPORTUNITIES,
    8: m.DISCRIMINATION,
}


def survey_indicator(number: int, figures: YearFigures) -> IndicatorResult:
    """Indicators 5 to 8: the staff survey percentage for BME staff (the headline) and for
    white staff."""
    values = _figures(figures, SURVEY_MEASURES[number])
    if not values.complete:
        return IndicatorResult(number, Status.NOT_AVAILABLE, None)
    parts = (
        Part(_("BME staff"), values.bme, percent=True),
        Part(_("White staff"), values.white, percent=True),
    )
    return IndicatorResult(number, Status.SHOWN, values.bme, parts)


def indicator_9(figures: YearFigures) -> IndicatorResult:
    """Board voting membership BME % minus overall workforce BME %, in percentage points.
    Both shares count people of unknown ethnicity in the total."""
    board = _figures(figures, m.BOARD_VOTING)
    workforce = _workforce(figures)
    if not board.complete or workforce is None:
        return IndicatorResult(9, Status.NOT_AVAILABLE, None)
    board_bme, workforce_bme = board.bme or 0, workforce.bme or 0
    parts = (
        Part(
            _("BME board voting members"),
            percent(board_bme, board.total),
            board_bme,
            board.total,
            percent=True,
        ),
        Part(
            _("BME staff in the workforce"),
            percent(workforce_bme, workforce.total),
            workforce_bme,
            workforce.total,
            percent=True,
        ),
    )
    if parts[0].value is None or parts[1].value is None:
        return IndicatorResult(9, Status.NOT_AVAILABLE, None, parts)
    return IndicatorResult(9, Status.SHOWN, parts[0].value - parts[1].value, parts)


def all_indicators(figures: YearFigures) -> list[IndicatorResult]:
    """The nine indicators, in order."""
    return [
        indicator_1(figures),
        indicator_2(figures),
        indicator_3(figures),
        indicator_4(figures),
        *(survey_indicator(number, figures) for number in SURVEY_MEASURES),
        indicator_9(figures),
    ]

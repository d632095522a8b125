"""The figures a WRES workbook holds for one organisation and one reporting year.

Each measure is one row of the CSV template and one fieldset of the form: a count or a
percentage for white staff, BME staff and (for counts) staff whose ethnicity is not known.
WRES itself still says "BME", so the workbook does too.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Kind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"


class Group(StrEnum):
    WHITE = "white"
    BME = "bme"
    UNKNOWN = "unknown"


GROUP_LABELS = {
    Group.WHITE: _("White"),
    Group.BME: _("BME"),
    Group.UNKNOWN: _("Unknown"),
}


@dataclass(frozen=True)
class Measure:
    """One row of figures: its code in the CSV file, its label and what kind of number it is."""

    code: str
    label: "StrOrPromise"
    kind: Kind
    section: "StrOrPromise"

    @property
    def groups(self) -> tuple[Group, ...]:
        """Counts take all three groups; staff survey percentages only white and BME."""
        if self.kind == Kind.COUNT:
            return (Group.WHITE, Group.BME, Group.UNKNOWN)
        return (Group.WHITE, Group.BME)


WORKFORCE = _("Indicator 1: staff in post (headcount) by Agenda for Change band")
PROCESSES = _("Indicators 2 to 4: recruitment, disciplinary and training (counts)")
SURVEY = _("Indicators 5 to 8: NHS Staff Survey (percentages)")
BOARD = _("Indicator 9: board voting members (headcount)")

BAND_CODES = (
    ("band_1", _("Band 1")),
    ("band_2", _("Band 2")),
    ("band_3", _("Band 3")),
    ("band_4", _("Band 4")),
    ("band_5", _("Band 5")),
    ("band_6", _("Band 6")),
    ("band_7", _("Band 7")),
    ("band_8a", _("Band 8a")),
    ("band_8b", _("Band 8b")),
    ("band_8c", _("Band 8c")),
    ("band_8d", _("Band 8d")),
    ("band_9", _("Band 9")),
    ("very_senior_managers", _("Very senior managers")),
)
# Bands 8a and above, with very senior managers: where under-representation usually shows.
SENIOR_BANDS = frozenset(
    {"band_8a", "band_8b", "band_8c", "band_8d", "band_9", "very_senior_managers"}
)

SHORTLISTED = "shortlisted"
APPOINTED = "appointed"
DISCIPLINARY = "entering_disciplinary"
TRAINING = "accessing_training"
HARASSMENT_PUBLIC = "survey_harassment_public"
HARASSMENT_STAFF = "survey_harassment_staff"
EQUAL_OPPORTUNITIES = "survey_equal_opportunities"
DISCRIMINATION = "survey_discrimination"
BOARD_VOTING = "board_voting_members"

MEASURES: tuple[Measure, ...] = (
    *(Measure(code, label, Kind.COUNT, WORKFORCE) for code, label in BAND_CODES),
    Measure(SHORTLISTED, _("Applicants shortlisted"), Kind.COUNT, PROCESSES),
    Measure(APPOINTED, _("Applicants appointed from shortlisting"), Kind.COUNT, PROCESSES),
    Measure(
        DISCIPLINARY, _("Staff entering the formal disciplinary process"), Kind.COUNT, PROCESSES
    ),
    Measure(TRAINING, _("Staff accessing non-mandatory training and CPD"), Kind.COUNT, PROCESSES),
    Measure(
        HARASSMENT_PUBLIC,
        _("Harassment, bullying or abuse from patients, relatives or the public (%)"),
        Kind.PERCENT,
        SURVEY,
    ),
    Measure(
        HARASSMENT_STAFF,
        _("Harassment, bullying or abuse from staff (%)"),
        Kind.PERCENT,
        SURVEY,
    ),
    Measure(
        EQUAL_OPPORTUNITIES,
        _("Believe the organisation offers equal opportunities for career progression (%)"),
        Kind.PERCENT,
        SURVEY,
    ),
    Measure(
        DISCRIMINATION,
        _("Discrimination from a manager, team leader or colleague (%)"),
        Kind.PERCENT,
        SURVEY,
    ),
    Measure(BOARD_VOTING, _("Board voting members"), Kind.COUNT, BOARD),
)
MEASURES_BY_CODE = {measure.code: measure for measure in MEASURES}
SECTIONS = (WORKFORCE, PROCESSES, SURVEY, BOARD)

# The NHS reporting year runs from April to March and is written "2025/26".
YEAR_PATTERN = re.compile(r"^(\d{4})/(\d{2})$")
FIRST_YEAR = 2015  # WRES entered the NHS Standard Contract in 2015/16.


def year_is_valid(year: str) -> bool:
    match = YEAR_PATTERN.match(year)
    if not match:
        return False
    start, end = int(match.group(1)), int(match.group(2))
    return start >= FIRST_YEAR and (start + 1) % 100 == end


def year_to_slug(year: str) -> str:
    return year.replace("/", "-")


def year_from_slug(slug: str) -> str:
    return slug.replace("-", "/")


def year_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"

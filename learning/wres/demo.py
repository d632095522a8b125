"""Three years of plausible WRES figures for the demo trust, Northbridge. Safe to run twice."""

from decimal import Decimal

from .measures import BAND_CODES, Group
from .measures import BOARD_VOTING as BOARD
from .measures import DISCIPLINARY as DISC
from .measures import EQUAL_OPPORTUNITIES as EQUAL
from .measures import HARASSMENT_PUBLIC as PUBLIC
from .measures import HARASSMENT_STAFF as STAFF
from .measures import TRAINING as TRAIN
from .services import wres_year_save

# Headcount (white, BME, unknown) for bands 1 to 9 and very senior managers, in BAND_CODES order.
_BANDS = {
    "2023/24": [
        (150, 60, 5),
        (1210, 520, 40),
        (800, 260, 30),
        (600, 150, 20),
        (1300, 900, 50),
        (1100, 420, 40),
        (800, 190, 30),
        (300, 55, 10),
        (140, 20, 5),
        (70, 8, 2),
        (35, 3, 1),
        (12, 1, 0),
        (14, 1, 0),
    ],
    "2024/25": [
        (145, 66, 4),
        (1180, 560, 35),
        (790, 280, 28),
        (590, 170, 18),
        (1280, 980, 45),
        (1090, 470, 36),
        (795, 215, 27),
        (296, 64, 9),
        (138, 24, 4),
        (69, 10, 2),
        (34, 4, 1),
        (12, 1, 0),
        (13, 2, 0),
    ],
    "2025/26": [
        (140, 70, 3),
        (1150, 600, 30),
        (780, 300, 25),
        (585, 185, 15),
        (1260, 1050, 40),
        (1080, 520, 32),
        (790, 240, 24),
        (292, 74, 8),
        (135, 28, 4),
        (68, 12, 1),
        (33, 5, 1),
        (11, 2, 0),
        (13, 2, 0),
    ],
}
# (white, BME, unknown) counts, and (white, BME) staff survey percentages.
_OTHERS = {
    "2023/24": {
        "shortlisted": (3400, 2600, 200),
        "appointed": (900, 430, 40),
        DISC: (42, 38, 2),
        TRAIN: (2400, 800, 60),
        PUBLIC: ("26.1", "29.8"),
        STAFF: ("22.4", "28.9"),
        EQUAL: ("58.7", "44.2"),
        "survey_discrimination": ("6.3", "16.8"),
        BOARD: (13, 1, 0),
    },
    "2024/25": {
        "shortlisted": (3300, 2900, 180),
        "appointed": (880, 520, 35),
        DISC: (40, 33, 1),
        TRAIN: (2350, 930, 50),
        PUBLIC: ("25.4", "28.6"),
        STAFF: ("21.9", "27.1"),
        EQUAL: ("58.9", "46.0"),
        "survey_discrimination": ("6.1", "15.2"),
        BOARD: (12, 2, 0),
    },
    "2025/26": {
        "shortlisted": (3200, 3100, 150),
        "appointed": (860, 600, 30),
        DISC: (38, 37, 1),
        TRAIN: (2300, 1060, 45),
        PUBLIC: ("25.9", "29.1"),
        STAFF: ("21.5", "25.8"),
        EQUAL: ("59.2", "48.3"),
        "survey_discrimination": ("5.9", "14.1"),
        BOARD: (12, 3, 0),
    },
}  # fmt: skip


def _row(figures: tuple) -> dict:
    groups = (Group.WHITE, Group.BME, Group.UNKNOWN)
    return {group: Decimal(str(value)) for group, value in zip(groups, figures, strict=False)}


def demo_values(year: str) -> dict:
    """Every measure for one of the demo years, as the form and upload produce them."""
    values = {
        code: _row(figures)
        for (code, _label), figures in zip(BAND_CODES, _BANDS[year], strict=True)
    }
    values.update({code: _row(figures) for code, figures in _OTHERS[year].items()})
    return values


def seed_wres(people) -> None:
    organisation = people.northbridge.organisation
    facilitator = people.user("facilitator@northbridge.example")
    for year in _BANDS:
        wres_year_save(
            organisation=organisation, year=year, values=demo_values(year), saved_by=facilitator
        )

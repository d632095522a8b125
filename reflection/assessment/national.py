"""National figures a board can set its own answers beside, from one published survey.

Keys are the statement keys of the seeded "Where is our board on race equality?" instrument.
A statement with no entry here shows "no national figure": the survey asked about it but
published no number.
"""

from dataclasses import dataclass

SOURCE = (
    "NHS Providers, Race 2.0: time for real change (March 2022). "
    "254 responses to its survey, from 134 trusts: chairs, chief executives and non-executive "
    "directors, and 11% from other roles."
)
# Our statements are answered Yes, Partly or No; the survey asked in which areas a board had
# "made the most progress". The two questions differ, so a comparison can only be indicative.
CAVEAT = (
    "The national survey asked where boards had made the most progress, not the question "
    "answered here, so set these figures side by side as an indication only."
)


@dataclass(frozen=True)
class NationalFigure:
    """A published national answer: a percentage saying yes, or a mean on the 0 to 10 scale."""

    percent: int | None = None
    mean: float | None = None
    high_share: int | None = None  # the % rating their board at `high_from` or above
    high_from: int | None = None
    note: str = ""


FIGURES: dict[str, NationalFigure] = {
    "board-position": NationalFigure(
        mean=5.6,
        high_share=22,
        high_from=8,
        note="Chairs' mean was 6.2. 4% said race equality was fully embedded.",
    ),
    "staff-networks": NationalFigure(percent=85),
    "diverse-board": NationalFigure(percent=63),
    "assurance-framework": NationalFigure(percent=32),
    "workforce-wellbeing": NationalFigure(percent=77),
    "retain-ethnic-minority-staff": NationalFigure(percent=22),
    "system-partners": NationalFigure(percent=48),
    "community-engagement": NationalFigure(percent=42),
    "service-redesign": NationalFigure(percent=39),
    "procurement": NationalFigure(percent=6),
}


def figure_for(item_key: str) -> NationalFigure | None:
    return FIGURES.get(item_key)

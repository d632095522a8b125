"""The dashboard's sections, in order, built from the figures in `selectors.BoardDashboard`.

Both the web page and the PDF board paper show exactly these sections. Nothing here reads the
database. Figures under the minimum group have already been withheld by the selectors; this
module says so in words and never prints them.
"""

from ..blocks import Section
from ..selectors import BoardDashboard
from .assessment import national_section, self_assessment_section
from .follow_through import assurance_section, commitments_section, privacy_note, privacy_section
from .readiness import knowledge_checks_section, next_session_section, past_sessions_section
from .wres import wres_section

__all__ = ["dashboard_sections", "privacy_note"]

ORDER = (
    "next-session",
    "past-sessions",
    "knowledge-checks",
    "self-assessment",
    "national",
    "commitments",
    "wres",
    "assurance",
    "privacy",
)

BUILDERS = {
    "next-session": next_session_section,
    "past-sessions": past_sessions_section,
    "knowledge-checks": knowledge_checks_section,
    "self-assessment": self_assessment_section,
    "national": national_section,
    "commitments": commitments_section,
    "wres": wres_section,
    "assurance": assurance_section,
    "privacy": privacy_section,
}


def dashboard_sections(data: BoardDashboard) -> list[Section]:
    """Every section, in the order the page and the board paper show them."""
    return [BUILDERS[key](data) for key in ORDER]

"""Registers the instrument editor, the member's links and section, the reminders, the demo
data, the personal data export and erasure.

Responses, answers and scores get no admin screen: editors and staff never see them.
"""

from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.demo import DemoPeople
from learning.extension_points import (
    ERASE_PERSON,
    HOME_SECTIONS,
    NAV_LINKS,
    PERSONAL_DATA,
    REMINDERS,
    SEED_DEMO,
    DemoStep,
    Eraser,
    HomeSection,
    NavLink,
    Reminder,
)
from learning.models import Membership, Role

from .models import Instrument
from .personal_data import assessment_erase_person, assessment_personal_data


class InstrumentViewSet(SnippetViewSet):
    model = Instrument
    icon = "list-ol"
    menu_label = gettext_lazy("Self-assessments")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["name", "kind", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["name", "purpose"]


register_snippet(InstrumentViewSet)


@hooks.register(NAV_LINKS)
def assessment_link(request: HttpRequest) -> list[NavLink]:
    return [NavLink(key="assessment", url=reverse("assessment:index"), label=_("Self-assessment"))]


@hooks.register(HOME_SECTIONS)
def assessment_section(request: HttpRequest, membership: Membership | None) -> HomeSection | None:
    if membership is None or membership.role == Role.FACILITATOR:
        return None
    from .presentation import open_rounds_with_my_response

    rounds = [
        row
        for row in open_rounds_with_my_response(request.user, membership.board)
        if row["response"] is None or not row["response"].is_submitted
    ]
    if not rounds:
        return None
    return HomeSection(
        key="assessment", template="assessment/home_section.html", context={"rounds": rounds}
    )


def round_openings(now: datetime) -> int:
    """Emails each board whose round opened today (once: the round is stamped)."""
    from .services import round_openings_send

    return round_openings_send(now)


@hooks.register(REMINDERS)
def assessment_reminder() -> Reminder:
    return Reminder(key="assessment", send=round_openings)


def seed_assessment(people: DemoPeople) -> None:
    from .demo import seed_demo

    seed_demo(people)


@hooks.register(SEED_DEMO)
def assessment_demo_step() -> DemoStep:
    return DemoStep(key="assessment", seed=seed_assessment)


hooks.register(PERSONAL_DATA, assessment_personal_data)


@hooks.register(ERASE_PERSON)
def assessment_eraser() -> Eraser:
    return Eraser(key="assessment", erase=assessment_erase_person)

"""Registers plans with Wagtail: the suggestions snippet, reminders, navigation, home, demo and
personal data."""

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
    HOME_SECTIONS,
    NAV_LINKS,
    PERSONAL_DATA,
    REMINDERS,
    SEED_DEMO,
    DemoStep,
    HomeSection,
    NavLink,
    Reminder,
)
from learning.models import Membership, Role
from learning.selectors import current_membership

from .demo import seed_plans
from .models import SuggestedCommitment
from .personal_data import plans_personal_data
from .reminders import plan_reminders_send
from .selectors import home_summary


class SuggestedCommitmentViewSet(SnippetViewSet):
    model = SuggestedCommitment
    icon = "tick-inverse"
    menu_label = gettext_lazy("Suggested commitments")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["title", "area"]
    list_filter = ["area"]
    # The listing searches the model's index; see modules/wagtail_hooks.py for why no fields.


register_snippet(SuggestedCommitmentViewSet)


def plans_reminders(now: datetime) -> int:
    return plan_reminders_send(now)


@hooks.register(REMINDERS)
def plans_reminder() -> Reminder:
    return Reminder(key="plans", send=plans_reminders)


@hooks.register(NAV_LINKS)
def plans_nav_links(request: HttpRequest) -> list[NavLink]:
    membership = current_membership(request)
    if membership is None:
        return []
    if membership.role == Role.FACILITATOR:
        url = reverse("plans:board_plans", args=[membership.board_id])
        return [NavLink(key="plans", url=url, label=_("Commitments"))]
    return [NavLink(key="plans", url=reverse("plans:my_plan"), label=_("My plan"))]


@hooks.register(HOME_SECTIONS)
def plans_home_section(request: HttpRequest, membership: Membership | None) -> HomeSection | None:
    if membership is None:
        return None
    return HomeSection(
        key="plans",
        template="plans/includes/home_section.html",
        context={
            "membership": membership,
            "is_facilitator": membership.role == Role.FACILITATOR,
            "summary": None if membership.role == Role.FACILITATOR else home_summary(membership),
        },
    )


def plans_seed_demo(people: DemoPeople) -> None:
    seed_plans(people)


@hooks.register(SEED_DEMO)
def plans_demo_step() -> DemoStep:
    return DemoStep(key="plans", seed=plans_seed_demo)


hooks.register(PERSONAL_DATA, plans_personal_data)

"""Registers the dashboard in the navigation, for the chair and facilitator of the chosen board,
and its demo data."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.demo import DemoPeople
from learning.extension_points import NAV_LINKS, SEED_DEMO, DemoStep, NavLink
from learning.permissions import LEADER_ROLES
from learning.selectors import current_membership

from .demo import seed_eastmoor


@hooks.register(NAV_LINKS)
def dashboard_nav_link(request: HttpRequest) -> list[NavLink]:
    membership = current_membership(request)
    if membership is None or membership.role not in LEADER_ROLES:
        return []
    url = reverse("dashboard:board_dashboard", args=[membership.board_id])
    return [NavLink(key="dashboard", url=url, label=_("Board readiness"))]


def seed_dashboard_demo(people: DemoPeople) -> None:
    seed_eastmoor(people)


@hooks.register(SEED_DEMO)
def dashboard_demo_step() -> DemoStep:
    return DemoStep(key="dashboard", seed=seed_dashboard_demo)

"""Registers the WRES workbook with the shared pages: navigation, personal data and demo data."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.demo import DemoPeople
from learning.extension_points import NAV_LINKS, PERSONAL_DATA, SEED_DEMO, DemoStep, NavLink
from learning.selectors import current_membership

from .demo import seed_wres
from .personal_data import wres_personal_data


@hooks.register(NAV_LINKS)
def wres_nav_link(request: HttpRequest) -> list[NavLink]:
    """ "Race equality data" for anyone on a board, for the board they have chosen."""
    membership = current_membership(request)
    if membership is None:
        return []
    url = reverse("wres:workbook", args=[membership.board_id])
    return [NavLink(key="wres", url=url, label=_("Race equality data"))]


hooks.register(PERSONAL_DATA, wres_personal_data)


def seed_wres_demo(people: DemoPeople) -> None:
    seed_wres(people)


@hooks.register(SEED_DEMO)
def wres_demo_step() -> DemoStep:
    return DemoStep(key="wres", seed=seed_wres_demo)

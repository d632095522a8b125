"""Registers the journal's navigation, demo entries and personal data export. Never an admin
screen: not even staff may read a journal."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.demo import DemoPeople
from learning.extension_points import NAV_LINKS, PERSONAL_DATA, SEED_DEMO, DemoStep, NavLink

from .demo import seed_journal
from .personal_data import journal_personal_data


@hooks.register(NAV_LINKS)
def journal_nav_links(request: HttpRequest) -> list[NavLink]:
    return [NavLink(key="journal", url=reverse("journal:list"), label=_("Journal"))]


def journal_seed_demo(people: DemoPeople) -> None:
    seed_journal(people)


@hooks.register(SEED_DEMO)
def journal_demo_step() -> DemoStep:
    return DemoStep(key="journal", seed=journal_seed_demo)


hooks.register(PERSONAL_DATA, journal_personal_data)

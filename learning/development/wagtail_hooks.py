"""Registers sessions with the shared pages: home section, navigation, reminders, demo data,
personal data and erasure."""

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

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
from learning.permissions import SignedInRequest
from learning.selectors import memberships_for_request
from modules.progress import progress_for_request

from . import demo
from .dates import JOINER_DAYS
from .personal_data import sessions_erase_person, sessions_personal_data
from .reminders import send_session_reminders
from .selectors import member_sessions


@hooks.register(HOME_SECTIONS)
def sessions_home_section(
    request: SignedInRequest, membership: Membership | None
) -> HomeSection | None:
    if membership is None:
        return None
    sessions = member_sessions(request.user, membership, progress=progress_for_request(request))
    return HomeSection(
        key="sessions",
        template="development/home_section.html",
        context={"membership": membership, "joiner_days": JOINER_DAYS, **sessions},
    )


@hooks.register(NAV_LINKS)
def sessions_nav_link(request: SignedInRequest) -> list[NavLink]:
    # From the seats the page has loaded already (one query a request, shared with the board
    # switcher and the home page), not a query of its own.
    if not any(m.role == Role.FACILITATOR for m in memberships_for_request(request)):
        return []
    return [NavLink(key="sessions", url=reverse("development:session_list"), label=_("Sessions"))]


def session_reminders(now: datetime) -> int:
    return send_session_reminders(now)


@hooks.register(REMINDERS)
def sessions_reminder() -> Reminder:
    return Reminder(key="sessions", send=session_reminders)


def seed_sessions(people: DemoPeople) -> None:
    demo.seed_sessions(people)


@hooks.register(SEED_DEMO)
def sessions_demo_step() -> DemoStep:
    return DemoStep(key="sessions", seed=seed_sessions)


hooks.register(PERSONAL_DATA, sessions_personal_data)


@hooks.register(ERASE_PERSON)
def sessions_eraser() -> Eraser:
    return Eraser(key="sessions", erase=sessions_erase_person)

"""Every function on BoardReady's hooks returns its dataclass, and each hook's order list names
exactly the items the areas register: no more, no fewer."""

import io

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from wagtail import hooks

from learning import extension_points as points
from learning.extension_points import (
    ERASE_PERSON,
    HOME_SECTIONS,
    MODULE_PAGE_PANELS,
    NAV_LINKS,
    ORDERS,
    PERSONAL_DATA,
    REMINDERS,
    SEED_DEMO,
    DemoStep,
    Eraser,
    ExtensionPointError,
    HomeSection,
    ModulePanel,
    NavLink,
    PersonalData,
    Reminder,
)
from learning.models import Membership, User
from learning.selectors import SESSION_BOARD_KEY

STEPS = [(SEED_DEMO, DemoStep), (REMINDERS, Reminder), (ERASE_PERSON, Eraser)]


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module's tests and rolled back after them."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_once, db):
    """The demo data: every area's content and activity, on two boards with every role."""


def _request(membership: Membership):
    request = RequestFactory().get("/my/")
    request.user = membership.user
    request.session = {SESSION_BOARD_KEY: membership.board_id}
    return request


def _seats():
    return Membership.objects.filter(is_active=True).select_related("user", "board")


@pytest.mark.parametrize(("hook", "kind"), STEPS)
def test_each_step_function_returns_its_step(hook, kind):
    for fn in hooks.get_hooks(hook):
        assert isinstance(fn(), kind), fn


@pytest.mark.parametrize(("hook", "kind"), STEPS)
def test_each_step_order_names_every_registered_step_once(hook, kind):
    keys = [fn().key for fn in hooks.get_hooks(hook)]
    assert sorted(keys) == sorted(ORDERS[hook])


def test_the_steps_are_gathered_in_their_lists_order():
    assert [step.key for step in points.demo_steps()] == points.DEMO_ORDER
    assert [reminder.key for reminder in points.reminders()] == points.REMINDER_ORDER
    assert [eraser.key for eraser in points.erasers()] == points.ERASE_ORDER


def test_every_home_section_function_returns_a_section_or_none(demo):
    seen = set()
    for membership in _seats():
        for fn in hooks.get_hooks(HOME_SECTIONS):
            section = fn(_request(membership), membership)
            assert section is None or isinstance(section, HomeSection), fn
            if section is not None:
                seen.add(section.key)
    assert seen == set(points.HOME_ORDER)


def test_every_nav_link_function_returns_a_list_of_links(demo):
    seen = set()
    for membership in _seats():
        for fn in hooks.get_hooks(NAV_LINKS):
            links = fn(_request(membership))
            assert isinstance(links, list), fn
            assert all(isinstance(link, NavLink) for link in links), fn
            seen.update(link.key for link in links)
    assert seen == set(points.NAV_ORDER)


def test_every_module_panel_function_returns_a_panel_or_none(demo):
    from modules.models import ModulePage

    membership = _seats().first()
    seen = set()
    for page in ModulePage.objects.live().specific():
        for fn in hooks.get_hooks(MODULE_PAGE_PANELS):
            panel = fn(_request(membership), page)
            assert panel is None or isinstance(panel, ModulePanel), fn
            if panel is not None:
                seen.add(panel.key)
    assert seen == set(points.MODULE_PANEL_ORDER)


def test_every_personal_data_function_returns_personal_data(demo):
    user = User.objects.get(email="ned1@northbridge.example")
    keys = []
    for fn in hooks.get_hooks(PERSONAL_DATA):
        part = fn(user)
        assert isinstance(part, PersonalData), fn
        keys.append(part.key)
    assert sorted(keys) == sorted(points.PERSONAL_DATA_ORDER)


def test_the_home_page_sections_come_in_the_lists_order(demo):
    membership = Membership.objects.get(user__email="ned1@northbridge.example")
    keys = [s.key for s in points.home_sections(_request(membership), membership)]
    assert keys == [key for key in points.HOME_ORDER if key in keys]
    assert len(keys) >= 3


def test_an_item_whose_key_is_in_no_list_is_refused():
    with pytest.raises(ExtensionPointError, match="'stray' is in no order list"):
        points.in_order(HOME_SECTIONS, [HomeSection(key="stray", template="x.html")])


def test_a_function_returning_a_dict_is_refused(world):
    membership = Membership.objects.get(user=world.member)
    request = _request(membership)

    def old_style(request, membership):
        return {"template": "x.html", "order": 10}

    with (
        hooks.register_temporarily(HOME_SECTIONS, old_style),
        pytest.raises(ExtensionPointError, match="old_style"),
    ):
        points.home_sections(request, membership)


def test_two_items_with_one_key_are_refused():
    steps = [DemoStep("content", print), DemoStep("content", print)]
    with pytest.raises(ExtensionPointError):
        points.in_order(SEED_DEMO, steps)


def test_a_section_reads_its_values_by_name():
    section = HomeSection(key="plans", template="x.html", context={"rows": [1]})
    assert section["rows"] == [1] and "rows" in section and "done" not in section

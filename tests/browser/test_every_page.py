"""Every page of the page list (tests/browser/page_list.py), opened 320 px wide as the persona
that reaches it: axe finds no WCAG 2.2 A or AA violation, nothing is wider than the viewport
(WCAG 2.2 SC 1.4.10 Reflow, which axe does not test; measured with every <details> open) and
the browser logs no console error.

One test a persona walks that persona's pages in the session's one browser, in one signed-in
context, so a page costs a second or two rather than a browser start and a sign-in each, and
pytest-xdist can spread the personas over its workers. Each page's access row creates what
the page needs inside a transaction that is rolled back after the page is checked: for this
test the live server shares the test's in-memory SQLite connection (as Django's own
LiveServerTestCase does), so it sees the row's objects, and the next row starts from the same
world. Every failure is collected and reported together, each named by its access row.
"""

import logging
import time

import pytest
from django.core.cache import cache
from django.db import connections

from tests.browser.helpers import BROWSER_DB, axe_violations, sign_in
from tests.browser.page_list import NOT_PAGES, PERSONA_ORDER, page_rows, row_state, url_name

pytestmark = BROWSER_DB

logger = logging.getLogger(__name__)

PHONE = {"width": 320, "height": 640}


@pytest.fixture
def shared_connection(live_server):
    """The live server's request threads use the test's own database connection while the test
    runs, so they see what a row creates inside its transaction. The session's live server may
    have started before the in-memory test database existed, without the connection to share."""
    connection = connections["default"]
    assert connection.vendor == "sqlite" and connection.is_in_memory_db(), (
        "the page list runs on the in-memory SQLite test database (browser tests skip on "
        "PostgreSQL)"
    )
    server = live_server.thread.httpd
    before = server.connections_override
    connection.inc_thread_sharing()
    server.connections_override = {"default": connection}
    yield connection
    server.connections_override = before
    connection.dec_thread_sharing()


def _context_for(browser, live_server, user):
    """A 320 px browser context signed in as `user` (or anonymous when None), and its page,
    which records its console errors and uncaught exceptions in `page.errors`."""
    context = browser.new_context(viewport=PHONE, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"uncaught: {e}"))
    if user is not None:
        sign_in(page, live_server, user)
        page.wait_for_load_state("load")
    return context, page


def _problems(page, live_server, path) -> list[str]:
    page.errors.clear()
    response = page.goto(f"{live_server.url}{path}")
    problems = []
    if response is None or response.status != 200 or not page.url.endswith(path):
        status = response.status if response else "no response"
        problems.append(f"expected 200 at {path}, got {status} at {page.url}")
    problems += axe_violations(page)
    # What a person can open must fit too: the header's More menu, hidden tables, hints.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1)
                .filter(e => ![...e.children].some(
                    c => c.getBoundingClientRect().right > limit + 1))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""",
            PHONE["width"],
        )
        problems.append(f"{width} px wide at {PHONE['width']} px (widest: {wide})")
    page.wait_for_timeout(50)  # a console error from a late resource still counts
    problems += page.errors
    return problems


@pytest.mark.parametrize("persona", PERSONA_ORDER)
def test_every_page_at_320px_passes_axe_fits_the_width_and_logs_no_console_error(
    browser, live_server, world, shared_connection, persona
):
    rows = page_rows(persona)
    assert rows, f"no page in the page list is opened as {persona}"
    started = time.monotonic()
    failures, opened = [], 0
    context, page = _context_for(browser, live_server, world.persona(persona))
    try:
        for row in rows:
            with row_state(world, row) as path:
                if url_name(path) in NOT_PAGES:
                    continue
                opened += 1
                problems = _problems(page, live_server, path)
                cache.clear()  # nothing a rolled-back row made is remembered
            if problems:
                lines = "\n  ".join(problems)
                failures.append(f"{row.name} ({path}):\n  {lines}")
    finally:
        context.close()
    logger.info("%s pages as %s at 320 px in %.0f s", opened, persona, time.monotonic() - started)
    assert not failures, f"{len(failures)} of {opened} pages fail as {persona}:\n" + "\n".join(
        failures
    )


def test_a_200_character_word_wraps_on_the_plan_at_phone_and_desktop_widths(
    browser, live_server, world
):
    # A commitment title of one 200-character word once made "My plan" 3,150 px wide at 320 px
    # and 4,004 px wide at 1280 px; the cells' long words must wrap instead.
    from tests.plans.factories import CommitmentFactory

    commitment = CommitmentFactory(owner=world.membership(world.member), title="W" * 200)
    context, page = _context_for(browser, live_server, world.member)
    try:
        for width in (PHONE["width"], 1280):
            page.set_viewport_size({"width": width, "height": 800})
            for path in ("/plan/", f"/plan/commitments/{commitment.pk}/"):
                page.goto(f"{live_server.url}{path}")
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{path} is {scroll} px wide at {width} px"
    finally:
        context.close()

"""The chair opens the board readiness dashboard from the navigation, reads a chart's figures,
and a small board sees the suppression notices. Both pages pass axe."""

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.dashboard.factories import dashboard_content, populated_board
from tests.factories import PASSWORD

pytestmark = BROWSER_DB


def _chair_of(size):
    board = populated_board(dashboard_content(), members=size)
    board.chair.set_password(PASSWORD)
    board.chair.save()
    return board


def test_the_chair_sees_the_full_dashboard(page, live_server, world):
    board = _chair_of(6)
    sign_in(page, live_server, board.chair)
    page.get_by_role("link", name="Board readiness").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board readiness: Board of directors")
    for heading in (
        "Readiness for the next session",
        "Readiness at past sessions",
        "Knowledge checks",
        "Self-assessment: the board's combined scores",
        "Our position beside the national survey",
        "Following through on commitments",
        "Questions to ask for assurance",
    ):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    chart = page.get_by_role("img", name="Members ready at the start of each session")
    expect(chart).to_be_visible()
    page.get_by_text("Show the figures as a table").nth(1).click()
    expect(
        page.get_by_role("table", name="Members ready at the start of each session")
    ).to_be_visible()
    expect(page.get_by_role("rowheader", name=f"Person5 Board{board.pk}")).to_be_visible()
    expect(page.get_by_role("link", name="Download the board paper (PDF)")).to_be_visible()
    assert_accessible(page)


def test_a_small_board_sees_the_suppression_notices(page, live_server, world):
    board = _chair_of(4)
    sign_in(page, live_server, board.chair)
    page.goto(f"{live_server.url}/board/{board.pk}/")
    expect(page.get_by_text("Not enough answers to show")).to_have_count(2)
    expect(page.get_by_text("Some results are not shown")).to_be_visible()
    expect(page.get_by_role("img")).not_to_have_count(6)
    assert_accessible(page)

"""Multi-factor sign-in in a real browser, and the account pages pass axe."""

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.factories import PASSWORD
from tests.security.support import totp_device_for

pytestmark = BROWSER_DB


def test_a_chair_signs_in_with_a_code_from_the_app(page, live_server, world):
    sign_in(page, live_server, world.chair)
    expect(page.get_by_role("heading", level=1)).to_have_text("My board development")


def test_the_second_step_page_is_accessible(page, live_server, world):
    totp_device_for(world.facilitator)
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email address").fill(world.facilitator.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    assert_accessible(page)
    page.get_by_label("Security code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("The code is not right")
    assert_accessible(page)


def test_a_chair_without_an_app_is_asked_to_set_one_up(page, live_server, world):
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email address").fill(world.chair.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.locator("svg.br-qr-code")).to_be_visible()
    assert_accessible(page)


def test_the_account_pages_are_accessible(page, live_server, world):
    sign_in(page, live_server, world.facilitator)
    for path in (
        "/account/",
        "/account/email/",
        "/account/two-step/recovery-codes/",
        "/account/sign-in-pauses/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)

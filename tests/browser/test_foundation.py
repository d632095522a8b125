"""A member signs in, reaches their home page, and the public pages pass axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in

pytestmark = BROWSER_DB


def test_member_signs_in_and_reaches_home(page, live_server, world):
    sign_in(page, live_server, world.member)
    expect(page.get_by_role("heading", level=1)).to_have_text("My board development")
    expect(page.get_by_role("cell", name="Alderley NHS Foundation Trust")).to_be_visible()
    assert_accessible(page)


def test_wrong_password_says_so_without_naming_the_account(page, live_server, world):
    sign_in(page, live_server, world.member, password="not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("The email address or password is not right")
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/accessibility/", "/cookies/", "/account/password-reset/"])
def test_public_pages_are_accessible(page, live_server, world, path):
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page)


def test_not_found_page_is_accessible(page, live_server, world):
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)

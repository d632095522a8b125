"""The session timeout in the browser: the warning two minutes ahead, and the autosave saying
plainly when an answer was not saved because the person had been signed out."""

from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in

pytestmark = BROWSER_DB


def test_the_warning_comes_two_minutes_ahead_and_staying_signed_in_hides_it(
    page, live_server, world, settings
):
    settings.BOARDREADY_SESSION_IDLE_SECONDS = 125  # the warning is due 5 seconds after a page
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}/journal/new/")
    warning = page.get_by_text("You will be signed out soon")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=20_000)
    assert_accessible(page)
    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()
    assert page.url.endswith("/journal/new/")  # the script kept the page (and what was typed)


def test_the_autosave_says_an_answer_is_not_saved_once_signed_out(page, live_server, world):
    from tests.assessment.factories import instruments

    instruments()
    sign_in(page, live_server, world.member)
    page.goto(f"{live_server.url}/self-assessment/")
    page.get_by_role(
        "button", name="Start or continue Leading on race: cultural intelligence"
    ).click()
    fieldsets = page.locator("form fieldset")
    fieldsets.nth(0).get_by_label("Agree", exact=True).check()
    expect(page.get_by_text("Your answer is saved.")).to_be_visible()

    Session.objects.all().delete()  # signed out on the server, page still open
    fieldsets.nth(1).get_by_label("Agree", exact=True).check()
    expect(page.get_by_text("not saved because you have been signed out")).to_be_visible()

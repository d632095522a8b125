"""The facilitator plans a session, sets reading and invites by CSV; the member reads and passes;
the facilitator sees them ready. Every new page is checked with axe."""

from django.urls import reverse
from playwright.sync_api import expect

from learning.invitations.models import Invitation
from modules.quizzes.choices import QuestionType
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.development.factories import SessionFactory, assign, in_days, module_page
from tests.quizzes.factories import quiz_with_questions

pytestmark = BROWSER_DB

NEW_PERSON = "nadia.khan@alderley.nhs.uk"


def _take_check(page):
    page.get_by_role("button", name="Take the knowledge check").click()
    page.get_by_label("Right answer", exact=True).check()
    page.get_by_role("button", name="Save and check your answers").click()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("You scored 100%")).to_be_visible()


def test_facilitator_plans_invites_and_sees_a_new_member_ready(page, live_server, world):
    modules = [module_page("Structural racism"), module_page("The race lexicon")]
    for module in modules:
        quiz_with_questions(module=module, types=[QuestionType.SINGLE])

    # The facilitator plans the session.
    sign_in(page, live_server, world.facilitator)
    page.get_by_role("link", name="Sessions").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sessions")
    assert_accessible(page)
    page.get_by_role("link", name="Plan a session").click()
    page.get_by_label("Title").fill("Reading our own data")
    page.get_by_label("Date").fill(in_days(21).date().isoformat())
    page.get_by_label("Start time").fill("13:30")
    page.get_by_label("Location (optional)").fill("Boardroom")
    assert_accessible(page)
    page.get_by_role("button", name="Create session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading our own data")

    # Two modules as reading, each with the default due date.
    for module in modules:
        page.get_by_role("link", name="Set reading").click()
        page.get_by_label("Module").select_option(label=module.title)
        assert_accessible(page)
        page.get_by_role("button", name="Save reading").click()
    expect(page.get_by_role("rowheader", name="The race lexicon")).to_be_visible()
    assert_accessible(page)

    # An invitation by CSV.
    page.get_by_role("link", name="Invite people to this board").click()
    assert_accessible(page)
    page.get_by_role("link", name="Invite several people with a CSV file").click()
    page.get_by_label("CSV file").set_input_files(
        files=[
            {
                "name": "people.csv",
                "mimeType": "text/csv",
                "buffer": f"email,first_name,last_name,role\n{NEW_PERSON},Nadia,Khan,"
                "Non-executive director\n".encode(),
            }
        ]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Check and send invitations").click()
    expect(page.get_by_text("1 invitation sent.")).to_be_visible()
    expect(page.get_by_role("cell", name="Waiting")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    # The new member accepts, reads both modules and passes both checks.
    token = Invitation.objects.get(email=NEW_PERSON).token
    page.goto(f"{live_server.url}{reverse('invitation_accept', args=[token])}")
    page.get_by_label("Create a password").fill("a long and unusual passphrase")
    page.get_by_label("Confirm your password").fill("a long and unusual passphrase")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Reading our own data")).to_be_visible()
    expect(page.get_by_text("Reading before the session: 0 of 2 complete")).to_be_visible()
    assert_accessible(page)
    for module in modules:
        page.get_by_role("link", name=module.title, exact=True).first.click()
        page.get_by_role("button", name="I have read this module").click()
        _take_check(page)
        page.goto(f"{live_server.url}{reverse('member_home')}")
    expect(page.get_by_text("Reading before the session: 2 of 2 complete")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    # The facilitator sees the new member ready.
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('development:session_list')}")
    page.get_by_role("link", name="Reading our own data").click()
    expect(page.get_by_text("1 of 4 members ready")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Nadia Khan")
    expect(row.get_by_text("Ready", exact=True)).to_be_visible()
    expect(row.get_by_text("Check: 100%")).to_have_count(2)
    page.get_by_role("link", name="Send reminder").click()
    page.get_by_role("button", name="Send the reminder").click()
    expect(page.get_by_text("Reminders sent to 3 people.")).to_be_visible()
    assert_accessible(page)


def test_the_other_session_pages_are_accessible(page, live_server, world):
    module = module_page("Structural racism")
    upcoming = SessionFactory(board=world.board_a, starts_at=in_days(10))
    assignment = assign(upcoming, module)
    finished = SessionFactory(board=world.board_a, starts_at=in_days(-3))
    sign_in(page, live_server, world.facilitator)
    for url in [
        reverse("development:session_edit", args=[upcoming.pk]),
        reverse("development:assignment_edit", args=[upcoming.pk, assignment.pk]),
        reverse("development:session_attendance", args=[finished.pk]),
        reverse("development:session_detail", args=[finished.pk]),
    ]:
        page.goto(f"{live_server.url}{url}")
        assert_accessible(page)
    page.goto(f"{live_server.url}{reverse('development:session_attendance', args=[finished.pk])}")
    page.get_by_label("Maya Member (Non-executive director)").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved.")).to_be_visible()

    # A CSV with problems: the report is accessible too.
    page.goto(
        f"{live_server.url}{reverse('development:invitation_upload', args=[world.board_a.pk])}"
    )
    page.get_by_label("CSV file").set_input_files(
        files=[
            {
                "name": "people.csv",
                "mimeType": "text/csv",
                "buffer": b"email,first_name,last_name,role\nnot-an-email,A,B,Wizard\n",
            }
        ]
    )
    page.get_by_role("button", name="Check and send invitations").click()
    expect(page.get_by_text("Nobody was invited")).to_be_visible()
    assert_accessible(page)

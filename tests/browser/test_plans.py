"""Development plans and the journal in a real browser, with axe on every new page.

A member turns a self-assessment result into a commitment, adds milestones and shares it; the
chair reviews it; the member downloads the PDF; a journal entry round-trips through encryption.
"""

from io import BytesIO

from django.db import connection
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from reflection.assessment.definitions import Definition
from reflection.journal.models import JournalEntry
from reflection.plans.models import Commitment
from tests.access.table import PERSONAS
from tests.assessment.factories import instruments, submitted
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.plans.factories import (
    BoardActionFactory,
    SuggestedCommitmentFactory,
    in_days,
    shared_commitment,
)

pytestmark = BROWSER_DB

SECRET = "I was not sure how to answer the network lead's question"


def _sign_in_as(page, live_server, user):
    page.context.clear_cookies()
    sign_in(page, live_server, user)


def test_member_commits_from_a_result_and_the_chair_reviews_it(page, live_server, world):
    response = submitted(world.member, board=world.board_a, instrument=instruments()[0])
    SuggestedCommitmentFactory()
    sign_in(page, live_server, world.member)

    page.goto(live_server.url + reverse("assessment:result", args=[response.pk]))
    page.get_by_role("link", name="Make a commitment from this").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a commitment")
    expect(page.get_by_text("From your self-assessment result")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Save commitment").click()  # nothing filled in yet
    expect(page.get_by_role("alert")).to_contain_text("Enter how you will know")
    assert_accessible(page)
    page.get_by_label("Area of good practice").select_option("6")
    page.get_by_label("How will you know you have done it?").fill("Two committee minutes show it.")
    page.get_by_label("Due date").fill(in_days(60).isoformat())
    page.get_by_label("Only me, for now").check()
    page.get_by_role("button", name="Save commitment").click()

    title = Commitment.objects.get().title
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page)
    for name, days in (("Ask for the ward data", 10), ("Raise it at committee", 30)):
        page.get_by_label("Milestone").fill(name)
        page.locator("#id_due_date").fill(in_days(days).isoformat())
        page.get_by_role("button", name="Add milestone").click()
        expect(page.get_by_text(name, exact=False).first).to_be_visible()
    page.get_by_role("button", name="Share with the chair").click()
    expect(page.get_by_text("Shared with the chair")).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + reverse("plans:my_plan"))
    assert_accessible(page)
    page.goto(live_server.url + reverse("plans:library"))
    assert_accessible(page)

    _sign_in_as(page, live_server, world.chair)
    page.goto(live_server.url + reverse("plans:board_plans", args=[world.board_a.pk]))
    expect(page.get_by_text("1 of 3")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=str(world.member)).click()
    assert_accessible(page)
    page.get_by_role("link", name=title).click()
    page.get_by_label("Your review comment").fill("A clear measure. Let us review it in June.")
    page.get_by_role("button", name="Save review comment").click()
    expect(page.get_by_text("A clear measure. Let us review it in June.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=f"Back to {world.member}'s commitments").click()
    page.get_by_label("Appraisal note").fill("Good progress on the data this year.")
    page.get_by_role("button", name="Save appraisal note").click()
    expect(page.get_by_text("The appraisal note is saved")).to_be_visible()

    _sign_in_as(page, live_server, world.member)
    page.goto(live_server.url + reverse("plans:my_plan"))
    expect(page.get_by_text("Good progress on the data this year.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my plan for appraisal (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        reader = PdfReader(BytesIO(pdf.read()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Development plan: Maya Member" in text
    assert title in text and "Ask for the ward data" in text
    commitment = Commitment.objects.get()
    assert commitment.origin == Commitment.Origin.ASSESSMENT and commitment.is_shared
    names = [d["name"] for d in Definition(response.version.definition).dimensions]
    assert any(name.lower() in commitment.title.lower() for name in names)


def test_the_journal_round_trips_through_encryption(page, live_server, world):
    sign_in(page, live_server, world.member)
    page.goto(live_server.url + reverse("journal:list"))
    assert_accessible(page)
    page.get_by_role("button", name="Write an entry").or_(
        page.get_by_role("link", name="Write an entry")
    ).click()
    assert_accessible(page)
    page.get_by_label("Title").fill("After the board")
    page.get_by_label("Your reflection").fill(SECRET)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text(SECRET)).to_be_visible()
    assert_accessible(page)

    entry = JournalEntry.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, text FROM journal_journalentry WHERE id = %s", [entry.pk])
        raw = " ".join(cursor.fetchone())
    assert SECRET not in raw and "After the board" not in raw

    page.get_by_role("button", name="Change").or_(page.get_by_role("link", name="Change")).click()
    assert_accessible(page)
    page.goto(live_server.url + reverse("journal:list"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all my entries (Markdown)").click()
    with open(download.value.path(), encoding="utf-8") as markdown:
        assert SECRET in markdown.read()
    page.goto(live_server.url + reverse("journal:delete", args=[entry.pk]))
    assert_accessible(page)
    page.get_by_role("button", name="Delete entry").click()
    expect(page.get_by_text("You have not written anything yet.")).to_be_visible()


def test_nobody_but_the_owner_opens_a_journal_entry(page, live_server, world):
    from reflection.journal.services import journal_entry_create

    entry = journal_entry_create(owner=world.member, title="Mine", text=SECRET)
    url = live_server.url + reverse("journal:detail", args=[entry.pk])
    for persona in PERSONAS:
        user = world.persona(persona)
        page.context.clear_cookies()
        if user is not None:
            sign_in(page, live_server, user)
        status = page.goto(url).status
        assert status == (200 if persona == "member" else 404), persona


def test_the_action_plan_and_facilitator_pages_are_accessible(page, live_server, world):
    shared_commitment(world)
    action = BoardActionFactory(owner=world.membership(world.member))
    sign_in(page, live_server, world.chair)
    page.goto(live_server.url + reverse("plans:action_plan", args=[world.board_a.pk]))
    assert_accessible(page)
    page.get_by_role("button", name="Add an action").or_(
        page.get_by_role("link", name="Add an action")
    ).click()
    assert_accessible(page)
    page.get_by_role("button", name="Save action").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the action")
    assert_accessible(page)
    page.goto(live_server.url + reverse("plans:action_detail", args=[action.pk]))
    assert_accessible(page)
    page.goto(live_server.url + reverse("plans:action_edit", args=[action.pk]))
    assert_accessible(page)
    _sign_in_as(page, live_server, world.facilitator)
    page.goto(live_server.url + reverse("plans:board_plans", args=[world.board_a.pk]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Commitments across the board")
    assert_accessible(page)
    _sign_in_as(page, live_server, world.member)
    commitment = Commitment.objects.get()
    page.goto(live_server.url + reverse("plans:commitment_edit", args=[commitment.pk]))
    assert_accessible(page)
    page.goto(live_server.url + reverse("member_home"))
    expect(page.get_by_role("heading", name="Development plan")).to_be_visible()
    assert_accessible(page)

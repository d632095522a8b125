"""The facilitator's year in the browser: people invited by CSV with an explicit role (a chair
refused, as only the chair appoints one), a session moved and then cancelled (members' calendar
files follow), a round set up for tomorrow that emails nobody until it opens, answered, reminded
and closed early, with the trend across closed rounds; attendance recorded and seen by the
facilitator on the session page and by the chair on the dashboard."""

import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from learning.invitations.models import Invitation
from learning.models import Role
from reflection.assessment.models import Round
from tests.assessment.factories import fill_round, instruments, make_round
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in
from tests.development.factories import SessionFactory, in_days

pytestmark = BROWSER_DB


def _to(subject_start: str) -> list[str]:
    return sorted(m.to[0] for m in mail.outbox if m.subject.startswith(subject_start))


def _calendar(page, live_server, session) -> str:
    url = reverse("development:session_calendar", args=[session.pk])
    return page.request.get(f"{live_server.url}{url}").text()


def test_a_session_moved_then_cancelled_updates_members_calendars(page, live_server, world):
    session = SessionFactory(board=world.board_a, title="Our data", starts_at=in_days(20))
    members = sorted(p.email for p in (world.member, world.other_member, world.chair))
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('development:session_detail', args=[session.pk])}")
    assert "SEQUENCE:0" in _calendar(page, live_server, session)

    page.get_by_role("link", name="Change or move the session").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_label("Date").fill(in_days(27).date().isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our data")
    assert _to("Changed: Our data") == members
    moved = _calendar(page, live_server, session)
    assert "SEQUENCE:1" in moved and in_days(27).strftime("%Y%m%d") in moved
    assert "BEGIN:VALARM" in moved

    page.get_by_role("link", name="Cancel this session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel Our data?")
    assert_accessible(page)
    page.get_by_role("button", name="Cancel the session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our data Cancelled")
    assert _to("Cancelled: Our data") == members
    cancelled = _calendar(page, live_server, session)
    assert "METHOD:CANCEL" in cancelled and "SEQUENCE:2" in cancelled
    expect(page.get_by_role("link", name="Cancel this session")).to_have_count(0)


def test_a_round_opens_tomorrow_is_answered_reminded_closed_early_and_trends(
    page, live_server, world
):
    ci, _ = instruments()
    for days_ago in (200, 100):  # two closed rounds before this one, for the trend
        fill_round(make_round(world.board_a, ci, days_ago=days_ago), 5)
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('assessment:round_new', args=[world.board_a.pk])}")
    page.get_by_label(ci.name).check()
    page.get_by_label("Name of this round").fill("Before the June session")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Opens on").fill(tomorrow.isoformat())
    page.get_by_label("Closes on").fill((tomorrow + timedelta(days=14)).isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_text("This round has not opened yet")).to_be_visible()
    call_command("send_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # it opens tomorrow

    # The next day: send_reminders emails each member once, however often it runs.
    round_ = Round.objects.get(title="Before the June session")
    Round.objects.filter(pk=round_.pk).update(
        opens_on=round_.opens_on - timedelta(days=1), closes_on=round_.closes_on - timedelta(days=1)
    )
    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())
    opened = len(mail.outbox)
    assert opened == 13  # the 3 members of the world and the 10 who answered earlier rounds

    round_.refresh_from_db()
    fill_round(round_, 5)
    page.reload()
    expect(page.get_by_text("5 of 18 members have answered")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Remind members who have not answered").click()
    expect(page.get_by_text("You can send one a day")).to_be_visible()
    reminded = mail.outbox[opened:]
    assert len(reminded) == 13 and world.member.email in [m.to[0] for m in reminded]

    page.get_by_role("link", name="Close the round now").click()
    assert_accessible(page)
    page.get_by_role("button", name="Close the round").click()
    expect(page.get_by_text("5 members answered.")).to_be_visible()
    expect(page.get_by_role("heading", name="How the board's scores have changed")).to_be_visible()
    expect(page.get_by_text("All 3 closed rounds")).to_be_visible()
    assert_accessible(page)


def test_attendance_is_seen_on_the_session_page_and_the_chairs_dashboard(page, live_server, world):
    session = SessionFactory(board=world.board_a, title="Last month", starts_at=in_days(-3))
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('development:session_attendance', args=[session.pk])}")
    page.get_by_label("Maya Member (Non-executive director)").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved.")).to_be_visible()
    expect(page.locator("#attendance")).to_contain_text("1 of 3 members came")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, world.chair)
    page.goto(f"{live_server.url}{reverse('dashboard:board_dashboard', args=[world.board_a.pk])}")
    expect(page.get_by_text("1 of 3 attended").first).to_be_visible()
    assert_accessible(page)


def test_people_are_invited_by_csv_with_an_explicit_role(page, live_server, world):
    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}{reverse('development:invitation_list', args=[world.board_a.pk])}")
    template = reverse("development:invitation_template", args=[world.board_a.pk])
    header = page.request.get(f"{live_server.url}{template}").text().lstrip("\ufeff")
    assert header.splitlines()[0] == "email,first_name,last_name,role"
    page.get_by_role("link", name="Invite several people with a CSV file").click()

    def upload(text: str):
        page.get_by_label("CSV file").set_input_files(
            {"name": "people.csv", "mimeType": "text/csv", "buffer": text.encode()}
        )
        page.get_by_role("button", name="Check and send invitations").click()

    rows = "email,first_name,last_name,role\n"
    upload(rows + "gail@trust.nhs.uk,Gail,Governor,Governor\nkim@trust.nhs.uk,Kim,Boss,chair\n")
    expect(page.locator("#id_file-error")).to_contain_text(
        "Row 3 (kim@trust.nhs.uk): Only the board's chair or BoardReady's staff"
    )
    assert_accessible(page)
    assert not Invitation.objects.exists()  # nobody, not even the good row

    upload(rows + "gail@trust.nhs.uk,Gail,Governor,Governor\n")
    expect(page.get_by_text("1 invitation sent.")).to_be_visible()
    row = page.get_by_role("row", name="Gail Governor")
    expect(row).to_contain_text("Governor")
    expect(row).to_contain_text("Waiting")
    assert Invitation.objects.get().role == Role.GOVERNOR
    assert _to("You are invited to join") == ["gail@trust.nhs.uk"]

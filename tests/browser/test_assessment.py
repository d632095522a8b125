"""Self-assessment in the browser: taking it twice, national figures, the board aggregate."""

from playwright.sync_api import expect

from reflection.assessment.models import Response
from tests.assessment.factories import fill_round, instruments, make_round
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in

pytestmark = BROWSER_DB


def _answer_every_part(page, answer, *, check_first_page=False):
    """Answers every statement on every remaining part with the same label, then submits."""
    while True:
        fieldsets = page.locator("form fieldset")
        for index in range(fieldsets.count()):
            fieldsets.nth(index).get_by_label(answer, exact=True).check()
        if check_first_page:
            assert_accessible(page)
            check_first_page = False
        submit = page.get_by_role("button", name="Submit my answers")
        if submit.count():
            submit.click()
            return
        page.get_by_role("button", name="Save and continue").click()


def _start(page, live_server, name):
    page.goto(f"{live_server.url}/self-assessment/")
    page.get_by_role("button", name=f"Start or continue {name}").click()


def test_a_member_takes_the_cultural_intelligence_assessment_twice_and_sees_the_change(
    page, live_server, world
):
    instruments()
    sign_in(page, live_server, world.member)
    _start(page, live_server, "Leading on race: cultural intelligence")
    expect(page.get_by_text("Part 1 of 4")).to_be_visible()
    _answer_every_part(page, "Slightly disagree", check_first_page=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")
    assert_accessible(page)

    _start(page, live_server, "Leading on race: cultural intelligence")
    _answer_every_part(page, "Agree")
    expect(page.get_by_role("heading", name="Change since last time")).to_be_visible()
    expect(page.get_by_text("Drive: up").first).to_be_visible()
    page.get_by_text("Show the figures as a table").click()
    expect(page.get_by_role("columnheader", name="Last time")).to_be_visible()
    assert_accessible(page)
    assert Response.objects.filter(user=world.member, submitted_at__isnull=False).count() == 2


def test_board_position_results_show_the_answers_beside_the_national_figures(
    page, live_server, world
):
    instruments()
    sign_in(page, live_server, world.member)
    _start(page, live_server, "Where is our board on race equality?")
    page.locator("form fieldset").first.get_by_label("6", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()
    _answer_every_part(page, "Partly")
    expect(page.get_by_text("6 out of 10", exact=True)).to_be_visible()
    expect(page.get_by_text("5.6 out of 10")).to_be_visible()
    expect(
        page.get_by_role("row", name="More leadership focus on staff networks Partly 85%")
    ).to_be_visible()
    expect(page.get_by_text("No national figure").first).to_be_visible()
    assert_accessible(page)


def test_the_chair_sees_a_closed_rounds_aggregate_and_a_smaller_board_sees_a_notice(
    page, live_server, world
):
    ci, _ = instruments()
    round_a = make_round(world.board_a, ci, title="Autumn round")
    fill_round(round_a, 6, value=5)
    round_b = make_round(world.board_b, ci, title="Autumn round")
    fill_round(round_b, 4, value=5)

    sign_in(page, live_server, world.chair)
    page.goto(f"{live_server.url}/self-assessment/boards/{world.board_a.pk}/rounds/")
    assert_accessible(page)
    page.get_by_role("link", name="Autumn round").first.click()
    expect(page.get_by_text("6 members answered.")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    page.get_by_text("Show the figures as a table").click()
    expect(page.get_by_role("rowheader", name="Knowledge")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, world.other_chair)
    page.goto(f"{live_server.url}/self-assessment/rounds/{round_b.pk}/")
    expect(page.get_by_text("Not enough answers to show")).to_be_visible()
    expect(page.locator("svg")).to_have_count(0)
    assert_accessible(page)


def test_the_facilitators_pages_are_accessible(page, live_server, world):
    instruments()
    sign_in(page, live_server, world.facilitator)
    for path in (
        "/self-assessment/",
        f"/self-assessment/boards/{world.board_a.pk}/rounds/new/",
        f"/self-assessment/boards/{world.board_a.pk}/shared/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/self-assessment/boards/{world.board_a.pk}/rounds/new/")
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a name for this round.")
    assert_accessible(page)


def test_the_facilitator_runs_a_round_from_tomorrow_to_an_early_close_and_sees_the_trend(
    page, live_server, world
):
    import io
    from datetime import timedelta

    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    from reflection.assessment.models import Round
    from tests.assessment.factories import submitted
    from tests.factories import MembershipFactory

    ci, _ = instruments()
    members = [world.member, world.other_member, world.chair]
    members += [MembershipFactory(board=world.board_a).user for _ in range(8)]  # 11 in all
    for days_ago, title in [(200, "Baseline"), (110, "Six months on"), (20, "A year on")]:
        earlier = make_round(world.board_a, ci, days_ago=days_ago, title=title)
        for person in members[:6]:
            submitted(person, round=earlier, value=3 if days_ago > 100 else 5)
    today = timezone.localdate()

    sign_in(page, live_server, world.facilitator)
    page.goto(f"{live_server.url}/self-assessment/boards/{world.board_a.pk}/rounds/")
    page.get_by_role("link", name="Open a round").click()
    page.get_by_label("Leading on race: cultural intelligence").check()
    page.get_by_label("Name of this round").fill("Before the spring session")
    page.get_by_label("Opens on").fill((today + timedelta(days=1)).isoformat())
    page.get_by_label("Closes on").fill((today + timedelta(days=15)).isoformat())
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_text("We will email the board's members that day.")).to_be_visible()
    expect(page.get_by_text("This round has not opened yet.")).to_be_visible()
    assert_accessible(page)
    assert mail.outbox == []  # opening tomorrow: nobody is told today

    # A second round of the same kind at the same time is refused by the field.
    page.goto(f"{live_server.url}/self-assessment/boards/{world.board_a.pk}/rounds/new/")
    page.get_by_label("Leading on race: cultural intelligence").check()
    page.get_by_label("Name of this round").fill("Clash")
    page.get_by_label("Opens on").fill((today + timedelta(days=3)).isoformat())
    page.get_by_label("Closes on").fill((today + timedelta(days=9)).isoformat())
    page.get_by_role("button", name="Open the round").click()
    expect(page.locator(".nhsuk-error-message").first).to_contain_text(
        "'Before the spring session' asks the same self-assessment"
    )
    expect(page.get_by_label("Name of this round")).to_have_value("Clash")
    assert not Round.objects.filter(title="Clash").exists()

    # The next day: the round's dates are a day nearer, and the hourly command runs twice.
    round_ = Round.objects.get(title="Before the spring session")
    Round.objects.filter(pk=round_.pk).update(opens_on=today, closes_on=today + timedelta(days=14))
    round_.refresh_from_db()
    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())
    opened = [m for m in mail.outbox if m.subject.startswith("Self-assessment open")]
    assert sorted(m.to[0] for m in opened) == sorted(person.email for person in members)

    for person in members[:3]:
        submitted(person, round=round_)
    page.goto(f"{live_server.url}/self-assessment/rounds/{round_.pk}/")
    expect(page.get_by_text("3 of 11 members have answered")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Remind members who have not answered").click()
    expect(
        page.get_by_text("Reminder sent to the 8 members who have not answered.")
    ).to_be_visible()
    reminded = [m.to[0] for m in mail.outbox if m.subject.startswith("Reminder:")]
    assert sorted(reminded) == sorted(person.email for person in members[3:])

    page.get_by_role("link", name="Close the round now").click()
    expect(page.get_by_text("3 of 11 members have answered.")).to_be_visible()
    page.get_by_role("button", name="Close the round").click()
    expect(page.get_by_text("The round is closed. No more answers can be given.")).to_be_visible()
    expect(page.get_by_role("heading", name="How the board's scores have changed")).to_be_visible()
    page.get_by_text("Show the figures as a table").last.click()
    expect(page.get_by_role("row", name="Baseline")).to_contain_text("6")
    expect(page.get_by_role("row", name="Before the spring session")).to_contain_text(
        "Fewer than 5 answered"
    )
    assert_accessible(page)

"""A round from start to finish: set up ahead, emailed the day it opens, changed, extended,
reminded, closed early or deleted; refused when it would overlap another of the same kind."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learning import email_choices
from reflection.assessment.models import Round, RoundReminder
from reflection.assessment.services import round_openings_send
from reflection.assessment.tasks import round_remind_send
from tests.assessment.factories import fill_round, instruments, make_round, submitted
from tests.factories import MembershipFactory


def _day(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _form(ci, **overrides):
    return {
        "instrument": ci.pk,
        "title": "Before the June session",
        "opens_on": _day(1),
        "closes_on": _day(15),
    } | overrides


def _new(client, world, data, capture):
    with capture(execute=True):
        return client.post(reverse("assessment:round_new", args=[world.board_a.pk]), data)


def _pass_a_day(round_):
    """The round as it stands tomorrow: dates move back a day instead of the clock."""
    Round.objects.filter(pk=round_.pk).update(
        opens_on=round_.opens_on - timedelta(days=1), closes_on=round_.closes_on - timedelta(days=1)
    )


def test_a_round_opening_tomorrow_emails_nobody_until_send_reminders_runs_on_the_day(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    client = signed_in(world.facilitator)
    page = _new(client, world, _form(ci), django_capture_on_commit_callbacks)
    round_ = Round.objects.get(board=world.board_a)
    assert page.status_code == 302
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # not open yet

    _pass_a_day(round_)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
        call_command("send_reminders", stdout=io.StringIO())
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([world.member.email, world.other_member.email, world.chair.email])
    assert reverse("account_emails") in mail.outbox[0].body
    round_.refresh_from_db()
    assert round_.notified_at is not None


def test_a_round_opening_today_emails_the_board_at_once(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    _new(
        signed_in(world.facilitator),
        world,
        _form(ci, opens_on=_day(0)),
        django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 3
    assert round_openings_send(timezone.now()) == 0


def test_a_member_who_turned_round_emails_off_is_not_emailed(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    email_choices.email_choices_save(user=world.member, on={email_choices.DUE_SOON})
    _new(
        signed_in(world.facilitator),
        world,
        _form(ci, opens_on=_day(0)),
        django_capture_on_commit_callbacks,
    )
    assert world.member.email not in [message.to[0] for message in mail.outbox]
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(5, 20), (-3, 2), (7, 7), (0, 40)],
    ids=["inside", "across the start", "on the last day", "around it"],
)
def test_a_round_overlapping_an_open_one_of_the_same_kind_is_refused_by_the_field(
    world, signed_in, django_capture_on_commit_callbacks, opens, closes
):
    ci, _ = instruments()
    make_round(world.board_a, ci, closed=False, title="Open now")  # open until today + 7
    data = _form(ci, title="Second", opens_on=_day(max(opens, 0)), closes_on=_day(closes))
    page = _new(signed_in(world.facilitator), world, data, django_capture_on_commit_callbacks)
    assert page.status_code == 200
    content = page.content.decode()
    assert "asks the same self-assessment" in content
    assert 'id="opens_on-error"' in content or "opens_on" in content
    assert 'value="Second"' in content  # nothing typed is lost
    assert Round.objects.count() == 1


def test_a_round_of_another_self_assessment_may_run_at_the_same_time(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, position = instruments()
    make_round(world.board_a, ci, closed=False, title="Open now")
    data = _form(position, title="Board position", opens_on=_day(0))
    page = _new(signed_in(world.facilitator), world, data, django_capture_on_commit_callbacks)
    assert page.status_code == 302
    assert Round.objects.count() == 2


def test_impossible_dates_are_refused_by_the_field(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    client = signed_in(world.facilitator)
    for data, message in [
        (_form(ci, opens_on="2026-02-31"), "Enter a real date"),
        (_form(ci, opens_on=_day(-1)), "today or later"),
        (_form(ci, opens_on=_day(800), closes_on=_day(810)), "within the next two years"),
        (_form(ci, closes_on=_day(0)), "on or after the opening date"),
        (_form(ci, title="x" * 121), "120 characters or fewer"),
    ]:
        page = _new(client, world, data, django_capture_on_commit_callbacks)
        assert message in page.content.decode()
    assert not Round.objects.exists()


def test_the_facilitator_changes_a_round_until_it_opens(world, signed_in):
    ci, _ = instruments()
    round_ = Round.objects.create(
        board=world.board_a,
        version=make_round(world.board_a, ci, title="Old").version,
        title="Later",
        opens_on=timezone.localdate() + timedelta(days=3),
        closes_on=timezone.localdate() + timedelta(days=10),
    )
    client = signed_in(world.facilitator)
    url = reverse("assessment:round_edit", args=[round_.pk])
    page = client.post(url, {"title": "Renamed", "opens_on": _day(4), "closes_on": _day(12)})
    assert page.status_code == 302
    round_.refresh_from_db()
    assert (round_.title, round_.opens_on.isoformat()) == ("Renamed", _day(4))

    bad = client.post(url, {"title": "Renamed again", "opens_on": _day(9), "closes_on": _day(5)})
    assert "on or after the opening date" in bad.content.decode()
    assert 'value="Renamed again"' in bad.content.decode()
    round_.refresh_from_db()
    assert round_.title == "Renamed"

    _pass_a_day(round_)
    Round.objects.filter(pk=round_.pk).update(opens_on=timezone.localdate())
    assert client.get(url).status_code == 302  # open now: only the closing date can move


def test_an_open_round_is_extended_but_never_shortened_by_the_form(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False, title="Open")
    client = signed_in(world.facilitator)
    url = reverse("assessment:round_extend", args=[round_.pk])
    short = client.post(url, {"closes_on": _day(3)})
    assert "Choose a date after" in short.content.decode()
    assert client.post(url, {"closes_on": _day(20)}).status_code == 302
    round_.refresh_from_db()
    assert round_.closes_on.isoformat() == _day(20)


def test_closing_early_ends_answers_and_shows_the_figures_today(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False, title="Open")
    fill_round(round_, 5, value=4)
    client = signed_in(world.facilitator)
    assert client.post(reverse("assessment:round_close", args=[round_.pk])).status_code == 302
    round_.refresh_from_db()
    assert round_.is_closed and round_.closes_on == timezone.localdate()
    page = client.get(reverse("assessment:round_detail", args=[round_.pk]))
    assert "5 members answered." in page.content.decode()
    late = MembershipFactory(board=world.board_a).user
    started = signed_in(late).post(reverse("assessment:round_start", args=[round_.pk]))
    assert started.status_code == 302 and not round_.responses.filter(user=late).exists()


def test_a_round_is_deleted_only_before_anyone_answers(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False, title="Open")
    client = signed_in(world.facilitator)
    submitted(world.member, round=round_)
    client.post(reverse("assessment:round_delete", args=[round_.pk]))
    assert Round.objects.filter(pk=round_.pk).exists()
    round_.responses.all().delete()
    client.post(reverse("assessment:round_delete", args=[round_.pk]))
    assert not Round.objects.filter(pk=round_.pk).exists()


def test_the_facilitator_sees_how_many_answered_but_not_who(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False, title="Open")
    submitted(world.member, round=round_)
    page = signed_in(world.facilitator).get(reverse("assessment:round_detail", args=[round_.pk]))
    content = page.content.decode()
    assert "1 of 3 members have answered" in content
    for person in (world.member, world.other_member, world.chair):
        assert person.last_name not in content and person.email not in content
    member_page = signed_in(world.chair).get(reverse("assessment:round_detail", args=[round_.pk]))
    assert "members have answered" not in member_page.content.decode()


def test_one_reminder_a_day_goes_to_everyone_who_has_not_answered(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False, title="Open")
    submitted(world.member, round=round_)
    email_choices.email_choices_save(user=world.chair, on=set())  # the facilitator's own still go
    client = signed_in(world.facilitator)
    url = reverse("assessment:round_remind", args=[round_.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        again = client.post(url, follow=True)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.other_member.email, world.chair.email]
    )
    assert "You can send another from" in again.content.decode()
    reminder = RoundReminder.objects.get()
    assert round_remind_send.call(reminder_id=reminder.pk) == 0  # a second run sends nothing
    RoundReminder.objects.update(created_at=timezone.now() - timedelta(hours=25))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mail.outbox) == 4


def test_a_facilitator_of_another_board_gets_404_on_every_round_page(world, signed_in):
    from learning.models import Role

    ci, _ = instruments()
    upcoming = Round.objects.create(
        board=world.board_a,
        version=make_round(world.board_a, ci, title="Old").version,
        title="Later",
        opens_on=timezone.localdate() + timedelta(days=3),
        closes_on=timezone.localdate() + timedelta(days=10),
    )
    open_round = make_round(world.board_a, ci, closed=False, title="Open")
    outsider = MembershipFactory(board=world.board_b, role=Role.FACILITATOR).user
    client = signed_in(outsider)
    for name, round_ in [
        ("round_edit", upcoming),
        ("round_delete", upcoming),
        ("round_extend", open_round),
        ("round_close", open_round),
        ("round_remind", open_round),
        ("round_detail", open_round),
    ]:
        url = reverse(f"assessment:{name}", args=[round_.pk])
        assert client.get(url).status_code in (404, 405), name
        assert client.post(url).status_code == 404, name
    assert Round.objects.filter(pk=upcoming.pk).exists()
    assert not open_round.reminders.exists() and not Round.objects.get(pk=open_round.pk).closed_at

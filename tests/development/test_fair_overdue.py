"""Overdue, done fairly: a facilitator has no reading of their own, and a member who joins on
or after a due date has seven days from joining, shown as such and used by the reminders."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning.development.dates import london_today, personal_due_date
from learning.development.reminders import reading_reminders_send
from tests.development.factories import SessionFactory, assign, in_days


def _home(signed_in, user):
    response = signed_in(user).get(reverse("member_home"))
    entries = [s for s in response.context["sections"] if "upcoming" in s][0]["upcoming"]
    return response.content.decode(), entries


def test_a_facilitators_home_shows_no_reading_of_their_own_as_overdue(world, modules, signed_in):
    session = SessionFactory(board=world.board_a, title="Reading our data", starts_at=in_days(9))
    assign(session, modules[0], london_today() - timedelta(days=1))
    content, [entry] = _home(signed_in, world.facilitator)
    assert entry.items == []
    assert "Overdue" not in content
    assert reverse("development:session_detail", args=[session.pk]) in content


def test_a_member_who_joins_after_the_due_date_has_seven_days_from_joining(
    world, modules, signed_in
):
    session = SessionFactory(board=world.board_a, starts_at=in_days(20))
    assign(session, modules[0], london_today() - timedelta(days=3))
    membership = world.membership(world.member)
    membership.joined_at = timezone.now() - timedelta(days=1)
    membership.save()
    content, [entry] = _home(signed_in, world.member)
    [item] = entry.items
    assert item.due_date == london_today() + timedelta(days=6)
    assert not item.overdue and item.joined_late
    assert "7 days after you joined" in content
    assert "Overdue" not in content


def test_a_member_who_joined_before_the_due_date_keeps_it(world, modules, signed_in):
    session = SessionFactory(board=world.board_a, starts_at=in_days(20))
    assign(session, modules[0], london_today() - timedelta(days=3))
    content, [entry] = _home(signed_in, world.other_member)
    [item] = entry.items
    assert item.overdue and not item.joined_late
    assert "after you joined" not in content


def test_joining_on_the_due_day_itself_counts_as_joining_late():
    today = london_today()
    joined = timezone.now()
    assert personal_due_date(today, joined) == today + timedelta(days=7)
    assert personal_due_date(today + timedelta(days=1), joined) == today + timedelta(days=1)


def test_the_overdue_email_skips_a_late_joiner_until_their_own_date(
    world, modules, django_capture_on_commit_callbacks
):
    session = SessionFactory(board=world.board_a, starts_at=in_days(20))
    assign(session, modules[0], london_today() - timedelta(days=3))
    membership = world.membership(world.member)
    membership.joined_at = timezone.now() - timedelta(days=1)
    membership.save()
    with django_capture_on_commit_callbacks(execute=True):
        reading_reminders_send(timezone.now())
    recipients = {address for message in mail.outbox for address in message.to}
    assert world.other_member.email in recipients
    assert world.member.email not in recipients
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reading_reminders_send(timezone.now() + timedelta(days=5, hours=12))
    [due_soon] = [m for m in mail.outbox if world.member.email in m.to]
    assert "Due soon" in due_soon.subject

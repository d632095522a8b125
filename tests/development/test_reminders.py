"""Reminders: sent by the facilitator, and sent automatically by `send_reminders`."""

import io
from datetime import time, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learning.development.dates import london_datetime, london_today
from learning.development.models import Notification
from learning.development.reminders import digests_send, reading_reminders_send
from learning.development.services import digest_set
from learning.development.tasks import deliver_notification
from tests.development.factories import SessionFactory, assign, in_days, make_progress


def _remind(client, session, capture, **data):
    """Sends the reminder as the form first offers it: everyone outstanding ticked."""
    url = reverse("development:session_remind", args=[session.pk])
    form = client.get(url).context["form"]
    data = {"recipients": form.initial.get("recipients", []), "message": ""} | data
    with capture(execute=True):
        return client.post(url, data)


def test_send_reminder_emails_everyone_not_ready_once_listing_what_is_outstanding(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    for module in modules:
        assign(session, module)
    make_progress(world.member, modules[0], "complete")
    make_progress(world.member, modules[1], "complete")
    make_progress(world.other_member, modules[0], "complete")
    client = signed_in(world.facilitator)
    _remind(client, session, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [world.other_member.email, world.chair.email]
    )
    to_other = next(m for m in mail.outbox if m.to == [world.other_member.email])
    assert "The race lexicon" in to_other.body
    assert "Structural racism" not in to_other.body
    assert to_other.alternatives[0][1] == "text/html"
    assert "The race lexicon" in to_other.alternatives[0][0]


def test_nobody_gets_a_second_reminder_within_24_hours(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    assign(session, modules[0])
    client = signed_in(world.facilitator)
    _remind(client, session, django_capture_on_commit_callbacks)
    _remind(client, session, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=25))
    _remind(client, session, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 6


def test_the_page_shows_when_each_reminder_was_sent(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    assign(session, modules[0])
    client = signed_in(world.facilitator)
    _remind(client, session, django_capture_on_commit_callbacks)
    sent = Notification.objects.get(recipient=world.member).created_at
    response = client.get(reverse("development:session_detail", args=[session.pk]))
    rows = {row.user: row for row in response.context["grid"].rows}
    assert rows[world.member].last_reminder_at == sent
    assert timezone.localtime(sent).strftime("%-d %b %Y, %H:%M") in response.content.decode()


def test_delivering_a_notification_twice_sends_one_email(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    assign(session, modules[0])
    _remind(signed_in(world.facilitator), session, django_capture_on_commit_callbacks)
    notification = Notification.objects.filter(recipient=world.member).get()
    deliver_notification.call(notification.pk)
    assert [m.to for m in mail.outbox].count([world.member.email]) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_send_reminders_run_twice_sends_each_reminder_once(
    world, modules, django_capture_on_commit_callbacks
):
    session = SessionFactory(board=world.board_a, starts_at=in_days(10))
    due_soon = assign(session, modules[0], london_today() + timedelta(days=1))
    overdue = assign(session, modules[1], london_today() - timedelta(days=2))
    make_progress(world.member, modules[0], "complete")
    digest_set(user=world.facilitator, wanted=False)
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=io.StringIO())
    kinds = sorted(
        (n.kind, n.assignment_id, n.recipient.email)
        for n in Notification.objects.select_related("recipient")
    )
    people = sorted([world.chair.email, world.member.email, world.other_member.email])
    expected = sorted(
        [("due_soon", due_soon.pk, email) for email in people if email != world.member.email]
        + [("overdue", overdue.pk, email) for email in people]
    )
    assert kinds == expected
    ours = [m for m in mail.outbox if m.subject.startswith(("Due soon", "Overdue"))]
    assert len(ours) == 5
    assert all(m.alternatives for m in ours)


def test_no_reading_reminders_once_the_session_has_started(world, modules):
    session = SessionFactory(board=world.board_a, starts_at=in_days(-1))
    assign(session, modules[0], london_today() - timedelta(days=3))
    assert reading_reminders_send(timezone.now()) == 0


def test_reading_due_in_a_week_gets_no_reminder_yet(world, modules):
    session = SessionFactory(board=world.board_a, starts_at=in_days(10))
    assign(session, modules[0], london_today() + timedelta(days=7))
    assert reading_reminders_send(timezone.now()) == 0


def test_the_daily_digest_goes_once_a_day_from_7am_unless_opted_out(
    world, modules, django_capture_on_commit_callbacks
):
    assign(SessionFactory(board=world.board_a, starts_at=in_days(5)), modules[0])
    today = london_today()
    early = london_datetime(today, time(6, 30))
    morning = london_datetime(today, time(8, 0))
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(early) == 0
        assert digests_send(morning) == 1
        assert digests_send(morning + timedelta(hours=3)) == 0
    assert [m.to for m in mail.outbox] == [[world.facilitator.email]]
    assert "0 of 3 members ready" in mail.outbox[0].body
    digest_set(user=world.facilitator, wanted=False)
    assert digests_send(morning + timedelta(days=1)) == 0


def test_a_facilitator_can_opt_out_of_the_digest(world, signed_in):
    client = signed_in(world.facilitator)
    client.post(reverse("development:digest_update"), {})
    assert world.facilitator.digest_opt_out
    client.post(reverse("development:digest_update"), {"wanted": "on"})
    world.facilitator.refresh_from_db()
    assert not hasattr(world.facilitator, "digest_opt_out")


def test_the_facilitator_chooses_who_is_reminded_and_adds_a_message(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    assign(session, modules[0])
    client = signed_in(world.facilitator)
    form = client.get(reverse("development:session_remind", args=[session.pk])).context["form"]
    everyone = {world.member.pk, world.other_member.pk, world.chair.pk}
    assert {int(value) for value in form.initial["recipients"]} == everyone  # all ticked
    _remind(
        client,
        session,
        django_capture_on_commit_callbacks,
        recipients=[str(world.member.pk)],
        message="Please read <b>this</b> before Tuesday.",
    )
    assert [m.to for m in mail.outbox] == [[world.member.email]]
    email = mail.outbox[0]
    assert "Please read <b>this</b> before Tuesday." in email.body  # plain text as typed
    html = email.alternatives[0][0]
    assert "Please read &lt;b&gt;this&lt;/b&gt; before Tuesday." in html
    assert "<b>this</b>" not in html


def test_a_reminder_to_someone_not_outstanding_or_too_long_is_refused_and_sends_nothing(
    world, session, modules, signed_in, django_capture_on_commit_callbacks
):
    assign(session, modules[0])
    make_progress(world.member, modules[0], "complete")
    client = signed_in(world.facilitator)
    for data, problem in [
        ({"recipients": [str(world.member.pk)], "message": "Hello"}, "Choose people from the list"),
        ({"recipients": [str(world.other_chair.pk)], "message": "Hello"}, "Choose people from"),
        ({"recipients": ["not-a-number"], "message": "Hello"}, "Choose people from the list"),
        ({"recipients": [], "message": "Hello"}, "Choose at least one person"),
        ({"recipients": [str(world.chair.pk)], "message": "x" * 501}, "500 characters or fewer"),
    ]:
        page = _remind(client, session, django_capture_on_commit_callbacks, **data)
        content = page.content.decode()
        assert page.status_code == 200 and problem in content
        assert data["message"][:20] in content  # nothing typed is lost
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_the_service_refuses_an_unknown_recipient_too(world, session, modules):
    import pytest
    from django.core.exceptions import ValidationError

    from learning.development.services import reminders_send_manual

    assign(session, modules[0])
    with pytest.raises(ValidationError):
        reminders_send_manual(
            session=session, sent_by=world.facilitator, recipient_ids={world.other_chair.pk}
        )
    assert not Notification.objects.exists()


def test_a_member_who_turned_due_soon_off_gets_no_automatic_email_but_still_the_facilitators(
    world, modules, signed_in, django_capture_on_commit_callbacks
):
    from learning import email_choices

    session = SessionFactory(board=world.board_a, starts_at=in_days(10))
    assign(session, modules[0], london_today() + timedelta(days=1))
    email_choices.email_choices_save(user=world.member, on={email_choices.OVERDUE})
    digest_set(user=world.facilitator, wanted=False)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    automatic = [m.to[0] for m in mail.outbox]
    assert world.member.email not in automatic
    assert world.chair.email in automatic
    chair_email = next(m for m in mail.outbox if m.to == [world.chair.email])
    assert reverse("account_emails") in chair_email.body
    _remind(signed_in(world.facilitator), session, django_capture_on_commit_callbacks)
    assert world.member.email in [m.to[0] for m in mail.outbox]

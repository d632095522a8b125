"""`manage.py send_reminders`: one email per commitment or milestone due within 7 days or
overdue, never the same one twice."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from reflection.plans.models import SentReminder, Status
from tests.plans.factories import (
    ActionMilestoneFactory,
    MilestoneFactory,
    in_days,
    members_action,
    shared_commitment,
)

pytestmark = pytest.mark.django_db


def _run(capture):
    out = StringIO()
    with capture(execute=True):
        call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_it_sends_one_email_per_due_item_and_never_twice(world, django_capture_on_commit_callbacks):
    due_soon = shared_commitment(world, title="Due soon", due_date=in_days(5))
    shared_commitment(world, title="Far off", due_date=in_days(40))
    later = shared_commitment(world, title="Later", due_date=in_days(60))
    MilestoneFactory(commitment=later, title="Overdue step", due_date=in_days(-2))
    output = _run(django_capture_on_commit_callbacks)
    assert "Reminders sent: 2" in output
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 2
    assert any("Due soon" in s for s in subjects) and any("Overdue step" in s for s in subjects)
    assert all(message.to == [world.member.email] for message in mail.outbox)
    message = mail.outbox[0]
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert f"/plan/commitments/{due_soon.pk}/" in "".join(m.body for m in mail.outbox)

    output = _run(django_capture_on_commit_callbacks)
    assert "Reminders sent: 0" in output
    assert len(mail.outbox) == 2


def test_done_commitments_and_milestones_are_not_reminded(
    world, django_capture_on_commit_callbacks
):
    done = shared_commitment(world, status=Status.DONE, due_date=in_days(-1))
    MilestoneFactory(commitment=done, due_date=in_days(-3))
    open_one = shared_commitment(world, due_date=in_days(30))
    MilestoneFactory(commitment=open_one, due_date=in_days(-3), completed_at=timezone.now())
    _run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_new_due_date_earns_a_new_reminder(world, django_capture_on_commit_callbacks):
    commitment = shared_commitment(world, due_date=in_days(3))
    _run(django_capture_on_commit_callbacks)
    commitment.due_date = in_days(6)
    commitment.save()
    _run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert SentReminder.objects.count() == 2


def test_board_action_owners_are_reminded(world, django_capture_on_commit_callbacks):
    action = members_action(world, due_date=in_days(30))
    ActionMilestoneFactory(action=action, title="Book the room", due_date=in_days(2))
    _run(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[world.member.email]]
    assert "Book the room" in mail.outbox[0].subject


def test_the_email_task_is_safe_to_run_twice(world, django_capture_on_commit_callbacks):
    from reflection.plans.tasks import send_plan_reminder

    shared_commitment(world, due_date=in_days(1))
    _run(django_capture_on_commit_callbacks)
    reminder = SentReminder.objects.get()
    send_plan_reminder.call(reminder_id=reminder.pk)
    assert len(mail.outbox) == 1


def test_a_member_who_turned_overdue_off_gets_only_the_due_soon_reminder(
    world, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from learning import email_choices

    email_choices.email_choices_save(user=world.member, on={email_choices.DUE_SOON})
    shared_commitment(world, title="Due soon", due_date=in_days(5))
    later = shared_commitment(world, title="Later", due_date=in_days(60))
    MilestoneFactory(commitment=later, title="Overdue step", due_date=in_days(-2))
    _run(django_capture_on_commit_callbacks)
    assert [message.subject for message in mail.outbox] == [
        next(m.subject for m in mail.outbox if "Due soon" in m.subject)
    ]
    assert reverse("account_emails") in mail.outbox[0].body

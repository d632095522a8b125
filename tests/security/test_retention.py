"""Retention: `prune_security_records` removes audit entries past their period and erases
accounts that have had no board seat for a year, through erase_person; `--dry-run` says what
would go and changes nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from reflection.assessment.models import Response
from tests.assessment.factories import instruments, make_round, submitted
from tests.factories import MembershipFactory, UserFactory

User = get_user_model()


def _end_seats(user, *, days_ago: int) -> None:
    """Ends every seat the person has, as the admin does, then dates the end `days_ago` back."""
    for membership in user.memberships.all():
        membership.is_active = False
        membership.save()
    user.refresh_from_db()
    assert user.seatless_since is not None
    User.objects.filter(pk=user.pk).update(seatless_since=timezone.now() - timedelta(days=days_ago))


def _prune(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("prune_security_records", *args, stdout=out)
    return out.getvalue()


def test_ending_the_last_seat_starts_the_clock_and_a_new_seat_stops_it(world):
    membership = world.membership(world.member)
    assert world.member.seatless_since is None
    membership.is_active = False
    membership.save()
    world.member.refresh_from_db()
    assert world.member.seatless_since is not None
    membership.is_active = True
    membership.save()
    world.member.refresh_from_db()
    assert world.member.seatless_since is None


def test_a_seat_on_another_board_keeps_the_clock_stopped(world):
    MembershipFactory(user=world.member, board=world.board_b)
    membership = world.membership(world.member)
    membership.is_active = False
    membership.save()
    world.member.refresh_from_db()
    assert world.member.seatless_since is None


def test_an_account_without_a_seat_for_over_a_year_is_erased(world):
    profile, _position = instruments()
    closed = make_round(world.board_a, profile, days_ago=400)
    submitted(world.member, round=closed)
    pk = world.member.pk
    _end_seats(world.member, days_ago=366)
    output = _prune()
    assert "Erased 1 accounts" in output
    assert not User.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(action="person_erased", target=f"learning.user:{pk}").exists()
    # through erase_person: the erase hooks ran, so the closed round keeps the answer unlinked
    assert Response.objects.filter(round=closed, user__isnull=True).count() == 1


def test_an_account_without_a_seat_for_less_than_a_year_stays(world):
    _end_seats(world.member, days_ago=364)
    assert "Erased 0 accounts" in _prune()
    assert User.objects.filter(pk=world.member.pk).exists()


@pytest.mark.parametrize("kind", ["staff", "superuser", "editor"])
def test_staff_and_editors_are_never_erased_for_having_no_seat(world, kind):
    person = {
        "staff": lambda: UserFactory(is_staff=True),
        "superuser": lambda: UserFactory(is_superuser=True),
        "editor": lambda: world.editor,
    }[kind]()
    MembershipFactory(user=person, board=world.board_a)
    _end_seats(person, days_ago=800)
    _prune()
    assert User.objects.filter(pk=person.pk).exists()


def test_people_who_never_had_a_seat_are_left_alone(world):
    person = UserFactory()
    User.objects.filter(pk=person.pk).update(date_joined=timezone.now() - timedelta(days=900))
    _prune()
    assert User.objects.filter(pk=person.pk).exists()


def test_the_period_comes_from_the_setting(world, settings):
    settings.BOARDREADY_SEATLESS_ACCOUNT_DAYS = 30
    _end_seats(world.member, days_ago=31)
    _prune()
    assert not User.objects.filter(pk=world.member.pk).exists()


def test_audit_entries_older_than_the_setting_are_deleted(world, settings):
    settings.BOARDREADY_AUDIT_RETENTION_DAYS = 90
    old = audit_record(actor=world.chair, action="pdf_downloaded")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=91))
    kept = audit_record(actor=world.chair, action="pdf_downloaded")
    AuditEvent.objects.filter(pk=kept.pk).update(at=timezone.now() - timedelta(days=89))
    _prune()
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_dry_run_says_what_would_go_and_changes_nothing(world):
    old = audit_record(actor=world.chair, action="pdf_downloaded")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=731))
    _end_seats(world.member, days_ago=400)
    events = AuditEvent.objects.count()
    output = _prune("--dry-run")
    assert "Dry run: nothing has been changed." in output
    assert "Would erase 1 accounts" in output
    assert world.member.email in output
    assert world.other_member.email not in output
    assert "Would delete 1 audit entries" in output
    assert User.objects.filter(pk=world.member.pk).exists()
    assert AuditEvent.objects.count() == events

"""Attendance after a session, the kept readiness snapshot, and the chair dashboard selectors."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from learning.development.models import Attendance, ReadinessSnapshot
from learning.development.reminders import snapshots_take_due
from learning.development.selectors import next_session_readiness, readiness_across_sessions
from learning.development.services import snapshot_take
from modules.models import ModuleProgress
from tests.development.factories import SessionFactory, assign, in_days, make_progress


def _started_session(world, modules, days_ago=1):
    session = SessionFactory(board=world.board_a, starts_at=in_days(-days_ago))
    for module in modules:
        assign(session, module, session.starts_at.date() - timedelta(days=2))
    return session


def test_the_snapshot_counts_only_reading_finished_before_the_start(world, modules):
    for module in modules:
        make_progress(world.member, module, "complete")
        make_progress(world.other_member, module, "complete")
    session = _started_session(world, modules)
    ModuleProgress.objects.filter(user=world.other_member).update(
        completed_at=session.starts_at + timedelta(minutes=5)
    )
    ModuleProgress.objects.filter(user=world.member).update(
        completed_at=session.starts_at - timedelta(days=1)
    )
    snapshot = snapshot_take(session=session)
    assert (snapshot.ready_count, snapshot.member_count) == (1, 3)


def test_the_snapshot_is_kept_once_and_never_recomputed(world, modules):
    session = _started_session(world, modules)
    first = snapshot_take(session=session)
    for module in modules:
        make_progress(world.member, module, "complete")
    ModuleProgress.objects.update(completed_at=session.starts_at - timedelta(hours=1))
    assert snapshot_take(session=session) == first
    assert ReadinessSnapshot.objects.get().ready_count == 0


def test_no_snapshot_before_the_session_starts(world, session):
    assert snapshot_take(session=session) is None
    assert snapshots_take_due(timezone.now()) == 0


def test_the_reminders_run_keeps_snapshots_of_started_sessions(world, modules):
    _started_session(world, modules)
    assert snapshots_take_due(timezone.now()) == 1
    assert snapshots_take_due(timezone.now()) == 0


def test_the_facilitator_records_attendance_after_the_session(world, modules, signed_in):
    session = _started_session(world, modules)
    client = signed_in(world.facilitator)
    url = reverse("development:session_attendance", args=[session.pk])
    response = client.post(url, {"attended": [world.member.pk, world.chair.pk]})
    assert response.status_code == 302
    came = dict(Attendance.objects.values_list("user_id", "attended"))
    assert came == {world.member.pk: True, world.chair.pk: True, world.other_member.pk: False}
    client.post(url, {"attended": [world.member.pk]})  # correcting it replaces it
    assert Attendance.objects.filter(attended=True).count() == 1
    assert ReadinessSnapshot.objects.filter(session=session).exists()


def test_attendance_cannot_be_recorded_before_the_session(world, session, signed_in):
    url = reverse("development:session_attendance", args=[session.pk])
    assert signed_in(world.facilitator).get(url).status_code == 404


def test_next_session_readiness_counts_members_who_finished_everything(
    world, modules, django_assert_num_queries
):
    later = SessionFactory(board=world.board_a, starts_at=in_days(30))
    soon = SessionFactory(board=world.board_a, starts_at=in_days(7))
    for module in modules:
        assign(soon, module)
    assign(later, modules[0])
    for module in modules:
        make_progress(world.member, module, "complete")
    make_progress(world.chair, modules[0], "complete")
    with django_assert_num_queries(4):
        readiness = next_session_readiness(world.board_a)
    assert readiness.session == soon
    assert (readiness.ready_count, readiness.member_count, readiness.percent) == (1, 3, 33)


def test_next_session_readiness_is_none_without_a_session(world):
    assert next_session_readiness(world.board_a) is None


def test_readiness_across_sessions_is_one_query_oldest_first(
    world, modules, django_assert_num_queries
):
    older = _started_session(world, modules, days_ago=60)
    newer = _started_session(world, modules, days_ago=10)
    for session, ready in ((newer, 2), (older, 1)):
        ReadinessSnapshot.objects.create(session=session, member_count=3, ready_count=ready)
    SessionFactory(board=world.board_b, starts_at=in_days(-5))
    with django_assert_num_queries(1):
        history = readiness_across_sessions(world.board_a)
    assert [(r.session, r.ready_count) for r in history] == [(older, 1), (newer, 2)]


def test_a_members_data_export_includes_their_attendance(world, modules):
    from learning.audit.personal_data import personal_data_for

    session = _started_session(world, modules)
    Attendance.objects.create(session=session, user=world.member, attended=True)
    sections = personal_data_for(world.member)["sections"]
    [row] = sections["Your attendance at sessions"]
    assert row["session"] == session.title and row["attended"] is True

"""The demo sessions for Northbridge, loaded twice."""

import io

import pytest
from django.core.management import call_command

from learning.development.demo import NEXT_TITLE, PAST_TITLE
from learning.development.models import (
    Assignment,
    Attendance,
    DevelopmentSession,
    ReadinessSnapshot,
)
from learning.development.selectors import session_grid
from learning.models import Board


@pytest.fixture
def seeded(db):
    from tests.conftest import ensure_site_tree

    ensure_site_tree()
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    return Board.objects.get(organisation__name__startswith="Northbridge")


def test_the_seed_gives_northbridge_a_past_and_an_upcoming_session_once(seeded):
    past = DevelopmentSession.objects.get(board=seeded, title=PAST_TITLE)
    upcoming = DevelopmentSession.objects.get(board=seeded, title=NEXT_TITLE)
    assert DevelopmentSession.objects.count() == 2
    assert Attendance.objects.filter(session=past, attended=True).count() == 9
    assert ReadinessSnapshot.objects.get(session=past).ready_count == 8
    assert Assignment.objects.filter(session=upcoming).count() == 2


def test_the_upcoming_session_has_every_status_and_one_overdue_member(seeded):
    upcoming = DevelopmentSession.objects.get(board=seeded, title=NEXT_TITLE)
    grid = session_grid(upcoming)
    statuses = {cell.status for row in grid.rows for cell in row.cells}
    assert {"complete", "reading", "not_started"} <= statuses
    overdue = [row.user.email for row in grid.rows if any(cell.overdue for cell in row.cells)]
    assert overdue == ["ned6@northbridge.example"]
    assert 0 < grid.ready_count < grid.member_count

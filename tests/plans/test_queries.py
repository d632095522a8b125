"""The chair's view and the follow-through selector run a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import Role
from reflection.plans.selectors import follow_through
from tests.conftest import sign_in
from tests.factories import BoardFactory, MembershipFactory, UserFactory
from tests.plans.factories import BoardActionFactory, CommitmentFactory, MilestoneFactory, in_days

pytestmark = pytest.mark.django_db


def _board(size):
    board = BoardFactory()
    chair = MembershipFactory(board=board, role=Role.CHAIR, user=UserFactory())
    for _ in range(size):
        member = MembershipFactory(board=board)
        commitment = CommitmentFactory(owner=member, due_date=in_days(-3))
        MilestoneFactory(commitment=commitment, due_date=in_days(-5))
        CommitmentFactory(owner=member, shared_at=None)
    BoardActionFactory(owner=chair)
    return board, chair.user


def _count(callable_):
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


@pytest.mark.parametrize("path", ["plans:board_plans", "plans:action_plan"])
def test_the_chairs_pages_do_not_grow_with_the_board(client, path):
    small_board, small_chair = _board(5)
    large_board, large_chair = _board(25)

    def visit(board, chair):
        sign_in(client, chair)
        response = client.get(reverse(path, args=[board.pk]))
        assert response.status_code == 200
        return response

    # Warm the per-process caches (site, content types) with both boards first: signing in
    # fills the content type cache a little more on each of the first visits.
    visit(small_board, small_chair)
    visit(large_board, large_chair)
    small = _count(lambda: visit(small_board, small_chair))
    large = _count(lambda: visit(large_board, large_chair))
    assert small == large


def test_follow_through_runs_four_queries_for_5_or_25_members(django_assert_num_queries):
    small, _ = _board(5)
    large, _ = _board(25)
    with django_assert_num_queries(4):
        figures = follow_through(small, owners=True)
    assert figures.members_total == 6  # five members and the chair
    assert figures.members_with_commitment == 5
    assert figures.shared_total == 5
    assert len(figures.overdue) == figures.overdue_count == 5
    with django_assert_num_queries(4):
        assert follow_through(small).overdue_count == 5  # counts only: the same four
    with django_assert_num_queries(4):
        figures = follow_through(large, owners=True)
    assert figures.members_with_commitment == 25
    assert figures.actions_total == 1
    assert figures.overdue[0].owner.user.email  # owners come with the same query

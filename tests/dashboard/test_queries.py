"""The dashboard, the board paper and each export run the same number of queries for boards of
5, 25 and 100 members (ten modules, three sessions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import sign_in
from tests.dashboard.factories import populated_board

SIZES = (5, 25, 100)
VIEWS = ("board_dashboard", "board_paper", "readiness_csv", "commitments_csv", "scores_csv")


@pytest.fixture
def boards(content):
    return {size: populated_board(content, members=size) for size in SIZES}


def _queries(client, board, view) -> int:
    sign_in(client, board.chair)
    url = reverse(f"dashboard:{view}", args=[board.pk])
    client.get(url)  # warm up per-process caches (content types, fonts)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_each_view_runs_the_same_queries_for_5_25_and_100_members(client, boards):
    counts = {
        view: {size: _queries(client, boards[size], view) for size in SIZES} for view in VIEWS
    }
    for view, by_size in counts.items():
        assert len(set(by_size.values())) == 1, f"{view}: {by_size}"
    assert counts["board_dashboard"][5] < 80, counts


def test_the_large_board_really_has_a_hundred_members_outstanding(client, boards):
    sign_in(client, boards[100].chair)
    response = client.get(reverse("dashboard:readiness_csv", args=[boards[100].pk]))
    assert len(response.content.decode().strip().splitlines()) == 1 + 100

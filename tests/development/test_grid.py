"""The facilitator's session page: members × modules, readiness, CSV."""

import csv
import io

import pytest
from django.test import override_settings
from django.urls import reverse

from learning.development.selectors import session_grid
from learning.models import Role
from modules.quizzes.models import Attempt
from tests.development.factories import assign, make_progress, module_page
from tests.factories import MembershipFactory, UserFactory
from tests.quizzes.factories import QuizFactory


def test_it_shows_each_members_status_and_how_many_are_ready(world, session, modules, signed_in):
    for module in modules:
        assign(session, module)
    make_progress(world.member, modules[0], "complete")
    make_progress(world.member, modules[1], "complete")
    make_progress(world.other_member, modules[0], "reading")
    response = signed_in(world.facilitator).get(
        reverse("development:session_detail", args=[session.pk])
    )
    content = response.content.decode()
    # Board A's members: member, other member and the chair (not the facilitator).
    assert "1 of 3 members ready" in content
    grid = response.context["grid"]
    assert {row.user for row in grid.rows} == {world.member, world.other_member, world.chair}
    statuses = {row.user: [cell.status for cell in row.cells] for row in grid.rows}
    assert statuses[world.member] == ["complete", "complete"]
    assert statuses[world.other_member] == ["reading", "not_started"]
    assert statuses[world.chair] == ["not_started", "not_started"]


def test_the_grid_shows_the_best_finished_knowledge_check_score(world, session, modules):
    assign(session, modules[0])
    quiz = QuizFactory(module=modules[0])
    now = session.created_at
    for number, (score, finished) in enumerate([(40, now), (80, now), (100, None)], start=1):
        Attempt.objects.create(
            user=world.member,
            quiz=quiz,
            number=number,
            started_at=now,
            finished_at=finished,
            pass_mark=70,
            feedback=quiz.feedback,
            score=score,
            passed=score >= 70,
        )
    rows = {row.user: row for row in session_grid(session).rows}
    assert rows[world.member].cells[0].score == 80
    assert rows[world.other_member].cells[0].score is None


def test_other_people_cannot_see_the_grid(world, session, signed_in, client):
    for person in (world.member, world.chair, world.other_chair):
        client.logout()
        response = signed_in(person).get(reverse("development:session_detail", args=[session.pk]))
        assert response.status_code == 404


def test_the_csv_has_a_row_per_member_and_defuses_formulas(world, session, modules, signed_in):
    assign(session, modules[0])
    MembershipFactory(
        board=world.board_a,
        role=Role.GOVERNOR,
        user=UserFactory(first_name="=HYPERLINK(1)", last_name="Smith"),
    )
    make_progress(world.member, modules[0], "complete")
    response = signed_in(world.facilitator).get(
        reverse("development:session_csv", args=[session.pk])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Name", "Email", "Role", "Ready"]
    assert len(rows) == 1 + 4
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email[world.member.email][3] == "Yes"
    assert by_email[world.member.email][4] == "Complete"
    assert any(row[0].startswith("'=HYPERLINK") for row in rows)


def _board_of(size, board, modules, session):
    MembershipFactory.create_batch(size, board=board)
    for membership in board.memberships.all():
        for index, module in enumerate(modules):
            if (membership.pk + index) % 3:
                make_progress(membership.user, module, "reading")


# Counted as computed, with the page-fragment cache off: a repeat visit served from it
# runs fewer (tests/performance/test_query_counts.py pins both).
@override_settings(BOARDREADY_FRAGMENTS=False)
@pytest.mark.parametrize("url_name", ["development:session_detail", "development:session_csv"])
def test_queries_do_not_grow_with_the_board(
    world, session, signed_in, django_assert_num_queries, url_name
):
    modules = [module_page(f"Module {n}") for n in range(6)]
    for module in modules:
        assign(session, module)
        QuizFactory(module=module)
    client = signed_in(world.facilitator)
    url = reverse(url_name, args=[session.pk])
    _board_of(2, world.board_a, modules, session)  # 5 members with the world's three
    client.get(url)  # warm caches (site root paths)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    assert len(session_grid(session).rows) == 5
    _board_of(20, world.board_a, modules, session)
    assert len(session_grid(session).rows) == 25
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200

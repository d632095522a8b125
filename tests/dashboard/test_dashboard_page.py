"""The dashboard page: every section, names of who is outstanding, suppression notices."""

from django.urls import reverse

from reflection.plans.models import Commitment
from tests.dashboard.factories import populated_board

HEADINGS = [
    "Readiness for the next session",
    "Readiness at past sessions",
    "Knowledge checks",
    "Self-assessment: the board&#x27;s combined scores",
    "Our position beside the national survey",
    "Following through on commitments",
    "Race equality data (WRES)",
    "Questions to ask for assurance",
    "How we protect members&#x27; privacy",
]


def _page(signed_in, user, board):
    response = signed_in(user).get(reverse("dashboard:board_dashboard", args=[board.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_chair_sees_every_section_with_charts_and_tables(signed_in, board):
    html = _page(signed_in, board.chair, board)
    for heading in HEADINGS:
        assert heading in html
    # Seven charts, each with its table: the seventh is the self-assessment trend across the
    # board's closed rounds (the dashboard factory closes two of them).
    assert html.count('role="img"') == 7
    assert html.count('<details class="nhsuk-details br-chart-table">') == 7
    assert "Show the figures as a table" in html
    assert " style=" not in html


def test_it_names_the_members_who_have_not_finished_the_reading(signed_in, board):
    html = _page(signed_in, board.chair, board)
    assert "Members who still have reading to finish" in html
    assert f"Person5 Board{board.pk}" in html  # finished nothing
    assert "5 of 6 members" not in html


def test_the_chair_sees_overdue_commitments_with_their_owners(signed_in, board):
    overdue = Commitment.objects.filter(owner__board=board, due_date__lt="2999-01-01").first()
    html = _page(signed_in, board.chair, board)
    assert "Overdue commitments and their owners" in html
    assert overdue.title in html


def test_the_facilitator_sees_counts_of_overdue_commitments_only(signed_in, board):
    html = _page(signed_in, board.facilitator, board)
    assert "Overdue commitments and their owners" not in html
    assert "2 shared commitments are overdue" in html
    for title in Commitment.objects.filter(owner__board=board).values_list("title", flat=True):
        assert title not in html
    assert reverse("dashboard:commitments_csv", args=[board.pk]) not in html


def test_a_small_board_sees_suppression_notices_and_no_figures(signed_in, world, content):
    small = populated_board(content, members=4)
    html = _page(signed_in, small.chair, small)
    assert html.count("Not enough answers to show") == 2
    assert "Some results are not shown" in html
    assert "The board&#x27;s mean score for each dimension" not in html
    assert "Members who passed each knowledge check" in html  # the table, without figures
    assert "chart-pass-rates" not in html


def test_the_nav_links_to_the_dashboard_for_the_chair_and_facilitator_only(signed_in, world):
    url = f'href="{reverse("dashboard:board_dashboard", args=[world.board_a.pk])}"'
    home = reverse("member_home")
    assert url in signed_in(world.chair).get(home).content.decode()
    assert url in signed_in(world.facilitator).get(home).content.decode()
    assert url not in signed_in(world.member).get(home).content.decode()


def test_an_empty_board_says_what_is_missing(signed_in, world):
    html = _page(signed_in, world.chair, world.board_a)
    assert "No session is planned" in html
    assert "No session has taken place yet" in html
    assert "No self-assessment round has closed yet." in html

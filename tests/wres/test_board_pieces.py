"""The pieces the chair's dashboard and board paper use: selector, include and PDF section."""

from io import BytesIO

import pytest
from django.template.loader import render_to_string
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import SimpleDocTemplate

from learning.wres.pdf import board_paper_flowables
from learning.wres.selectors import latest_indicators_for_board
from tests.wres.factories import save_year

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("years", [1, 5])
def test_the_selector_takes_two_queries_however_many_years(world, django_assert_num_queries, years):
    for start in range(2025 - years + 1, 2026):
        save_year(world.board_a.organisation, year=f"{start}/{(start + 1) % 100:02d}")
    with django_assert_num_queries(2):
        summary = latest_indicators_for_board(world.board_a)
    assert summary.year == "2025/26"
    assert len(summary.indicators) == 9
    assert len(summary.indicators[1].history) == years


def test_the_selector_says_when_nothing_is_entered(world):
    summary = latest_indicators_for_board(world.board_a)
    assert not summary.has_figures
    assert summary.indicators == []


def test_the_dashboard_include_shows_the_nine_sentences(world):
    save_year(world.board_a.organisation, year="2024/25", appointed=(50, 20, 5))
    save_year(world.board_a.organisation)
    html = render_to_string(
        "wres/includes/dashboard_section.html",
        {"wres": latest_indicators_for_board(world.board_a)},
    )
    assert "Race equality data (WRES), 2025/26" in html
    assert html.count('scope="row"') == 9
    assert "White applicants were 1.6 times as likely" in html
    assert "Since 2024/25" in html


def test_the_dashboard_include_says_when_nothing_is_entered(world):
    html = render_to_string(
        "wres/includes/dashboard_section.html",
        {"wres": latest_indicators_for_board(world.board_b)},
    )
    assert "No Workforce Race Equality Standard figures" in html


def test_the_pdf_section_builds_into_a_document(world):
    save_year(world.board_a.organisation, year="2024/25")
    save_year(world.board_a.organisation)
    flowables = board_paper_flowables(world.board_a, getSampleStyleSheet())
    assert len(flowables) == 14  # page-break guard, heading, intro, table, spacer, 9 indicators
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(flowables)  # build() consumes the list
    assert buffer.getvalue().startswith(b"%PDF")


def test_the_pdf_section_takes_a_plain_style_dict(world):
    styles = getSampleStyleSheet()
    plain = {"h1": styles["Heading1"], "body": styles["BodyText"]}
    flowables = board_paper_flowables(world.board_b, plain)
    assert "No Workforce Race Equality Standard figures" in flowables[-1].text
    SimpleDocTemplate(BytesIO(), pagesize=A4).build(flowables)

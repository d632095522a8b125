"""The latest year's WRES indicators on the dashboard and in the board paper."""

from tests.dashboard.support import get, pdf_text
from tests.wres.factories import save_year


def test_dashboard_and_paper_show_the_latest_years_indicators(client, board):
    save_year(board.organisation, year="2024/25")
    save_year(board.organisation, year="2025/26")
    html = get(client, board.chair, "board_dashboard", board).content.decode()
    assert "The nine WRES indicators, 2025/26" in html
    assert "Since 2024/25" in html
    assert "times as likely" in html
    text = pdf_text(get(client, board.chair, "board_paper", board))
    assert "The nine WRES indicators, 2025/26" in text


def test_it_says_plainly_when_no_figures_have_been_entered(client, board):
    html = get(client, board.chair, "board_dashboard", board).content.decode()
    assert "No Workforce Race Equality Standard figures have been entered" in html

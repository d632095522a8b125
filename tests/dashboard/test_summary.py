"""The board paper's generated summary: three to five sentences from the figures."""

from learning.dashboard.selectors import board_dashboard
from learning.dashboard.summary import summary_sentences
from tests.dashboard.factories import populated_board


def test_a_board_with_every_figure_gets_five_sentences(board):
    sentences = summary_sentences(board_dashboard(board, sees_commitments=True))
    assert len(sentences) == 5
    assert sentences[0].startswith("1 of 6 members (17%) have finished the reading")
    assert "67% of members had done the reading, against 50%" in sentences[1]
    assert sentences[-1] == (
        "100% of members have shared an equality commitment, and 2 shared commitments are overdue."
    )


def test_a_new_board_still_gets_three_sentences(world):
    sentences = summary_sentences(board_dashboard(world.board_a, sees_commitments=True))
    assert sentences == [
        "No board development session is planned yet.",
        "No session has taken place yet, so there is no earlier readiness to compare.",
        "0% of members have shared an equality commitment, and 0 shared commitments are overdue.",
    ]


def test_a_small_board_is_told_its_results_are_hidden(world, content):
    small = populated_board(content, members=4)
    sentences = summary_sentences(board_dashboard(small, sees_commitments=True))
    assert 3 <= len(sentences) <= 5
    assert any("fewer than 5 members have finished any check" in s for s in sentences)
    assert any("fewer than 5 answers, so its results are not shown" in s for s in sentences)

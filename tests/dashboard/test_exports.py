"""The CSV exports: the readiness grid, shared commitments and combined scores."""

import csv
import io

from django.template.defaultfilters import floatformat
from django.utils import timezone

from learning.audit.models import AuditEvent
from learning.models import Membership
from learning.privacy import withheld
from reflection.assessment.models import Round
from reflection.assessment.selectors import round_summary
from reflection.plans.services import commitment_create
from tests.dashboard.factories import populated_board
from tests.dashboard.support import get


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_readiness_grid_has_a_row_per_member_and_a_column_per_module(client, board):
    rows = _rows(get(client, board.chair, "readiness_csv", board))
    assert rows[0][:3] == ["Member", "Role", "Ready"]
    assert rows[0][3:] == [f"Dashboard module {n}: status" for n in range(7, 11)]
    assert len(rows) == 1 + 6
    ready = {row[0]: row[2] for row in rows[1:]}
    assert ready[f"Person4 Board{board.pk}"] == "Yes"
    assert ready[f"Person0 Board{board.pk}"] == "No"


def _commit(board, title: str, *, share: bool = True) -> None:
    """A new commitment by one of the board's non-executive directors."""
    member = Membership.objects.filter(board=board, role="non_executive_director").first()
    commitment_create(
        owner=member,
        title=title,
        area=3,
        success_measure="We can show it.",
        due_date=timezone.localdate(),
        share=share,
    )


def test_the_commitments_export_lists_shared_commitments_only(client, board):
    _commit(board, "Kept as a draft", share=False)
    rows = _rows(get(client, board.chair, "commitments_csv", board))
    titles = [row[2] for row in rows[1:]]
    assert len(titles) == 6
    assert "Kept as a draft" not in titles


def test_the_facilitator_cannot_download_commitments(client, board):
    assert get(client, board.facilitator, "commitments_csv", board).status_code == 404


def test_cells_that_look_like_formulas_are_made_harmless(client, board):
    _commit(board, '=HYPERLINK("http://evil.example")')
    titles = [row[2] for row in _rows(get(client, board.chair, "commitments_csv", board))]
    assert '\'=HYPERLINK("http://evil.example")' in titles


def test_the_scores_export_has_the_combined_figures_and_national_ones(client, board):
    rows = _rows(get(client, board.chair, "scores_csv", board))
    by_figure = {(row[0], row[4]): row for row in rows[1:]}
    latest = round_summary(Round.objects.get(board=board, title="Latest")).aggregate
    expected = {figure.label: figure for figure in latest.dimensions}["Drive"]
    drive = by_figure[("Latest", "Drive")]
    assert drive[3] == "6"
    assert drive[5] == floatformat(expected.mean, 1)
    assert drive[10] == floatformat(expected.change, 1)
    assert expected.change > 0  # the baseline round's answers were lower
    networks = by_figure[("Our position", "More leadership focus on staff networks")]
    assert networks[11] == "85%"


def test_the_scores_export_is_suppressed_for_a_small_board(client, world, content):
    small = populated_board(content, members=4)
    rows = _rows(get(client, small.chair, "scores_csv", small))
    assert len(rows) == 1 + 2
    for row in rows[1:]:
        assert row[3] == withheld(5)
        assert row[4] == "Not shown"
        assert set(row[5:]) == {""}


def test_each_export_is_audited(client, board):
    for view in ("readiness_csv", "commitments_csv", "scores_csv"):
        get(client, board.chair, view, board)
    targets = set(
        AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT_DOWNLOADED).values_list(
            "target", flat=True
        )
    )
    assert targets == {
        f"learning.board:{board.pk}/readiness",
        f"learning.board:{board.pk}/commitments",
        f"learning.board:{board.pk}/scores",
    }


def test_negative_numbers_stay_numbers():
    from learning.dashboard.exports import _cell

    assert _cell("-0.3") == "-0.3"
    assert _cell("-1+2") == "'-1+2"

"""Access rows for the chair's dashboard, the board paper and the CSV exports."""

from django.urls import reverse

from tests.access.table import Row, signed_in


def _url(name):
    return lambda w: reverse(f"dashboard:{name}", args=[w.board_a.pk])


LEADERS_ONLY = signed_in(404, facilitator=200, chair=200)
CHAIR_ONLY = signed_in(404, chair=200)

ROWS = [
    Row("board dashboard", _url("board_dashboard"), LEADERS_ONLY),
    Row("board paper pdf", _url("board_paper"), LEADERS_ONLY),
    Row("board paper docx", _url("board_paper_docx"), LEADERS_ONLY),
    Row("board readiness csv", _url("readiness_csv"), LEADERS_ONLY),
    Row("board scores csv", _url("scores_csv"), LEADERS_ONLY),
    # The facilitator sees counts of commitments only, never the commitments themselves.
    Row("board commitments csv", _url("commitments_csv"), CHAIR_ONLY),
    Row(
        "board dashboard of a board that does not exist",
        lambda w: reverse("dashboard:board_dashboard", args=[999999]),
        signed_in(404),
    ),
]

ROWS += [
    # The cover-sheet form that makes the board paper: the chair's only.
    Row("board paper form", _url("board_paper_form"), CHAIR_ONLY),
]

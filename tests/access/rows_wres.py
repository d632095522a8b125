"""Access rows for the WRES workbook: people on the organisation's boards see it; only the
chair and facilitator enter or upload figures; everyone else gets 404."""

from django.urls import reverse

from tests.access.table import Row, signed_in
from tests.wres.factories import save_year

SEE = signed_in(200, other_chair=404, editor=404)
LEAD = signed_in(404, facilitator=200, chair=200)


def _with_year(world):
    save_year(world.board_a.organisation)
    return world.board_a.pk


ROWS = [
    Row("wres workbook", lambda w: reverse("wres:workbook", args=[_with_year(w)]), SEE),
    Row(
        "wres workbook for a year",
        lambda w: reverse("wres:workbook_year", args=[_with_year(w), "2025-26"]),
        SEE,
    ),
    Row("wres template csv", lambda w: reverse("wres:template_csv"), signed_in(200)),
    Row("wres enter figures", lambda w: reverse("wres:figures_enter", args=[w.board_a.pk]), LEAD),
    Row(
        "wres enter figures (post)",
        lambda w: reverse("wres:figures_enter", args=[w.board_a.pk]),
        LEAD,
        method="post",
    ),
    Row(
        "wres change figures",
        lambda w: reverse("wres:figures_edit", args=[_with_year(w), "2025-26"]),
        LEAD,
    ),
    Row("wres upload", lambda w: reverse("wres:figures_upload", args=[w.board_a.pk]), LEAD),
    Row(
        "wres upload (post)",
        lambda w: reverse("wres:figures_upload", args=[w.board_a.pk]),
        LEAD,
        method="post",
    ),
]

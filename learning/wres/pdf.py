"""The WRES section of the PDF board paper, as reportlab platypus flowables.

`board_paper_flowables(board, styles)` gives a heading, a table of the latest year's nine
indicators with their direction of travel, each indicator's sentence and rule, and a trend
chart per indicator. `styles` may be the board paper's own style dict (keys such as "h1",
"body", "caption", "cell", "head") or a reportlab stylesheet ("Heading2", "BodyText").
"""

from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib import colors
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from learning.models import Board

from .selectors import IndicatorView, latest_indicators_for_board
from .trend_charts import indicator_drawing
from .trends import DIRECTION_LABELS

DEFAULT_WIDTH = 170 * mm  # A4 less 20 mm margins
_FALLBACK = {
    "h1": ("h1", "Heading2"),
    "h2": ("h2", "caption", "Heading3"),
    "body": ("body", "BodyText"),
    "cell": ("cell", "BodyText"),
    "head": ("head", "BodyText"),
}


def _style(styles, role: str):
    for name in _FALLBACK[role]:
        try:
            return styles[name]
        except KeyError:
            continue
    return getSampleStyleSheet()[_FALLBACK[role][-1]]


def _paragraph(text, styles, role: str) -> Paragraph:
    return Paragraph(escape(str(text)), _style(styles, role))


def _fitted(drawing: Drawing, width: float) -> Drawing:
    scale = min(1.0, width / drawing.width)
    group = Group(*drawing.contents)
    group.scale(scale, scale)
    fitted = Drawing(drawing.width * scale, drawing.height * scale)
    fitted.add(group)
    return fitted


def _direction(view: IndicatorView) -> str:
    if view.direction is None:
        return _("No earlier figure")
    return str(DIRECTION_LABELS[view.direction])


def _summary_table(workbook, styles, width: float) -> Table:
    since = (
        _("Since %(year)s") % {"year": workbook.previous_year}
        if workbook.previous_year
        else _("Change")
    )
    head = [_paragraph(text, styles, "head") for text in (_("Indicator"), _("Figure"), since)]
    rows = [
        [
            _paragraph(view.title, styles, "cell"),
            _paragraph(view.value_text or _("Not given"), styles, "cell"),
            _paragraph(_direction(view), styles, "cell"),
        ]
        for view in workbook.indicators
    ]
    table = Table([head, *rows], colWidths=[width - 60 * mm, 28 * mm, 32 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.HexColor("#212b32")),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, colors.HexColor("#d8dde0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def board_paper_flowables(board: Board, styles, *, width: float = DEFAULT_WIDTH) -> list:
    """The WRES section for `board`'s organisation: two queries, however many years."""
    workbook = latest_indicators_for_board(board)
    flow: list = [CondPageBreak(40 * mm)]
    if not workbook.has_figures:
        flow.append(_paragraph(_("Race equality data (WRES)"), styles, "h1"))
        flow.append(
            _paragraph(
                _("No Workforce Race Equality Standard figures have been entered yet."),
                styles,
                "body",
            )
        )
        return flow
    flow += [
        _paragraph(
            _("Race equality data (WRES), %(year)s") % {"year": workbook.year}, styles, "h1"
        ),
        _paragraph(
            _(
                "The organisation's nine Workforce Race Equality Standard indicators for the "
                "latest year, with the change from the year before. WRES says BME (black and "
                "minority ethnic)."
            ),
            styles,
            "body",
        ),
        _summary_table(workbook, styles, width),
        Spacer(1, 4 * mm),
    ]
    for view in workbook.indicators:
        flow.append(
            KeepTogether(
                [
                    _paragraph(view.title, styles, "h2"),
                    _paragraph(view.sentence, styles, "body"),
                    _paragraph(
                        _("Direction of travel: %(direction)s. %(rule)s")
                        % {"direction": _direction(view), "rule": view.rule},
                        styles,
                        "body",
                    ),
                    _fitted(indicator_drawing(view), width),
                    Spacer(1, 4 * mm),
                ]
            )
        )
    return flow

"""The board paper: the dashboard as an A4 PDF built with reportlab platypus.

The text is real (selectable) text in a TrueType font (DejaVu Sans, or the Vera it grew from,
which ships inside reportlab) embedded in the file, so the paper looks the same everywhere and no
system font package is needed. Charts are the dashboard's own Drawings, set in the same font.
"""

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle as PdfTableStyle

from .blocks import Bullets, Chart, Notice, Section, Table, Text
from .formatting import day, moment
from .selectors import BoardDashboard

FONT = "BoardReadySans"
FONT_BOLD = "BoardReadySans-Bold"
_STYLES = (FONT, FONT_BOLD, "BoardReadySans-Italic", "BoardReadySans-BoldItalic")
# DejaVu Sans (Debian's fonts-dejavu-core) is Vera with far more letters, such as the ś in
# Wiśniewska, so it is used where installed. Vera ships inside reportlab, so the paper never
# needs a system package; it covers Western European letters only.
_FONT_SETS = (
    (
        Path("/usr/share/fonts/truetype/dejavu"),
        (
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
    ),
    (
        Path(reportlab.__file__).parent / "fonts",
        ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf"),
    ),
)

NHS_BLUE = colors.HexColor("#005eb8")
NHS_TEXT = colors.HexColor("#212b32")
NHS_GREY = colors.HexColor("#4c6272")
NHS_PALE = colors.HexColor("#f0f4f5")
NHS_BORDER = colors.HexColor("#d8dde0")
NHS_WARNING = colors.HexColor("#ffeb3b")
MARGIN = 20 * mm
NUMERIC_WIDTH = 26 * mm


def register_fonts() -> None:
    """Registers the font family with reportlab once per process: DejaVu Sans if installed,
    else the Vera fonts inside reportlab."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for folder, files in _FONT_SETS:
        paths = [folder / name for name in files]
        if all(path.is_file() for path in paths):
            break
    for name, path in zip(_STYLES, paths, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=_STYLES[0], bold=_STYLES[1], italic=_STYLES[2], boldItalic=_STYLES[3]
    )


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=NHS_TEXT, spaceAfter=6
    )
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        "cell-numeric": ParagraphStyle(
            "cell-numeric", parent=body, fontSize=9, leading=12, spaceAfter=0, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12),
        "head-numeric": ParagraphStyle(
            "head-numeric",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            alignment=TA_RIGHT,
        ),
        "caption": ParagraphStyle(
            "caption", parent=body, fontName=FONT_BOLD, fontSize=10, spaceBefore=6
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceBefore=10,
            spaceAfter=8, textColor=NHS_BLUE,
        ),
        "cover-title": ParagraphStyle(
            "cover-title", parent=body, fontName=FONT_BOLD, fontSize=26, leading=32,
            textColor=NHS_BLUE, spaceAfter=14,
        ),
        "cover": ParagraphStyle("cover", parent=body, fontSize=13, leading=19, spaceAfter=4),
        "private": ParagraphStyle(
            "private", parent=body, fontName=FONT_BOLD, fontSize=13, leading=18,
            textColor=colors.white, backColor=NHS_BLUE, borderPadding=(6, 8, 6, 8),
            spaceBefore=18, spaceAfter=18,
        ),
    }  # fmt: skip


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def pdf_drawing(drawing: Drawing, width: float) -> Drawing:
    """A chart Drawing set in the embedded font and scaled down to fit `width` points."""

    def embed(node) -> None:
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                # Vera runs wider than the font the chart was laid out in: shrink each label
                # so it takes the same width, and the layout still fits.
                planned = stringWidth(child.text, child.fontName, child.fontSize)
                actual = stringWidth(child.text, FONT, child.fontSize)
                if actual > planned > 0:
                    child.fontSize *= planned / actual
                child.fontName = FONT
            embed(child)

    embed(drawing)
    scale = min(1.0, width / drawing.width)
    group = Group(*drawing.contents)
    group.scale(scale, scale)
    fitted = Drawing(drawing.width * scale, drawing.height * scale)
    fitted.initialFontName = FONT  # the renderer otherwise starts in unembedded Helvetica
    fitted.add(group)
    return fitted


def _column_widths(table: Table, width: float) -> list[float]:
    """Numeric columns just wide enough for their longest heading word; text shares the rest."""
    numeric = {
        index: max(
            NUMERIC_WIDTH,
            14 + max(stringWidth(word, FONT_BOLD, 9) for word in table.columns[index].split()),
        )
        for index in table.numeric
    }
    text_columns = len(table.columns) - len(numeric)
    text_width = (width - sum(numeric.values())) / max(text_columns, 1)
    return [numeric.get(index, text_width) for index in range(len(table.columns))]


def _table(table: Table, styles, width: float) -> list:
    widths = _column_widths(table, width)
    head = [
        _paragraph(column, styles["head-numeric" if numeric_column else "head"])
        for column, numeric_column in table.headings()
    ]
    body = [
        [
            _paragraph(cell, styles["cell-numeric" if numeric_cell else "cell"])
            for cell, numeric_cell in row
        ]
        for row in table.cells()
    ]
    grid = PdfTable([head, *body], colWidths=widths, repeatRows=1)
    grid.setStyle(
        PdfTableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEBELOW", (0, 0), (-1, 0), 1, NHS_TEXT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, NHS_BORDER),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [_paragraph(table.caption, styles["caption"]), grid, Spacer(1, 4 * mm)]


def _notice(notice: Notice, styles, width: float) -> list:
    box = PdfTable(
        [
            [_paragraph(notice.heading, styles["head"])],
            [_paragraph(notice.text, styles["cell"])],
        ],
        colWidths=[width],
    )
    box.setStyle(
        PdfTableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), NHS_PALE),
                ("LINEBEFORE", (0, 0), (0, -1), 4, NHS_WARNING),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [KeepTogether([box]), Spacer(1, 4 * mm)]


def _block(block, styles, width: float) -> list:
    if isinstance(block, Text):
        return [_paragraph(block.text, styles["body"])]
    if isinstance(block, Notice):
        return _notice(block, styles, width)
    if isinstance(block, Bullets):
        items = [ListItem(_paragraph(item, styles["body"])) for item in block.items]
        return [ListFlowable(items, bulletType="bullet", leftIndent=12, bulletFontName=FONT)]
    if isinstance(block, Chart):
        picture = [
            _paragraph(block.title, styles["caption"]),
            pdf_drawing(block.draw(), width),
            Spacer(1, 2 * mm),
        ]
        return [KeepTogether(picture), *_table(block.table, styles, width)]
    return _table(block, styles, width)


def _section(section: Section, styles, width: float) -> list:
    flow = [CondPageBreak(40 * mm), _paragraph(section.heading, styles["h1"])]
    for block in section.blocks:
        flow.extend(_block(block, styles, width))
    return flow


def _numbered_canvas(footer: str):
    """A canvas class that writes "Page n of N" and the footer once every page is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(NHS_GREY)
            width, _height = self._pagesize
            self.drawString(MARGIN, 12 * mm, footer)
            self.drawRightString(
                width - MARGIN,
                12 * mm,
                _("Page %(page)s of %(total)s") % {"page": self._pageNumber, "total": total},
            )
            self.restoreState()

    return NumberedCanvas


def board_paper_title(data: BoardDashboard) -> str:
    return _("Board readiness: %(organisation)s, %(board)s") % {
        "organisation": data.board.organisation.name,
        "board": data.board.name,
    }


def board_paper_pdf(
    data: BoardDashboard, sections: list[Section], summary: list[str], *, author: str
) -> bytes:
    """The board paper: a cover, the summary, then every dashboard section with its charts
    and tables. Page numbers, the time it was made and the privacy rule are on every page."""
    register_fonts()
    styles = _styles()
    board = data.board
    title = board_paper_title(data)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        subject=_("Board development: readiness and follow-through"),
        creator="BoardReady",
        initialFontName=FONT,  # so no unembedded standard font is listed at all
        keywords=[str(board.organisation), str(board)],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
    )
    width = document.width
    generated = moment(data.generated_at)
    flow = [
        Spacer(1, 30 * mm),
        _paragraph(_("Board paper"), styles["cover"]),
        _paragraph(title, styles["cover-title"]),
        _paragraph(_("Board: %(board)s") % {"board": board.name}, styles["cover"]),
        _paragraph(
            _("Organisation: %(organisation)s") % {"organisation": board.organisation.name},
            styles["cover"],
        ),
        _paragraph(_("Date: %(day)s") % {"day": day(data.generated_at)}, styles["cover"]),
        _paragraph(_("Private: board development"), styles["private"]),
        _paragraph(_("Generated at %(moment)s (UK time).") % {"moment": generated}, styles["body"]),
        PageBreak(),
        _paragraph(_("Summary"), styles["h1"]),
        *[_paragraph(sentence, styles["body"]) for sentence in summary],
    ]
    for section in sections:
        flow.extend(_section(section, styles, width))
    footer = _("Private: board development · generated %(moment)s") % {"moment": generated}
    document.build(flow, canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()

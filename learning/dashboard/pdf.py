"""The board paper: the dashboard as an A4 PDF built with reportlab platypus.

The text is real (selectable) text in a TrueType font (DejaVu Sans, or the Vera it grew from,
which ships inside reportlab) embedded in the file, so the paper looks the same everywhere and no
system font package is needed. Charts are the dashboard's own Drawings, set in the same font.
"""

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import reportlab
from django.utils import timezone
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
from .models import Purpose
from .sections import privacy_note
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
CHART_SHARE = 0.62  # charts take under three-quarters of the width, so the paper stays short

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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
            "caption", parent=body, fontName=FONT_BOLD, fontSize=10, spaceBefore=6,
            keepWithNext=1,
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceBefore=10,
            spaceAfter=8, textColor=NHS_BLUE, keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=8,
            spaceAfter=4, keepWithNext=1,
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


def _paragraph(text: "StrOrPromise", style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


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


def _longest_word(texts, font: str) -> float:
    """The width of the longest single word in `texts`: a column narrower than this would
    break a word ("Novem ber") or a figure ("29. 1%") across lines."""
    return max(
        (stringWidth(word, font, 9) for text in texts for word in str(text).split()), default=0
    )


def _column_widths(table: Table, width: float) -> list[float]:
    """Numeric columns just wide enough for their longest heading word; text columns share
    the rest in proportion to their longest text (capped), so a column of sentences such as
    "What it means" gets the room it needs. No column is narrower than its longest word."""
    padding = 14
    numeric = {
        index: max(
            NUMERIC_WIDTH,
            padding + _longest_word([table.columns[index]], FONT_BOLD),
            padding + _longest_word([row[index] for row in table.rows], FONT),
        )
        for index in table.numeric
    }
    text_indexes = [index for index in range(len(table.columns)) if index not in numeric]
    if not text_indexes:
        return [numeric[index] for index in range(len(table.columns))]
    floors = {
        index: padding
        + max(
            _longest_word([table.columns[index]], FONT_BOLD),
            _longest_word([row[index] for row in table.rows], FONT),
        )
        for index in text_indexes
    }
    weights = {}
    for index in text_indexes:
        longest = max(
            [len(str(table.columns[index]))] + [len(str(row[index])) for row in table.rows]
        )
        weights[index] = min(max(longest, 8), 60)
    text_width = width - sum(numeric.values())
    total = sum(weights.values())
    widths = {index: text_width * weights[index] / total for index in text_indexes}
    # Columns below their floor take it; the others give up room in proportion.
    short = {index for index in text_indexes if widths[index] < floors[index]}
    if short and len(short) < len(text_indexes):
        spare = text_width - sum(floors[index] for index in short)
        rest = [index for index in text_indexes if index not in short]
        rest_total = sum(weights[index] for index in rest)
        widths = {index: floors[index] for index in short} | {
            index: spare * weights[index] / rest_total for index in rest
        }
    return [
        numeric[index] if index in numeric else widths[index] for index in range(len(table.columns))
    ]


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
            pdf_drawing(block.draw(), width * CHART_SHARE),
            Spacer(1, 2 * mm),
        ]
        return [KeepTogether(picture), *_table(block.table, styles, width)]
    return _table(block, styles, width)


def _section(section: Section, styles, width: float, *, heading: str | None = None) -> list:
    flow = [CondPageBreak(40 * mm), _paragraph(heading or section.heading, styles["h1"])]
    for block in section.blocks:
        flow.extend(_block(block, styles, width))
    return flow


def _blocks(
    section: Section, styles, width: float, appendix: list, *, heading: str | None = None
) -> list:
    """A section's blocks under a second-level heading in the short report. A chart keeps its
    picture here and its figures go to the appendix table it names; so do tables longer than
    a few rows."""
    flow = [CondPageBreak(30 * mm), _paragraph(heading or section.heading, styles["h2"])]
    for block in section.blocks:
        if isinstance(block, Chart) or (isinstance(block, Table) and len(block.rows) > 4):
            table = block.table if isinstance(block, Chart) else block
            number = f"D{len(appendix) + 1}"
            appendix.append((number, table))
            if isinstance(block, Chart):
                flow.append(
                    KeepTogether(
                        [
                            _paragraph(block.title, styles["caption"]),
                            pdf_drawing(block.draw(), width * CHART_SHARE),
                        ]
                    )
                )
            note = _("Figures: table %(number)s in Appendix D, %(caption)s.")
            flow.append(
                _paragraph(note % {"number": number, "caption": table.caption}, styles["body"])
            )
        else:
            flow.extend(_block(block, styles, width))
    return flow


def _appendix_tables(appendix: list, styles, width: float) -> list:
    flow = [
        CondPageBreak(40 * mm),
        _paragraph(_("Appendix D. Figures behind the report"), styles["h1"]),
    ]
    for number, table in appendix:
        titled = Table(
            caption=f"{number}. {table.caption}",
            columns=table.columns,
            rows=table.rows,
            numeric=table.numeric,
        )
        flow.extend(_table(titled, styles, width))
    return flow


def numbered_canvas(footer: str, header: str = ""):
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
            if header:
                self.setFont(FONT_BOLD, 10)
                self.setFillColor(NHS_TEXT)
                self.drawString(MARGIN, self._pagesize[1] - 12 * mm, header)
            self.restoreState()

    return NumberedCanvas


def board_paper_title(data: BoardDashboard) -> str:
    return _("Board readiness: %(organisation)s, %(board)s") % {
        "organisation": data.board.organisation.name,
        "board": data.board.name,
    }


@dataclass
class Cover:
    """The cover sheet's fields, from the chair's form (or the remembered defaults)."""

    meeting: str
    meeting_date: date
    agenda_item: str
    purpose: str
    presenter: str
    asked_to: str
    include_names: bool = False


PRIVATE_NAMED = "Private: contains named information"


def _cover_sheet(data, cover: Cover, summary: list[str], styles, width: float, *, author: str):
    title = board_paper_title(data)
    purposes = [
        ("☒ " if value == cover.purpose else "☐ ") + str(label) for value, label in Purpose.choices
    ]
    rows = [
        (_("Meeting"), cover.meeting),
        (_("Date of meeting"), day(cover.meeting_date)),
        (_("Agenda item"), cover.agenda_item or _("Not given")),
        (_("Title"), title),
        (_("Presented by"), cover.presenter),
        (_("Prepared by"), author),
        (_("Purpose"), "   ".join(purposes)),
    ]
    grid = PdfTable(
        [
            [_paragraph(label, styles["head"]), _paragraph(value, styles["cell"])]
            for label, value in rows
        ],
        colWidths=[42 * mm, width - 42 * mm],
    )
    grid.setStyle(
        PdfTableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (0, -1), NHS_PALE),
                ("GRID", (0, 0), (-1, -1), 0.5, NHS_BORDER),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    flow = [
        _paragraph(_("Board paper"), styles["cover"]),
        _paragraph(title, styles["cover-title"]),
        grid,
        Spacer(1, 6 * mm),
        _paragraph(_("Executive summary"), styles["h2"]),
        *[_paragraph(sentence, styles["body"]) for sentence in summary[:2]],
        _paragraph(_("The board is asked to"), styles["h2"]),
        _paragraph(cover.asked_to, styles["body"]),
        _paragraph(_("Links and impact"), styles["h2"]),
        _paragraph(
            _(
                "Strategic objectives, board assurance framework risks and the equality and "
                "quality impact: to be completed by the board secretary in the trust's template."
            ),
            styles["body"],
        ),
    ]
    if cover.include_names:
        flow.append(_paragraph(_(PRIVATE_NAMED), styles["private"]))
    else:
        flow.append(
            _paragraph(
                _("This paper names no member: figures are counts and percentages only."),
                styles["body"],
            )
        )
    return flow


def _by_key(sections: list[Section]) -> dict[str, Section]:
    return {section.key: section for section in sections}


def _headline_wres(section: Section) -> Section:
    """The WRES section without its "What it means" column: the full table is an appendix."""
    short = Section(section.key, section.heading)
    for block in section.blocks:
        if isinstance(block, Table) and len(block.columns) == 4:
            short.add(
                Table(
                    caption=block.caption,
                    columns=block.columns[:3],
                    rows=[row[:3] for row in block.rows],
                )
            )
        else:
            short.add(block)
    return short


def _headline_flow(section: Section, styles, width: float) -> list:
    """The WRES headline figures in the report itself (the short table stays here); what each
    figure means is in Appendix B."""
    flow = [_paragraph(section.heading, styles["h2"])]
    for block in section.blocks:
        flow.extend(_block(block, styles, width))
    flow.append(
        _paragraph(
            _("What each figure means: Appendix B, WRES indicators in full."), styles["body"]
        )
    )
    return flow


def board_paper_pdf(
    data: BoardDashboard,
    sections: list[Section],
    summary: list[str],
    *,
    author: str,
    cover: Cover | None = None,
) -> bytes:
    """The board paper: a cover sheet, a one-page summary, a short report in six numbered
    parts, then appendices with the detailed tables. Page numbers, the time it was made and
    (with names) "Private: contains named information" are on every page."""
    register_fonts()
    styles = _styles()
    board = data.board
    title = board_paper_title(data)
    cover = cover or Cover(
        meeting=_("Board meeting"),
        meeting_date=timezone.localdate(data.generated_at),
        agenda_item="",
        purpose=Purpose.ASSURANCE,
        presenter=author,
        asked_to=_("Note the board's readiness and follow-through, and discuss the questions."),
    )
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
    parts = _by_key(sections)
    h1 = styles["h1"]
    appendix: list = []
    flow = _cover_sheet(data, cover, summary, styles, width, author=author)
    flow += [
        PageBreak(),
        _paragraph(_("1. Summary"), h1),
        *[_paragraph(sentence, styles["body"]) for sentence in summary],
        _paragraph(
            _(
                "The report that follows gives the figures behind each sentence. Detailed "
                "tables are in the appendices."
            ),
            styles["body"],
        ),
        CondPageBreak(60 * mm),
        _paragraph(_("2. Readiness for the next and recent sessions"), h1),
        *_blocks(parts["next-session"], styles, width, appendix),
        *_blocks(parts["past-sessions"], styles, width, appendix),
        CondPageBreak(45 * mm),
        _paragraph(_("3. Self-assessment beside the national survey"), h1),
        _paragraph(
            _(
                "The national figures come from a survey of other boards, asked in a different "
                "way at a different time: the comparison is indicative only."
            ),
            styles["body"],
        ),
        *_blocks(parts["self-assessment"], styles, width, appendix),
        *_blocks(parts["national"], styles, width, appendix),
        CondPageBreak(45 * mm),
        _paragraph(_("4. Follow-through on commitments by area"), h1),
        *_blocks(parts["commitments"], styles, width, appendix, heading=_("Shared commitments")),
        CondPageBreak(45 * mm),
        _paragraph(_("5. Workforce Race Equality Standard: headline indicators"), h1),
        *_headline_flow(_headline_wres(parts["wres"]), styles, width),
        CondPageBreak(45 * mm),
        _paragraph(_("6. Questions the board should ask itself"), h1),
        *_blocks(
            parts["assurance"], styles, width, appendix, heading=_("Where the board may be weakest")
        ),
        PageBreak(),
        _paragraph(_("Appendices"), styles["cover-title"]),
        *_section(
            parts["knowledge-checks"], styles, width, heading=_("Appendix A. Knowledge checks")
        ),
        *_section(parts["wres"], styles, width, heading=_("Appendix B. WRES indicators in full")),
        *_appendix_tables(appendix, styles, width),
        CondPageBreak(40 * mm),
        _paragraph(_("Appendix C. Privacy and accessibility"), h1),
        _paragraph(privacy_note(data.minimum, paper=True), styles["body"]),
        _paragraph(
            _(
                "This PDF is not tagged for screen readers: the open-source PDF library "
                "BoardReady uses cannot write a structure tree. The same paper is available "
                "as a Word document, which is the accessible version."
            ),
            styles["body"],
        ),
        _paragraph(_("Generated at %(moment)s (UK time).") % {"moment": generated}, styles["body"]),
    ]
    marking = _(PRIVATE_NAMED) if cover.include_names else ""
    footer = _("Board development · generated %(moment)s") % {"moment": generated}
    document.build(flow, canvasmaker=numbered_canvas(footer, marking))
    return buffer.getvalue()


def pdf_table(table: Table, width: float, *, caption: bool = True) -> list:
    """A dashboard table as platypus flowables (caption, table, space), for other documents
    set in the same font, such as the member's appraisal pack; without its caption where a
    heading already names it."""
    register_fonts()
    flow = _table(table, _styles(), width)
    return flow if caption else flow[1:]

"""Word (.docx) documents written with python-docx: the editable, accessible copies of the
board paper, the development plan and the appraisal pack.

Real heading styles (Heading 1, 2, 3 in order), tables whose first row is marked as a header
row that repeats on each page, charts as PNG pictures whose alt text states the figures, the
document's title and author in its properties and its language set to British English, so
a board secretary can paste it into the trust's template and a screen reader can follow it.
"""

from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from learning import charts
from learning.dashboard.blocks import Bullets, Chart, Notice, Table, Text

NHS_BLUE = RGBColor(0x00, 0x5E, 0xB8)
TEXT_WIDTH = Mm(170)  # A4 with 20 mm margins

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _field(run, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in the run: Word fills in the number when it lays out."""
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)
        if kind == "separate":  # the number shown until Word works the field out
            shown = OxmlElement("w:t")
            shown.text = "1"
            run._r.append(shown)


def new_document(*, title: str, author: str, subject: str, footer: str, marking: str = ""):
    """An A4 document with its properties set, British English, "Page n of N" and the footer
    at the foot of every page, and `marking` (such as "Private") at the head of every page."""
    document = Document()
    properties = document.core_properties
    properties.title, properties.author, properties.subject = title, author, subject
    properties.language = "en-GB"
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(language)
    for level in (1, 2, 3):
        document.styles[f"Heading {level}"].font.color.rgb = NHS_BLUE
    if marking:
        head = section.header.paragraphs[0]
        head.add_run(marking).bold = True
    foot = section.footer.paragraphs[0]
    foot.add_run(f"{footer} · Page ")
    _field(foot.add_run(), "PAGE")
    foot.add_run(" of ")
    _field(foot.add_run(), "NUMPAGES")
    return document


def _style_id(document, name: str) -> str:
    """The style's id, looked up by name once per document: python-docx looks a style up on
    every paragraph it is given by name, which took half the Word paper's time."""
    ids = document.__dict__.setdefault("_boardready_style_ids", {})
    if name not in ids:
        ids[name] = document.styles[name].style_id
    return ids[name]


def styled(document, text: "StrOrPromise", style: str):
    """A paragraph in the named style (Heading 1, Caption, List Bullet)."""
    para = document.add_paragraph(text)
    para._p.get_or_add_pPr().style = _style_id(document, style)
    return para


def heading(document, text: "StrOrPromise", level: int) -> None:
    styled(document, text, f"Heading {level}")


def paragraph(document, text: "StrOrPromise", *, label: "StrOrPromise" = "") -> None:
    """A paragraph; with `label`, the label in bold before the text ("Due: 1 May 2026")."""
    para = document.add_paragraph()
    if label:
        para.add_run(f"{label}: ").bold = True
    para.add_run(text)


def kept_together(document, start: int) -> None:
    """Keeps the paragraphs from index `start` to the end on one page, as the PDF keeps one
    commitment together: each is kept with the next, except the last."""
    for para in document.paragraphs[start:-1]:
        para.paragraph_format.keep_with_next = True


def bullets(document, items: "Sequence[StrOrPromise]") -> None:
    for item in items:
        styled(document, item, "List Bullet")


def _header_row(row) -> None:
    """Marks the row as the table's header row: screen readers announce it with each cell,
    and Word repeats it at the top of each page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def table(document, block: Table, *, caption: bool = True) -> None:
    """The table with its caption above it, its heading row marked and numbers right-aligned."""
    if caption:
        styled(document, block.caption, "Caption")
    grid = document.add_table(rows=1, cols=len(block.columns))
    grid._tbl.tblPr.style = _style_id(document, "Table Grid")
    _header_row(grid.rows[0])
    for cell, (text, numeric) in zip(grid.rows[0].cells, block.headings(), strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        if numeric:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in block.cells():
        cells = grid.add_row().cells
        for cell, (text, numeric) in zip(cells, row, strict=True):
            cell.text = str(text)
            if numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def alt_text(chart: Chart) -> str:
    """What the picture shows, in words: its description and then every figure in its table."""
    rows = "; ".join(
        ", ".join(
            f"{column} {value}" for column, value in zip(chart.table.columns, row, strict=True)
        )
        for row in chart.table.rows
    )
    return f"{chart.description} {rows}.".strip()


def picture(document, chart: Chart, *, width=None) -> None:
    """The chart as a PNG with its title and alt text (the figures in words)."""
    styled(document, chart.title, "Caption")
    drawing = chart.draw()
    document.add_picture(BytesIO(charts.png(drawing)), width=width or Mm(150))
    shape = document.inline_shapes[-1]
    properties = shape._inline.docPr
    properties.set("title", chart.title)
    properties.set("descr", alt_text(chart))


def block(document, item, *, pictures: bool = True) -> None:
    """One dashboard block: text, a notice, a list, a chart (picture and its table) or a table."""
    if isinstance(item, Text):
        paragraph(document, item.text)
    elif isinstance(item, Notice):
        paragraph(document, item.text, label=item.heading)
    elif isinstance(item, Bullets):
        bullets(document, item.items)
    elif isinstance(item, Chart):
        if pictures:
            picture(document, item)
        # The picture's title names the table too, unless the table has a caption of its own.
        table(document, item.table, caption=not pictures or item.table.caption != item.title)
    else:
        table(document, item)


def to_bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

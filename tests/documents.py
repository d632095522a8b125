"""Reading the documents BoardReady makes with real readers: pypdf for PDFs, python-docx for
Word documents. Shared by the board paper, development plan and appraisal pack tests."""

from io import BytesIO

import pytest
from pypdf import PdfReader

A4_HEIGHT = 842
BODY_BOTTOM = 25 * 72 / 25.4  # below this is the footer ("Page n of N")
BODY_TOP = A4_HEIGHT - 17 * 72 / 25.4  # above this is the header ("Private")


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(BytesIO(content))


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def assert_every_page_has_text(reader: PdfReader, *, marking: str = "") -> list[str]:
    """Every page numbered "Page n of N", with text of its own, and `marking` on every page."""
    pages = page_texts(reader)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert len(text) > 80, f"page {number} is nearly empty"
        if marking:
            assert marking in text, f"page {number} lacks {marking!r}"
    return pages


def assert_fonts_embedded(reader: PdfReader) -> None:
    """Every font on every page is a TrueType font embedded in the file."""
    fonts = {}
    for page in reader.pages:
        for name, font in page["/Resources"]["/Font"].items():
            fonts[name] = font.get_object()
    assert fonts
    for font in fonts.values():
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"]


def _fragments(page) -> list[tuple[float, str, str, float]]:
    """(y, text, font name, size) of each piece of text in the page's body."""
    found = []

    def visit(text, cm, tm, font, size):
        if not text.strip() or font is None:
            return
        y = tm[5] * cm[3] + cm[5]
        if BODY_BOTTOM < y < BODY_TOP:
            found.append((y, text.strip(), str(font.get("/BaseFont", "")), size * abs(tm[3])))

    page.extract_text(visitor_text=visit)
    return found


def stranded_headings(
    reader: PdfReader, *, heading_size: float = 10.5, not_headings: tuple[str, ...] = ()
) -> list[str]:
    """Headings left at the foot of a page with nothing under them: the lowest text in a
    page's body set in bold at heading size (the papers' headings are bold, 11 pt or more).
    `not_headings` are bold texts that may end a page, such as the cover's private banner."""
    stranded = []
    for number, page in enumerate(reader.pages[:-1], start=1):
        fragments = _fragments(page)
        if not fragments:
            continue
        lowest = min(fragments, key=lambda fragment: fragment[0])
        _y, text, font, size = lowest
        if "Bold" in font and size >= heading_size and text not in not_headings:
            stranded.append(f"page {number}: {text}")
    return stranded


def docx_document(content: bytes):
    docx = pytest.importorskip("docx")
    return docx.Document(BytesIO(content))


def docx_headings(document) -> list[tuple[int, str]]:
    return [
        (int(paragraph.style.name.split()[-1]), paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading ")
    ]


def assert_docx_accessible(document) -> list[tuple[int, str]]:
    """Headings start at level 1 and never skip a level going down; every table's first row is
    a header row; every picture has alt text. Returns the headings."""
    headings = docx_headings(document)
    assert headings and headings[0][0] == 1
    for (before, _text), (level, text) in zip(headings, headings[1:], strict=False):
        assert level <= before + 1, f"heading {text!r} skips from level {before} to {level}"
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in document.tables:
        properties = table.rows[0]._tr.trPr
        assert properties is not None and properties.find(f"{ns}tblHeader") is not None
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr"), "a picture has no alt text"
    return headings


def docx_text(document) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
    return " ".join(" ".join(parts).split())

"""The PDF board paper: cover, summary, every section, page numbers, fonts and metadata."""

from learning.audit.models import AuditEvent
from tests.dashboard.support import get, pdf_reader, pdf_text


def test_it_has_every_part_heading_and_the_cover(client, board):
    response = get(client, board.chair, "board_paper", board)
    text = pdf_text(response)
    for heading in [
        "1. Summary",
        "2. Readiness for the next and recent sessions",
        "3. Self-assessment beside the national survey",
        "4. Follow-through on commitments by area",
        "5. Workforce Race Equality Standard: headline indicators",
        "6. Questions the board should ask itself",
        "Appendix A. Knowledge checks",
        "Appendix B. WRES indicators in full",
        "Appendix C. Privacy and accessibility",
    ]:
        assert heading in text
    assert "The board is asked to" in text
    assert board.organisation.name in text
    assert "Generated at" in text
    assert "Combined figures appear only when at least 5 members" in text
    assert "This paper never shows" in text
    assert "This page" not in text


def test_every_page_is_numbered(client, board):
    reader = pdf_reader(get(client, board.chair, "board_paper", board))
    total = len(reader.pages)
    assert total > 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()


def test_the_title_and_author_are_in_the_metadata(client, board):
    reader = pdf_reader(get(client, board.chair, "board_paper", board))
    assert reader.metadata.title == f"Board readiness: {board.organisation.name}, {board.name}"
    assert reader.metadata.author == board.chair.get_full_name()


def test_every_font_is_an_embedded_truetype_font(client, board):
    reader = pdf_reader(get(client, board.chair, "board_paper", board))
    fonts = {}
    for page in reader.pages:
        for name, font in page["/Resources"]["/Font"].items():
            fonts[name] = font.get_object()
    assert fonts
    for font in fonts.values():
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"]


def test_it_is_downloaded_as_an_attachment_and_audited(client, board):
    response = get(client, board.facilitator, "board_paper", board)
    assert response["Content-Disposition"].startswith('attachment; filename="board-')
    event = AuditEvent.objects.get(action=AuditEvent.Action.PDF_DOWNLOADED)
    assert event.actor == board.facilitator
    assert event.target == f"learning.board:{board.pk}/board-paper"

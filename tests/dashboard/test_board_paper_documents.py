"""The board paper read back with real readers: every PDF page numbered with text of its own,
fonts embedded, no heading stranded at the foot of a page; the Word copy with its headings in
order, header rows, alt text on every chart, and names only when ticked."""

import pytest
from django.urls import reverse

from learning.audit.models import AuditEvent
from tests.conftest import sign_in
from tests.dashboard.test_board_paper_form import _form, _names
from tests.documents import (
    assert_docx_accessible,
    assert_every_page_has_text,
    assert_fonts_embedded,
    docx_document,
    docx_text,
    pdf_reader,
    stranded_headings,
)

pytestmark = pytest.mark.django_db
PRIVATE = "Private: contains named information"
PARTS = [
    "1. Summary",
    "2. Readiness for the next and recent sessions",
    "3. Self-assessment beside the national survey",
    "4. Follow-through on commitments by area",
    "5. Workforce Race Equality Standard: headline indicators",
    "6. Questions the board should ask itself",
    "Appendices",
]


def _post(client, board, **changes):
    sign_in(client, board.chair)
    return client.post(
        reverse("dashboard:board_paper_form", args=[board.pk]), _form(board, **changes)
    )


@pytest.mark.parametrize("names", [False, True])
def test_every_pdf_page_has_text_embedded_fonts_and_no_stranded_heading(client, board, names):
    response = _post(client, board, **({"include_names": "on"} if names else {}))
    reader = pdf_reader(response.content)
    assert_every_page_has_text(reader, marking=PRIVATE if names else "")
    assert_fonts_embedded(reader)
    assert stranded_headings(reader, not_headings=(PRIVATE,)) == []


def test_the_word_copy_has_the_parts_in_order_header_rows_and_alt_text(client, board):
    response = _post(client, board, format="docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx_document(response.content)
    headings = assert_docx_accessible(document)
    top = [text for level, text in headings if level == 1]
    assert top[0] == f"Board readiness: {board.organisation.name}, {board.name}"
    assert [text for text in top if text in PARTS] == PARTS
    assert document.inline_shapes, "the charts are missing"
    alt = document.inline_shapes[0]._inline.docPr.get("descr")
    assert "%" in alt or any(character.isdigit() for character in alt)
    assert document.core_properties.title.startswith("Board readiness")
    text = docx_text(document)
    assert "Note the board's readiness" in text
    assert "accessible version" in text
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT_DOWNLOADED)
    assert event.target.endswith("/board-paper")


def test_the_word_copy_names_members_only_when_ticked(client, board):
    without = docx_text(docx_document(_post(client, board, format="docx").content))
    with_names = docx_text(
        docx_document(_post(client, board, format="docx", include_names="on").content)
    )
    others = [name for name in _names(board) if name != board.chair.get_full_name()]
    assert not [name for name in others if name in without]
    assert PRIVATE not in without
    assert [name for name in others if name in with_names]
    assert PRIVATE in with_names


def test_the_plain_word_download_has_no_names_and_is_for_the_dashboards_readers(client, board):
    sign_in(client, board.facilitator)
    response = client.get(reverse("dashboard:board_paper_docx", args=[board.pk]))
    assert response.status_code == 200
    text = docx_text(docx_document(response.content))
    # The facilitator's own name is on it as its author; no member's is.
    others = [name for name in _names(board) if name != board.facilitator.get_full_name()]
    assert not [name for name in others if name in text]


def test_bad_input_makes_no_word_document(client, board):
    response = _post(client, board, format="docx", asked_to="")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT_DOWNLOADED).exists()

"""The board paper's cover-sheet form: defaults remembered, names left out unless ticked,
bad input refused with nothing generated, and the PDF read back with pypdf."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from learning.audit.models import AuditEvent
from learning.dashboard.models import BoardPaperDefaults
from tests.conftest import sign_in
from tests.dashboard.factories import populated_board

HEADINGS = (
    "1. Summary",
    "2. Readiness",
    "3. Self-assessment",
    "4. Follow-through",
    "5. Workforce Race Equality Standard",
    "6. Questions the board should ask itself",
)


def _form(board, **changes):
    values = {
        "meeting": "Board meeting held in public",
        "meeting_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "agenda_item": "7.2",
        "purpose": "assurance",
        "presenter": "The chair",
        "asked_to": "Note the board's readiness and discuss the questions in part 6.",
    }
    values.update(changes)
    return values


def _post(client, board, **changes):
    sign_in(client, board.chair)
    url = reverse("dashboard:board_paper_form", args=[board.pk])
    return client.post(url, _form(board, **changes))


def _pages(response) -> list[str]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _names(board) -> list[str]:
    return [
        membership.user.get_full_name()
        for membership in board.memberships.select_related("user")
        if membership.user.get_full_name()
    ]


@pytest.mark.django_db
def test_the_paper_has_a_cover_sheet_and_at_most_six_pages_before_the_appendices(client, board):
    pages = _pages(_post(client, board))
    assert "The board is asked to" in pages[0]
    assert "Note the board's readiness" in pages[0]
    assert "☒ For assurance" in pages[0]
    assert "7.2" in pages[0]
    appendix = next(number for number, text in enumerate(pages) if "Appendices" in text)
    assert appendix <= 6
    text = " ".join(pages)
    for heading in HEADINGS:
        assert heading in text
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert len(page) > 80, f"page {number} is nearly empty"


@pytest.mark.django_db
def test_no_member_is_named_unless_names_are_ticked(client, board):
    text = " ".join(_pages(_post(client, board)))
    for name in _names(board):
        if name != board.chair.get_full_name():
            assert name not in text
    assert "Private: contains named information" not in text
    assert "have reading outstanding" in text or "Every member has finished" in text


@pytest.mark.django_db
def test_with_names_ticked_the_members_are_named(client, board):
    text = " ".join(_pages(_post(client, board, include_names="on")))
    named = [name for name in _names(board) if name in text and name != board.chair.get_full_name()]
    assert named, "no member other than the chair is named with include names ticked"
    assert "Members who still have reading to finish" in text


@pytest.mark.django_db
def test_with_names_every_page_is_marked_private(client, board):
    pages = _pages(_post(client, board, include_names="on"))
    for page in pages:
        assert "Private: contains named information" in page


@pytest.mark.django_db
def test_the_cover_sheet_is_remembered_but_names_are_not(client, board):
    _post(client, board, meeting="Private board", include_names="on")
    saved = BoardPaperDefaults.objects.get(board=board)
    assert saved.meeting == "Private board"
    page = client.get(reverse("dashboard:board_paper_form", args=[board.pk])).content.decode()
    assert 'value="Private board"' in page
    assert f'value="{timezone.localdate().isoformat()}"' in page  # the date input shows it
    assert "checked" not in page.split('name="include_names"')[1].split(">")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"asked_to": "  "}, "asked_to"),
        ({"asked_to": "x" * 5000}, "asked_to"),
        ({"meeting_date": "2031-01-01"}, "meeting_date"),
        ({"meeting_date": "2019-01-01"}, "meeting_date"),
        ({"purpose": "decoration"}, "purpose"),
    ],
)
def test_bad_input_is_refused_by_the_field_and_nothing_is_made(client, board, changes, field):
    response = _post(client, board, **changes)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors[field]
    assert "There is a problem" in response.content.decode()
    assert not BoardPaperDefaults.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PDF_DOWNLOADED).exists()
    if field == "asked_to" and changes["asked_to"].strip():
        assert "x" * 5000 in response.content.decode()  # nothing typed is lost


@pytest.mark.django_db
def test_the_facilitator_and_other_chairs_get_404(client, board, content):
    other_board = populated_board(content, members=2, name="Other board")
    sign_in(client, board.facilitator)
    url = reverse("dashboard:board_paper_form", args=[board.pk])
    assert client.post(url, _form(board)).status_code == 404
    sign_in(client, other_board.chair)
    assert client.post(url, _form(board)).status_code == 404
    assert client.get(url).status_code == 404

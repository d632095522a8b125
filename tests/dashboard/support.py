"""Reading what the dashboard's views return: the page, the PDF's text and the CSVs."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from tests.conftest import sign_in


def get(client, user, view, board):
    sign_in(client, user)
    return client.get(reverse(f"dashboard:{view}", args=[board.pk]))


def pdf_reader(response) -> PdfReader:
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(BytesIO(response.content))


def pdf_text(response) -> str:
    """The text of every page, with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in pdf_reader(response).pages)


def everything(client, user, board) -> str:
    """The page, the PDF's text and every CSV the person may download, as one string.

    Each part must be the real thing (a blank page, a 404 or an empty file would pass every
    check that something is absent): the page and the paper carry their privacy note, and
    each CSV a heading row and at least one row of figures."""
    page = get(client, user, "board_dashboard", board)
    assert page.status_code == 200
    parts = [page.content.decode()]
    assert "How we protect members&#x27; privacy" in parts[0]
    parts.append(pdf_text(get(client, user, "board_paper", board)))
    assert "This paper never shows one person" in parts[1]
    for view in ("readiness_csv", "commitments_csv", "scores_csv"):
        response = get(client, user, view, board)
        if response.status_code == 404 and view == "commitments_csv":
            continue  # the facilitator has no list of commitments (test_dashboard_page)
        assert response.status_code == 200, view
        body = response.content.decode()
        assert len(body.strip().splitlines()) >= 2, view
        parts.append(body)
    return "\n".join(parts)

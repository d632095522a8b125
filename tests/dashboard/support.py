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
    """The page, the PDF's text and every CSV the person may download, as one string."""
    parts = [get(client, user, "board_dashboard", board).content.decode()]
    parts.append(pdf_text(get(client, user, "board_paper", board)))
    for view in ("readiness_csv", "commitments_csv", "scores_csv"):
        response = get(client, user, view, board)
        if response.status_code == 200:
            parts.append(response.content.decode())
    return "\n".join(parts)

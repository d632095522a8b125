"""The member's development plan as a PDF and a Word document, read back with real readers:
"Private" and page numbers on every page, fonts embedded, drafts only when ticked, and no
commitment split over a page break."""

import pytest
from django.urls import reverse

from reflection.plans.models import CommitmentUpdate
from tests.conftest import sign_in
from tests.documents import (
    assert_docx_accessible,
    assert_every_page_has_text,
    assert_fonts_embedded,
    docx_document,
    docx_text,
    page_texts,
    pdf_reader,
    stranded_headings,
)
from tests.plans.factories import MilestoneFactory, draft_commitment, shared_commitment

pytestmark = pytest.mark.django_db


def _get(client, world, view, query=""):
    sign_in(client, world.member)
    return client.get(reverse(f"plans:{view}") + query)


def test_the_plan_pdf_is_private_numbered_and_leaves_drafts_out_unless_ticked(client, world):
    shared_commitment(world, title="Sponsor the race equality network")
    draft_commitment(world, title="A private draft about my own learning")
    reader = pdf_reader(_get(client, world, "plan_pdf").content)
    pages = assert_every_page_has_text(reader, marking="Private")
    assert_fonts_embedded(reader)
    text = " ".join(pages)
    assert "Sponsor the race equality network" in text
    assert "A private draft" not in text
    assert "drafts left out" in text
    with_drafts = " ".join(
        page_texts(pdf_reader(_get(client, world, "plan_pdf", "?drafts=on").content))
    )
    assert "A private draft about my own learning" in with_drafts


def test_no_commitment_is_split_over_a_page_break(client, world):
    for number in range(12):
        commitment = shared_commitment(
            world,
            title=f"Commitment number {number}",
            description=f"Why commitment {number} matters. " * 25,
        )
        for step in range(3):
            MilestoneFactory(commitment=commitment, title=f"Step {step} of commitment {number}")
        CommitmentUpdate.objects.create(commitment=commitment, text=f"Update on number {number}.")
    reader = pdf_reader(_get(client, world, "plan_pdf").content)
    pages = assert_every_page_has_text(reader, marking="Private")
    assert len(pages) > 3
    for number in range(12):
        first = next(i for i, text in enumerate(pages) if f"Commitment number {number}" in text)
        last = next(i for i, text in enumerate(pages) if f"Update on number {number}." in text)
        assert first == last, f"commitment {number} runs from page {first + 1} to {last + 1}"
    assert stranded_headings(reader) == []


def test_the_plan_word_document_is_private_with_headings_in_order(client, world):
    shared_commitment(world, title="Sponsor the race equality network")
    draft_commitment(world, title="A private draft about my own learning")
    response = _get(client, world, "plan_docx")
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx_document(response.content)
    headings = assert_docx_accessible(document)
    assert headings[0] == (1, "Development plan: Maya Member")
    text = docx_text(document)
    assert "Private" in document.sections[0].header.paragraphs[0].text
    # The commitment is kept on one page: each of its paragraphs is kept with the next.
    texts = [paragraph.text for paragraph in document.paragraphs]
    first = texts.index("Sponsor the race equality network")
    last = next(i for i, text in enumerate(texts) if text.startswith("Latest update"))
    for paragraph in document.paragraphs[first:last]:
        assert paragraph.paragraph_format.keep_with_next, paragraph.text
    assert "Sponsor the race equality network" in text
    assert "A private draft" not in text
    with_drafts = docx_text(docx_document(_get(client, world, "plan_docx", "?drafts=on").content))
    assert "A private draft about my own learning" in with_drafts

"""The member's plan as a PDF: A4 with real text a reader can select."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.conftest import sign_in
from tests.plans.factories import MilestoneFactory, draft_commitment, shared_commitment

pytestmark = pytest.mark.django_db


def test_the_plan_pdf_has_the_title_and_every_commitment(client, world):
    first = shared_commitment(world, title="Sponsor the race equality network")
    MilestoneFactory(commitment=first, title="Meet the network leads")
    draft_commitment(world, title="Read the data module")
    sign_in(client, world.member)
    response = client.get(reverse("plans:plan_pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Development plan: Maya Member" in text
    assert "Sponsor the race equality network" in text
    assert "Meet the network leads" in text
    assert "Read the data module" not in text  # a draft, printed only when asked for
    assert "Alderley NHS Foundation Trust" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_the_plan_pdf_never_holds_someone_elses_commitment(client, world):
    shared_commitment(world, title="Maya's own plan")
    sign_in(client, world.other_member)
    response = client.get(reverse("plans:plan_pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert f"Development plan: {world.other_member.get_full_name()}" in text  # their own plan
    assert "Maya's own plan" not in text

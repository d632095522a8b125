"""The member's appraisal pack: what they did (modules, knowledge checks, sessions, shared
commitments with the chair's comments and their competency domain), for the member only,
audited, as a PDF and a Word document read back with pypdf and python-docx."""

import pytest
from django.urls import reverse

from learning.audit.models import AuditEvent
from learning.models import Membership
from modules.models.progress import ModuleProgress
from modules.quizzes.models import Attempt
from reflection.plans.models import ChairReview, Commitment, CompetencyDomain
from tests.conftest import sign_in
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
VIEWS = ("appraisal_pack", "appraisal_pack_pdf", "appraisal_pack_docx")


def _member(board):
    """The second member: finished a module, passed checks, attended the later session."""
    user = board.people[1]
    seat = Membership.objects.get(board=board, user=user)
    commitment = Commitment.objects.get(owner=seat)
    commitment.competency_domain = CompetencyDomain.GOVERNANCE
    commitment.save()
    ChairReview.objects.create(commitment=commitment, author=board.chair, text="A fine start.")
    Commitment.objects.create(
        owner=seat,
        title="A private draft",
        area=1,
        success_measure="Mine.",
        due_date=commitment.due_date,
    )
    return user, seat, commitment


def test_the_pack_lists_what_the_member_did(client, board):
    user, seat, commitment = _member(board)
    sign_in(client, user)
    response = client.get(reverse("plans:appraisal_pack_pdf", args=[seat.pk]))
    reader = pdf_reader(response.content)
    pages = assert_every_page_has_text(reader, marking="Private")
    assert_fonts_embedded(reader)
    assert stranded_headings(reader) == []
    text = " ".join(pages)
    module = ModuleProgress.objects.filter(user=user, completed_at__isnull=False).first()
    check = Attempt.objects.filter(user=user, passed=True).select_related("quiz").first()
    for expected in (
        f"Appraisal pack: {user.get_full_name()}",
        module.page.title,
        check.quiz.title,
        "Sessions attended",
        commitment.title,
        "Providing robust governance and assurance",
        "A fine start.",
    ):
        assert expected in text, expected
    assert "A private draft" not in text
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PDF_DOWNLOADED, actor=user, target="plans:appraisal_pack_pdf"
    ).exists()

    document = docx_document(
        client.get(reverse("plans:appraisal_pack_docx", args=[seat.pk])).content
    )
    assert_docx_accessible(document)
    words = docx_text(document)
    assert module.page.title in words and "A fine start." in words
    assert "A private draft" not in words
    page = client.get(reverse("plans:appraisal_pack", args=[seat.pk])).content.decode()
    assert "Providing robust governance and assurance" in page


def test_someone_elses_pack_is_404_and_nothing_is_made(client, board):
    _user, seat, _commitment = _member(board)
    for person in (board.people[2], board.chair, board.facilitator):
        sign_in(client, person)
        for view in VIEWS:
            assert client.get(reverse(f"plans:{view}", args=[seat.pk])).status_code == 404
    sign_in(client, board.facilitator)
    own = Membership.objects.get(board=board, user=board.facilitator)
    assert client.get(reverse("plans:appraisal_pack", args=[own.pk])).status_code == 404
    assert not AuditEvent.objects.filter(
        action__in=[AuditEvent.Action.PDF_DOWNLOADED, AuditEvent.Action.EXPORT_DOWNLOADED]
    ).exists()


def test_the_competency_domain_is_a_field_the_member_edits(client, board):
    user, _seat, commitment = _member(board)
    sign_in(client, user)
    page = client.get(reverse("plans:commitment_edit", args=[commitment.pk])).content.decode()
    assert 'name="competency_domain"' in page
    assert "Leadership competency domain" in page
    data = {
        "title": commitment.title,
        "area": commitment.area,
        "competency_domain": CompetencyDomain.CULTURE,
        "success_measure": commitment.success_measure,
        "due_date": commitment.due_date.isoformat(),
        "status": "in_progress",
    }
    response = client.post(reverse("plans:commitment_edit", args=[commitment.pk]), data)
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.competency_domain == CompetencyDomain.CULTURE
    data["competency_domain"] = "decoration"
    response = client.post(reverse("plans:commitment_edit", args=[commitment.pk]), data)
    assert response.status_code == 200 and response.context["form"].errors["competency_domain"]
    commitment.refresh_from_db()
    assert commitment.competency_domain == CompetencyDomain.CULTURE

"""One person viewing another's data, and downloads, are written to the audit log."""

from django.urls import reverse

from learning.audit.models import AuditEvent
from modules.quizzes.choices import QuestionType
from tests.plans.factories import shared_commitment
from tests.quizzes.factories import quiz_with_questions
from tests.quizzes.helpers import take

WRITTEN = "Start from our own disciplinary figures."


def _events(action, actor):
    return AuditEvent.objects.filter(action=action, actor=actor)


def test_a_chair_opening_a_members_commitments_is_recorded(signed_in, world):
    shared_commitment(world)
    url = reverse("plans:member_review", args=[world.board_a.pk, world.membership(world.member).pk])
    assert signed_in(world.chair).get(url).status_code == 200
    event = _events(AuditEvent.Action.PERSONAL_DATA_VIEWED, world.chair).get()
    assert event.subject_user == world.member


def test_a_chair_opening_one_shared_commitment_is_recorded_but_the_owner_is_not(
    signed_in, client, world
):
    commitment = shared_commitment(world)
    url = reverse("plans:commitment_detail", args=[commitment.pk])
    signed_in(world.member).get(url)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_VIEWED).exists()
    signed_in(world.chair).get(url)
    assert _events(AuditEvent.Action.PERSONAL_DATA_VIEWED, world.chair).count() == 1


def test_a_facilitator_reading_a_free_text_answer_is_recorded_without_the_text(signed_in, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    row = take(world.member, quiz, written=WRITTEN).answers.get(type=QuestionType.FREE_TEXT)
    signed_in(world.facilitator).get(reverse("quizzes:mark", args=[row.pk]))
    event = _events(AuditEvent.Action.PERSONAL_DATA_VIEWED, world.facilitator).get()
    assert event.subject_user == world.member
    assert WRITTEN not in str(event.__dict__)


def test_the_plan_pdf_and_journal_export_are_recorded(signed_in, world):
    client = signed_in(world.member)
    client.get(reverse("plans:plan_pdf"))
    client.get(reverse("journal:export"))
    assert _events(AuditEvent.Action.PDF_DOWNLOADED, world.member).count() == 1
    assert _events(AuditEvent.Action.EXPORT_DOWNLOADED, world.member).count() == 1

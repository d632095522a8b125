"""One person viewing another's data, and downloads, are written to the audit log."""

from pathlib import Path

from django.urls import reverse

from learning.audit.models import AuditEvent
from modules.quizzes.choices import QuestionType
from tests.assessment.factories import instruments, submitted
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


# The access helpers write the event (learning.privacy.record_viewed), so every page that reads
# another person's data is covered: exactly one event for the reader, none for the owner.


def _shared_response(world, signed_in):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    signed_in(world.member).post(reverse("assessment:share", args=[response.pk]), {"shared": "yes"})
    return response


def _pages(world, signed_in):
    """(name, url, readers, what the reader must see) for each page of another's data."""
    commitment = shared_commitment(world, title="Chair the race equality steering group")
    quiz = quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    row = take(world.member, quiz, written=WRITTEN).answers.get(type=QuestionType.FREE_TEXT)
    response = _shared_response(world, signed_in)
    seat = world.membership(world.member)
    return [
        ("commitment", reverse("plans:commitment_detail", args=[commitment.pk]), ["chair"]),
        (
            "member plan",
            reverse("plans:member_review", args=[world.board_a.pk, seat.pk]),
            ["chair"],
        ),
        ("written answer", reverse("quizzes:mark", args=[row.pk]), ["facilitator"]),
        ("shared result", reverse("assessment:result", args=[response.pk]), LEADERS),
        ("shared list", reverse("assessment:shared", args=[world.board_a.pk]), LEADERS),
    ]


CHAIR = ["chair"]
LEADERS = ["chair", "facilitator"]
SEEN = {
    "commitment": "Chair the race equality steering group",
    "member plan": "Chair the race equality steering group",
    "written answer": WRITTEN,
    "shared result": "Results shared by Maya Member",
    "shared list": "Maya Member",
}


def _viewed():
    return AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_VIEWED)


def test_each_page_of_another_persons_data_writes_exactly_one_event(signed_in, world):
    for name, url, readers in _pages(world, signed_in):
        for persona in readers:
            _viewed().delete()
            page = signed_in(world.persona(persona)).get(url)
            assert page.status_code == 200, (name, persona)
            assert SEEN[name] in page.content.decode(), (name, persona)
            event = _viewed().get()
            assert (event.actor, event.subject_user) == (world.persona(persona), world.member)


def test_the_owner_reading_their_own_data_writes_none(signed_in, world):
    pages = {name: url for name, url, _readers in _pages(world, signed_in)}
    _viewed().delete()
    client = signed_in(world.member)
    for name, seen in (("commitment", SEEN["commitment"]), ("shared result", "Your results")):
        page = client.get(pages[name])
        assert page.status_code == 200, name
        assert seen in page.content.decode(), name
    assert not _viewed().exists()


def test_no_view_writes_the_event_by_hand():
    # the helpers do it; a hand call in a view is how the shared self-assessment was missed
    root = Path(__file__).resolve().parents[2]
    for views in root.glob("*/**/views.py"):
        if ".venv" in views.parts:
            continue
        assert "PERSONAL_DATA_VIEWED" not in views.read_text(encoding="utf-8"), views


# Listings of commitments: the chair's page of members' commitments and the overdue ones named
# on the chair's dashboard write one event per commitment of someone else's they show.

LATE = "Mentor two ethnic minority managers"


def test_the_chairs_listing_of_members_commitments_records_each_one(signed_in, world):
    from tests.plans.factories import CommitmentFactory

    mine = CommitmentFactory(owner=world.membership(world.chair), title="The chair's own")
    theirs = shared_commitment(world, title=LATE)
    url = reverse("plans:board_plans", args=[world.board_a.pk])

    page = signed_in(world.chair).get(url).content.decode()
    assert LATE in page and "The chair&#x27;s own" in page
    event = _viewed().get()  # theirs only: the chair's own is not another person's data
    assert (event.actor, event.subject_user) == (world.chair, world.member)
    assert event.target == f"plans.commitment:{theirs.pk}" != f"plans.commitment:{mine.pk}"

    _viewed().delete()
    counts = signed_in(world.facilitator).get(url)
    assert counts.status_code == 200 and LATE not in counts.content.decode()  # counts only
    assert not _viewed().exists()


def test_the_overdue_commitments_on_the_chairs_dashboard_are_recorded(signed_in, world):
    from datetime import timedelta

    from django.utils import timezone

    late = shared_commitment(world, title=LATE, due_date=timezone.localdate() - timedelta(days=3))
    url = reverse("dashboard:board_dashboard", args=[world.board_a.pk])

    page = signed_in(world.chair).get(url).content.decode()
    assert LATE in page  # named, with its owner, for the chair
    event = _viewed().get()
    assert (event.actor, event.subject_user) == (world.chair, world.member)
    assert event.target == f"plans.commitment:{late.pk}"

    _viewed().delete()
    page = signed_in(world.facilitator).get(url)
    assert page.status_code == 200 and "1 shared commitment is overdue" in page.content.decode()
    assert not _viewed().exists()  # the facilitator sees the count, never whose


def test_the_dashboard_records_them_on_every_view_even_when_it_comes_from_the_cache(
    signed_in, world
):
    from datetime import timedelta

    from django.utils import timezone

    shared_commitment(world, title=LATE, due_date=timezone.localdate() - timedelta(days=3))
    url = reverse("dashboard:board_dashboard", args=[world.board_a.pk])
    chair = signed_in(world.chair)
    first = chair.get(url)
    second = chair.get(url)  # the same page, from the cache (learning/fragments.py)
    assert LATE in second.content.decode()
    assert "data" in first.context and (second.context is None or "data" not in second.context)
    assert _viewed().count() == 2

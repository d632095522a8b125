"""The demo data for plans and the journal: every status, overdue ones, reviews, four
actions and ned1's journal, loaded twice without duplicates."""

import pytest
from django.utils import timezone

from learning.demo import seed_people
from reflection.journal.demo import seed_journal
from reflection.journal.models import JournalEntry
from reflection.plans.demo import seed_plans
from reflection.plans.models import BoardAction, ChairReview, Commitment, Status

pytestmark = pytest.mark.django_db


def _seed():
    people = seed_people("demo-password-long")
    seed_plans(people)
    seed_journal(people)
    return people


def test_the_demo_has_shared_commitments_in_every_status_and_is_idempotent(world):
    people = _seed()
    counts = (Commitment.objects.count(), ChairReview.objects.count(), JournalEntry.objects.count())
    _seed()
    assert (
        Commitment.objects.count(),
        ChairReview.objects.count(),
        JournalEntry.objects.count(),
    ) == counts
    shared = Commitment.objects.shared().filter(owner__board=people.northbridge)
    assert set(shared.values_list("status", flat=True)) == set(Status.values)
    assert shared.overdue(timezone.localdate()).count() >= 2
    assert ChairReview.objects.exists()
    assert BoardAction.objects.filter(board=people.northbridge).count() == 4
    assert JournalEntry.objects.filter(owner=people.user("ned1@northbridge.example")).count() == 3

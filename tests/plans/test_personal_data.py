"""Plans and the journal in a person's data export, and erasing a person who owns things."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from learning.audit.personal_data import person_erase, personal_data_for
from reflection.journal.services import journal_entry_create
from reflection.plans.models import BoardAction, ChairReview
from reflection.plans.services import chair_review_add
from tests.plans.factories import MilestoneFactory, members_action, shared_commitment

pytestmark = pytest.mark.django_db


def _export(user) -> str:
    return json.dumps(personal_data_for(user), cls=DjangoJSONEncoder)


def test_the_export_holds_the_members_plan_and_journal(world):
    commitment = shared_commitment(world, title="Sponsor the network")
    MilestoneFactory(commitment=commitment, title="Meet the leads")
    chair_review_add(commitment=commitment, author=world.chair, text="Good start")
    journal_entry_create(owner=world.member, title="Private", text="Only mine to read")
    exported = _export(world.member)
    for text in ("Sponsor the network", "Meet the leads", "Good start", "Only mine to read"):
        assert text in exported


def test_the_chairs_export_leaves_out_the_members_commitment(world):
    commitment = shared_commitment(world, title="Sponsor the network")
    chair_review_add(commitment=commitment, author=world.chair, text="Good start")
    exported = _export(world.chair)
    assert "Good start" in exported and "Sponsor the network" not in exported


def test_erasing_an_action_owner_keeps_the_action_without_an_owner(world):
    action = members_action(world)
    commitment = shared_commitment(world)
    review = chair_review_add(commitment=commitment, author=world.chair, text="x")
    person_erase(user=world.member)
    action = BoardAction.objects.get(pk=action.pk)
    assert action.owner is None
    assert not ChairReview.objects.filter(pk=review.pk).exists()  # went with the commitment

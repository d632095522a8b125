"""Factories for commitments, milestones, board actions and suggestions."""

from datetime import timedelta

import factory
from django.utils import timezone

from modules.areas import GoodPracticeArea
from reflection.plans.models import (
    ActionMilestone,
    BoardAction,
    Commitment,
    Milestone,
    SuggestedCommitment,
)


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    title = factory.Sequence(lambda n: f"Commitment {n}")
    area = GoodPracticeArea.ACCOUNTABILITY
    success_measure = "Minutes record it."
    due_date = factory.LazyFunction(lambda: in_days(60))
    shared_at = factory.LazyFunction(timezone.now)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = factory.LazyFunction(lambda: in_days(10))


class BoardActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardAction

    title = factory.Sequence(lambda n: f"Action {n}")
    due_date = factory.LazyFunction(lambda: in_days(60))
    board = factory.SelfAttribute("owner.board")


class ActionMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionMilestone

    title = factory.Sequence(lambda n: f"Action milestone {n}")
    due_date = factory.LazyFunction(lambda: in_days(10))


class SuggestedCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuggestedCommitment

    area = GoodPracticeArea.DATA
    title = "Ask for waiting-list data by ethnicity"
    success_measure = "The board has seen the data."


def shared_commitment(world, **kwargs):
    return CommitmentFactory(owner=world.membership(world.member), **kwargs)


def draft_commitment(world, **kwargs):
    return CommitmentFactory(owner=world.membership(world.member), shared_at=None, **kwargs)


def members_action(world, **kwargs):
    return BoardActionFactory(owner=world.membership(world.member), **kwargs)

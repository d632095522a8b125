"""factory_boy factories for the board domain. Each app's issue adds its own below or beside."""

import factory
from django.contrib.auth import get_user_model

from learning.models import Board, Invitation, Membership, Organisation, Role

PASSWORD = "correct-horse-battery"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.nhs.uk")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Trust {n} NHS Foundation Trust")
    type = Organisation.Type.ACUTE
    region = "North West"


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Board of directors"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    board = factory.SubFactory(BoardFactory)
    role = Role.NON_EXECUTIVE_DIRECTOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.nhs.uk")
    first_name = "Amira"
    last_name = "Okafor"
    board = factory.SubFactory(BoardFactory)
    role = Role.NON_EXECUTIVE_DIRECTOR


def board_with_members(size: int, *, board=None, role=Role.NON_EXECUTIVE_DIRECTOR):
    """A board with `size` active members (besides any already on it); returns the board."""
    board = board or BoardFactory()
    MembershipFactory.create_batch(size, board=board, role=role)
    return board

"""factory_boy factories for the board domain. Each app's issue adds its own below or beside."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.invitations.models import Invitation
from learning.models import Board, Membership, Organisation, Role

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
    # Seated a year ago, before any reading a test sets: someone who joins after a due date has
    # seven days from joining (learning.development.dates.personal_due_date).
    joined_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=365))


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

"""Board actions and milestones cannot be created already overdue: a message by the date,
nothing saved, what was typed kept."""

from django.urls import reverse

from reflection.plans.models import BoardAction, Milestone, Status
from tests.conftest import sign_in
from tests.plans.factories import in_days, shared_commitment

PAST = "The due date must be today or in the future"


def test_a_board_action_due_in_the_past_is_refused_by_the_field(client, world):
    response = sign_in(client, world.chair).post(
        reverse("plans:action_create", args=[world.board_a.pk]),
        {
            "title": "Report WRES twice a year",
            "owner": world.membership(world.other_member).pk,
            "due_date": "2020-03-31",
            "status": Status.PLANNED,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["due_date"] == [PAST]
    assert "Report WRES twice a year" in response.content.decode()
    assert not BoardAction.objects.exists()


def test_a_milestone_due_in_the_past_is_refused_by_the_field(client, world):
    commitment = shared_commitment(world, due_date=in_days(30))
    response = sign_in(client, world.member).post(
        reverse("plans:milestone_add", args=[commitment.pk]),
        {"title": "Talk to the network", "due_date": in_days(-400).isoformat()},
    )
    assert response.status_code == 200
    assert response.context["milestone_form"].errors["due_date"] == [PAST]
    assert not Milestone.objects.exists()


def test_a_milestone_due_today_is_accepted(client, world):
    commitment = shared_commitment(world, due_date=in_days(30))
    sign_in(client, world.member).post(
        reverse("plans:milestone_add", args=[commitment.pk]),
        {"title": "Today", "due_date": in_days(0).isoformat()},
    )
    assert Milestone.objects.filter(title="Today").exists()

"""The board's action plan: every member sees it; the chair and an action's owner change it."""

import pytest
from django.urls import reverse

from reflection.plans.models import BoardAction, Status
from tests.conftest import sign_in
from tests.plans.factories import in_days, members_action

pytestmark = pytest.mark.django_db


def test_the_chair_adds_an_action_owned_by_a_member(client, world):
    sign_in(client, world.chair)
    data = {
        "title": "Report WRES twice a year",
        "description": "",
        "owner": world.membership(world.other_member).pk,
        "due_date": in_days(90).isoformat(),
        "status": Status.PLANNED,
    }
    client.post(reverse("plans:action_create", args=[world.board_a.pk]), data)
    client.post(reverse("plans:action_create", args=[world.board_a.pk]), data)
    action = BoardAction.objects.get()
    assert action.owner.user == world.other_member
    sign_in(client, world.member)
    page = client.get(reverse("plans:action_plan", args=[world.board_a.pk])).content.decode()
    assert "Report WRES twice a year" in page


def test_an_owner_from_another_board_is_refused(client, world):
    sign_in(client, world.chair)
    response = client.post(
        reverse("plans:action_create", args=[world.board_a.pk]),
        {
            "title": "x",
            "owner": world.other_chair.memberships.get().pk,
            "due_date": in_days(9).isoformat(),
            "status": Status.PLANNED,
        },
    )
    assert "owner" in response.context["form"].errors
    assert not BoardAction.objects.exists()


def test_another_member_cannot_change_an_action_and_nothing_changes(client, world):
    action = members_action(world, title="Original")
    sign_in(client, world.other_member)
    response = client.post(
        reverse("plans:action_edit", args=[action.pk]),
        {
            "title": "Hijacked",
            "owner": action.owner_id,
            "due_date": in_days(9).isoformat(),
            "status": Status.DONE,
        },
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.title == "Original"


def test_the_owner_marks_an_action_done(client, world):
    action = members_action(world)
    sign_in(client, world.member)
    client.post(
        reverse("plans:action_edit", args=[action.pk]),
        {
            "title": action.title,
            "owner": action.owner_id,
            "due_date": action.due_date.isoformat(),
            "status": Status.DONE,
        },
    )
    action.refresh_from_db()
    assert action.status == Status.DONE

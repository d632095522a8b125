"""Making, changing, sharing and reviewing commitments, and the bad input the issue names."""

import pytest
from django.urls import reverse

from reflection.plans.models import ChairReview, Commitment, Milestone, Status
from reflection.plans.services import commitment_create
from tests.conftest import sign_in
from tests.plans.factories import (
    SuggestedCommitmentFactory,
    draft_commitment,
    in_days,
    shared_commitment,
)

pytestmark = pytest.mark.django_db


def _new(**overrides):
    return {
        "title": "Chair the listening event",
        "description": "",
        "area": "7",
        "success_measure": "The event has happened.",
        "due_date": in_days(30).isoformat(),
        "share": "chair",
        **overrides,
    }


def test_it_makes_a_shared_commitment_from_scratch(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("plans:commitment_create"), _new())
    commitment = Commitment.objects.get()
    assert response.url == reverse("plans:commitment_detail", args=[commitment.pk])
    assert commitment.owner == world.membership(world.member)
    assert commitment.is_shared and commitment.status == Status.PLANNED
    assert commitment.origin == Commitment.Origin.SCRATCH


def test_it_keeps_a_draft_private_when_asked(client, world):
    sign_in(client, world.member)
    client.post(reverse("plans:commitment_create"), _new(share="draft"))
    assert not Commitment.objects.get().is_shared


def test_a_double_submit_makes_one_commitment(client, world):
    sign_in(client, world.member)
    client.post(reverse("plans:commitment_create"), _new())
    client.post(reverse("plans:commitment_create"), _new())
    assert Commitment.objects.count() == 1


def test_an_empty_success_measure_is_a_field_error(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("plans:commitment_create"), _new(success_measure=""))
    assert response.status_code == 200
    assert "success_measure" in response.context["form"].errors
    assert not Commitment.objects.exists()


def test_text_over_twenty_thousand_characters_is_a_field_error(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("plans:commitment_create"), _new(description="x" * 20_001))
    assert "description" in response.context["form"].errors
    assert not Commitment.objects.exists()


def test_not_done_without_an_explanation_is_a_field_error(client, world):
    commitment = shared_commitment(world)
    sign_in(client, world.member)
    data = {
        "title": commitment.title,
        "area": "1",
        "success_measure": "x",
        "due_date": commitment.due_date.isoformat(),
        "status": Status.NOT_DONE,
        "explanation": "",
    }
    response = client.post(reverse("plans:commitment_edit", args=[commitment.pk]), data)
    assert "explanation" in response.context["form"].errors
    commitment.refresh_from_db()
    assert commitment.status == Status.PLANNED
    data["explanation"] = "The network paused its programme."
    client.post(reverse("plans:commitment_edit", args=[commitment.pk]), data)
    commitment.refresh_from_db()
    assert commitment.status == Status.NOT_DONE


def test_a_milestone_due_after_its_commitment_is_a_field_error(client, world):
    commitment = shared_commitment(world, due_date=in_days(10))
    sign_in(client, world.member)
    response = client.post(
        reverse("plans:milestone_add", args=[commitment.pk]),
        {"title": "Too late", "due_date": in_days(11).isoformat()},
    )
    assert response.status_code == 200
    assert "due_date" in response.context["milestone_form"].errors
    assert not Milestone.objects.exists()


def test_the_chair_trying_to_edit_gets_403_and_nothing_changes(client, world):
    commitment = shared_commitment(world, title="Original")
    sign_in(client, world.chair)
    response = client.post(
        reverse("plans:commitment_edit", args=[commitment.pk]),
        {
            "title": "Chair's version",
            "area": "1",
            "success_measure": "x",
            "due_date": commitment.due_date.isoformat(),
            "status": Status.DONE,
        },
    )
    assert response.status_code == 403
    commitment.refresh_from_db()
    assert commitment.title == "Original" and commitment.status == Status.PLANNED


def test_the_chair_cannot_see_a_draft(client, world):
    commitment = draft_commitment(world)
    sign_in(client, world.chair)
    assert client.get(reverse("plans:commitment_detail", args=[commitment.pk])).status_code == 404


def test_the_chair_review_is_shown_to_the_member(client, world):
    commitment = shared_commitment(world)
    sign_in(client, world.chair)
    client.post(reverse("plans:review_add", args=[commitment.pk]), {"text": "Keep going."})
    client.post(reverse("plans:review_add", args=[commitment.pk]), {"text": "Keep going."})
    assert ChairReview.objects.filter(commitment=commitment).count() == 1
    sign_in(client, world.member)
    response = client.get(reverse("plans:commitment_detail", args=[commitment.pk]))
    assert "Keep going." in response.content.decode()


def test_unsharing_hides_a_commitment_from_the_chair_again(client, world):
    commitment = shared_commitment(world)
    sign_in(client, world.member)
    client.post(reverse("plans:commitment_share", args=[commitment.pk]), {"share": "0"})
    sign_in(client, world.chair)
    assert client.get(reverse("plans:commitment_detail", args=[commitment.pk])).status_code == 404


def test_the_appraisal_note_is_written_once_a_year_and_shown_to_the_member(client, world):
    url = reverse("plans:member_review", args=[world.board_a.pk, world.membership(world.member).pk])
    sign_in(client, world.chair)
    client.post(url, {"text": "First draft"})
    client.post(url, {"text": "A year of real progress."})
    sign_in(client, world.member)
    page = client.get(reverse("plans:my_plan")).content.decode()
    assert "A year of real progress." in page and "First draft" not in page


def test_it_prefills_from_a_suggestion(client, world):
    suggestion = SuggestedCommitmentFactory()
    sign_in(client, world.member)
    response = client.get(reverse("plans:commitment_create") + f"?suggestion={suggestion.pk}")
    assert response.context["form"].initial["title"] == suggestion.title
    client.post(
        reverse("plans:commitment_create") + f"?suggestion={suggestion.pk}",
        _new(title=suggestion.title),
    )
    assert Commitment.objects.get().origin == Commitment.Origin.LIBRARY


def test_forged_ids_in_the_link_are_ignored(client, world):
    sign_in(client, world.member)
    url = reverse("plans:commitment_create") + "?module=999&prompt=x&response=999&dimension=d"
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["form"].initial == {}
    client.post(url, _new())
    assert Commitment.objects.get().origin == Commitment.Origin.SCRATCH


def test_the_facilitator_page_shows_counts_and_no_commitment(client, world):
    shared_commitment(world, title="A very private plan")
    draft_commitment(world, title="A draft nobody sees")
    sign_in(client, world.facilitator)
    page = client.get(reverse("plans:board_plans", args=[world.board_a.pk])).content.decode()
    assert "A very private plan" not in page and "A draft nobody sees" not in page
    assert "1 of 3" in page


def test_the_chair_sees_shared_commitments_but_not_drafts(client, world):
    shared_commitment(world, title="Shared plan")
    draft_commitment(world, title="Draft plan")
    sign_in(client, world.chair)
    page = client.get(reverse("plans:board_plans", args=[world.board_a.pk])).content.decode()
    assert "Shared plan" in page and "Draft plan" not in page


def test_the_service_validates_like_the_form(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        commitment_create(
            owner=world.membership(world.member),
            title="x",
            area=1,
            success_measure="",
            due_date=in_days(3),
        )

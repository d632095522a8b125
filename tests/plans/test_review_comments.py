"""A chair's review comment: a length limit on the server, and its author may change or
delete it; nobody else can (404)."""

from django.urls import reverse

from reflection.plans.models import LIMITS, ChairReview
from reflection.plans.services import chair_review_add
from tests.conftest import sign_in
from tests.factories import BoardFactory, MembershipFactory
from tests.plans.factories import shared_commitment


def test_an_oversize_review_comment_is_refused_by_the_field_and_kept(client, world):
    commitment = shared_commitment(world)
    text = "x" * (LIMITS["review"] + 1)
    response = sign_in(client, world.chair).post(
        reverse("plans:review_add", args=[commitment.pk]), {"text": text}
    )
    assert response.status_code == 200
    assert not ChairReview.objects.exists()
    html = response.content.decode()
    assert "at most 2000 characters" in html or "2,000" in html
    assert text in html  # nothing typed is lost


def test_the_author_changes_their_review_comment(client, world):
    review = chair_review_add(commitment=shared_commitment(world), author=world.chair, text="Hi")
    signed = sign_in(client, world.chair)
    url = reverse("plans:review_edit", args=[review.pk])
    assert "Hi" in signed.get(url).content.decode()
    response = signed.post(url, {"text": "Keep going."})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.text == "Keep going."


def test_an_oversize_change_is_refused_and_nothing_changes(client, world):
    review = chair_review_add(commitment=shared_commitment(world), author=world.chair, text="Hi")
    response = sign_in(client, world.chair).post(
        reverse("plans:review_edit", args=[review.pk]), {"text": "y" * 3000}
    )
    assert response.status_code == 200
    review.refresh_from_db()
    assert review.text == "Hi"


def test_the_author_deletes_their_review_comment_after_confirming(client, world):
    review = chair_review_add(commitment=shared_commitment(world), author=world.chair, text="Hi")
    signed = sign_in(client, world.chair)
    url = reverse("plans:review_delete", args=[review.pk])
    assert signed.get(url).status_code == 200
    assert ChairReview.objects.filter(pk=review.pk).exists()
    assert signed.post(url).status_code == 302
    assert not ChairReview.objects.filter(pk=review.pk).exists()
    assert signed.post(url).status_code == 404  # a second submit finds nothing to delete


def test_the_member_and_another_boards_chair_cannot_change_or_delete_it(client, world):
    review = chair_review_add(commitment=shared_commitment(world), author=world.chair, text="Hi")
    other = MembershipFactory(board=BoardFactory(), role="chair").user
    for name in ("review_edit", "review_delete"):
        url = reverse(f"plans:{name}", args=[review.pk])
        assert sign_in(client, world.member).get(url).status_code == 404
        assert sign_in(client, other).post(url, {"text": "x"}).status_code == 404
    review.refresh_from_db()
    assert review.text == "Hi"

"""The privacy rules in issue 6, one test each."""

from django.urls import reverse

from reflection.assessment.models import Response
from tests.assessment.factories import fill_round, instruments, make_round, submitted
from tests.conftest import sign_in


def _result(client, response):
    return client.get(reverse("assessment:result", args=[response.pk]))


def test_the_member_sees_their_own_results(world, signed_in):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    page = _result(signed_in(world.member), response)
    assert page.status_code == 200
    assert b"Your results" in page.content


def test_the_chair_and_facilitator_never_see_unshared_results(world, client):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    for user in (
        world.chair,
        world.facilitator,
        world.other_member,
        world.other_chair,
        world.editor,
    ):
        sign_in(client, user)
        assert _result(client, response).status_code == 404, user


def test_sharing_lets_the_chair_see_and_withdrawing_stops_it(world, signed_in, client):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    signed_in(world.member).post(reverse("assessment:share", args=[response.pk]), {"shared": "yes"})
    sign_in(client, world.chair)
    page = _result(client, response)
    assert page.status_code == 200
    assert b"Results shared by Maya Member" in page.content
    assert (
        b"Maya Member" in client.get(reverse("assessment:shared", args=[world.board_a.pk])).content
    )
    sign_in(client, world.other_member)
    assert _result(client, response).status_code == 404  # sharing is with leaders only
    sign_in(client, world.member)
    client.post(reverse("assessment:share", args=[response.pk]), {"shared": "no"})
    sign_in(client, world.chair)
    assert _result(client, response).status_code == 404
    listing = client.get(reverse("assessment:shared", args=[world.board_a.pk]))
    assert listing.status_code == 200
    assert b"No member has shared their results with you." in listing.content
    assert b"Maya Member" not in listing.content


def test_only_the_member_can_share_their_results(world, signed_in):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    client = signed_in(world.chair)
    assert (
        client.post(reverse("assessment:share", args=[response.pk]), {"shared": "yes"}).status_code
        == 404
    )
    response.refresh_from_db()
    assert response.shared_at is None


def test_a_shared_result_is_hidden_again_once_the_member_leaves_the_board(world, signed_in):
    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    Response.objects.filter(pk=response.pk).update(shared_at=response.submitted_at)
    world.membership(world.member).delete()
    assert _result(signed_in(world.chair), response).status_code == 404


def test_four_responses_show_no_aggregate_and_five_do(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci)
    fill_round(round_, 4, value=6)
    client = signed_in(world.chair)
    page = client.get(reverse("assessment:round_detail", args=[round_.pk]))
    assert b"Not enough answers to show" in page.content
    assert b"<svg" not in page.content and b"Spread" not in page.content
    fill_round(round_, 1, value=6)
    page = client.get(reverse("assessment:round_detail", args=[round_.pk]))
    assert b"5 members answered" in page.content
    assert b"<svg" in page.content


def test_erasing_a_member_below_five_hides_a_closed_rounds_aggregate_at_once(world, signed_in):
    from reflection.assessment.selectors import round_aggregate

    ci, _ = instruments()
    round_ = make_round(world.board_a, ci)
    responses = fill_round(round_, 5, value=6)
    assert round_aggregate(round_).shown  # and now kept in the cache
    responses[0].user.delete()  # erasure removes the person's responses
    round_.refresh_from_db()
    assert not round_aggregate(round_).shown
    page = signed_in(world.chair).get(reverse("assessment:round_detail", args=[round_.pk]))
    assert b"Not enough answers to show" in page.content


def test_an_open_round_shows_no_aggregate(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci, closed=False)
    fill_round(round_, 8)
    page = signed_in(world.chair).get(reverse("assessment:round_detail", args=[round_.pk]))
    assert b"appear once this round closes" in page.content
    assert b"<svg" not in page.content and b"8 members" not in page.content


def test_the_aggregate_is_never_split_by_role(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci)
    fill_round(round_, 5)
    page = signed_in(world.facilitator).get(reverse("assessment:round_detail", args=[round_.pk]))
    assert b"5 members answered" in page.content and b"<svg" in page.content  # figures shown
    for role in (b"Chair", b"Chief executive", b"Non-executive"):
        assert role not in page.content


def test_another_boards_chair_gets_404_everywhere(world, signed_in):
    ci, _ = instruments()
    round_ = make_round(world.board_a, ci)
    fill_round(round_, 5)
    client = signed_in(world.other_chair)
    assert client.get(reverse("assessment:round_detail", args=[round_.pk])).status_code == 404
    assert (
        client.get(reverse("assessment:board_rounds", args=[world.board_a.pk])).status_code == 404
    )
    assert client.get(reverse("assessment:shared", args=[world.board_a.pk])).status_code == 404


def test_content_editors_see_no_responses_in_the_wagtail_admin(world, signed_in):
    from wagtail.snippets.models import get_snippet_models

    ci, _ = instruments()
    submitted(world.member, board=world.board_a, instrument=ci)
    assert {model.__name__ for model in get_snippet_models()} & {
        "Response",
        "ItemAnswer",
        "DimensionScore",
        "Round",
    } == set()
    client = signed_in(world.editor)
    for path in (
        "/admin/snippets/assessment/response/",
        "/admin/snippets/assessment/itemanswer/",
        "/admin/assessment/response/",
    ):
        assert client.get(path).status_code == 404, path
    page = client.get(f"/admin/snippets/assessment/instrument/edit/{ci.pk}/")
    assert page.status_code == 200  # editors write instruments...
    assert ci.name.encode() in page.content
    assert b"Maya" not in page.content  # ...and see nothing of anyone's answers

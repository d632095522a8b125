from django.urls import reverse

from tests.factories import MembershipFactory


def test_it_lists_each_board_and_role(client, world, signed_in):
    MembershipFactory(user=world.member, board=world.board_b, role="governor")
    signed_in(world.member)
    content = client.get(reverse("member_home")).content.decode()
    assert "Alderley NHS Foundation Trust" in content
    assert "Brookfield NHS Trust" in content
    assert "Governor" in content


def test_inactive_seats_are_not_listed(client, world, signed_in):
    MembershipFactory(user=world.member, board=world.board_b, is_active=False)
    signed_in(world.member)
    content = client.get(reverse("member_home")).content.decode()
    assert "Alderley NHS Foundation Trust" in content  # the active seat is listed...
    assert "Brookfield NHS Trust" not in content  # ...and the inactive one is not


def test_a_person_with_no_board_is_told_how_to_join(client, world, signed_in):
    signed_in(world.editor)
    assert "send you an invitation" in client.get(reverse("member_home")).content.decode()


def test_board_switcher_remembers_the_chosen_board(client, world, signed_in):
    MembershipFactory(user=world.member, board=world.board_b)
    signed_in(world.member)
    client.post(reverse("board_switch"), {"board": world.board_b.pk})
    response = client.get(reverse("member_home"))
    assert response.context["current_membership"].board == world.board_b


def test_board_switcher_answers_404_for_a_board_you_are_not_on(client, world, signed_in):
    signed_in(world.member)
    assert client.post(reverse("board_switch"), {"board": world.board_b.pk}).status_code == 404
    assert client.post(reverse("board_switch"), {"board": "abc"}).status_code == 404


def test_board_switcher_ignores_an_offsite_next_url(client, world, signed_in):
    signed_in(world.member)
    response = client.post(
        reverse("board_switch"), {"board": world.board_a.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("member_home")

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from learning.models import Membership, User
from tests.conftest import sign_in
from tests.factories import PASSWORD, InvitationFactory

NEW_ACCOUNT = {
    "first_name": "Amira",
    "last_name": "Okafor",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def test_it_creates_the_account_and_membership_and_signs_in(client, world):
    invitation = InvitationFactory(board=world.board_a, role="governor")
    response = client.post(reverse("invitation_accept", args=[invitation.token]), NEW_ACCOUNT)
    assert response.status_code == 302
    user = User.objects.get(email=invitation.email)
    assert Membership.objects.get(user=user).role == "governor"
    assert client.get(reverse("member_home")).context["user"] == user


def test_it_can_be_used_only_once(client, world):
    invitation = InvitationFactory(board=world.board_a)
    url = reverse("invitation_accept", args=[invitation.token])
    client.post(url, NEW_ACCOUNT)
    client.post(reverse("account_logout"))
    response = client.post(url, NEW_ACCOUNT)
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    assert User.objects.filter(email=invitation.email).count() == 1


def test_expired_invitation_says_so_and_creates_nothing(client, world):
    invitation = InvitationFactory(
        board=world.board_a, expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(reverse("invitation_accept", args=[invitation.token]), NEW_ACCOUNT)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_revoked_invitation_says_so(client, world):
    invitation = InvitationFactory(board=world.board_a, revoked_at=timezone.now())
    response = client.get(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_forged_token_is_not_recognised(client, world):
    response = client.post(reverse("invitation_accept", args=["made-up-token"]), NEW_ACCOUNT)
    assert response.status_code == 404
    assert "do not recognise this invitation" in response.content.decode()


def test_mismatched_passwords_are_a_field_error_and_keep_the_names(client, world):
    invitation = InvitationFactory(board=world.board_a)
    data = {**NEW_ACCOUNT, "password2": "something-else-entirely"}
    response = client.post(reverse("invitation_accept", args=[invitation.token]), data)
    assert response.status_code == 200
    assert "The passwords do not match" in response.content.decode()
    assert 'value="Okafor"' in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_existing_account_joins_after_sign_in_without_a_duplicate(client, world):
    invitation = InvitationFactory(board=world.board_b, email=world.member.email.upper())
    url = reverse("invitation_accept", args=[invitation.token])
    assert "Sign in to accept" in client.get(url).content.decode()
    assert client.post(url, NEW_ACCOUNT).status_code == 200  # still asks to sign in
    sign_in(client, world.member)
    assert client.post(url).status_code == 302
    assert world.member.memberships.filter(board=world.board_b).exists()
    assert User.objects.filter(email__iexact=world.member.email).count() == 1


def test_someone_else_signed_in_cannot_take_the_invitation(client, world):
    invitation = InvitationFactory(board=world.board_b, email=world.member.email)
    sign_in(client, world.other_member)
    response = client.post(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 403
    assert not world.other_member.memberships.filter(board=world.board_b).exists()


def test_existing_account_password_is_untouched(client, world):
    invitation = InvitationFactory(board=world.board_b, email=world.member.email)
    client.post(reverse("invitation_accept", args=[invitation.token]), NEW_ACCOUNT)
    world.member.refresh_from_db()
    assert world.member.check_password(PASSWORD)

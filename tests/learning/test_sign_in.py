from django.urls import reverse

from tests.factories import PASSWORD


def test_it_signs_in_by_email_and_lands_on_home(client, world):
    response = client.post(
        reverse("account_login"), {"username": world.member.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("member_home")


def test_wrong_password_and_unknown_account_get_the_same_message(client, world):
    wrong = client.post(reverse("account_login"), {"username": world.member.email, "password": "x"})
    unknown = client.post(
        reverse("account_login"), {"username": "nobody@example.nhs.uk", "password": "x"}
    )
    message = "The email address or password is not right"
    assert message in wrong.content.decode()
    assert message in unknown.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_changes_the_session_key_on_sign_in(client, world):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("account_login"), {"username": world.member.email, "password": PASSWORD})
    assert client.session.session_key != before


def test_sign_out_needs_a_post_and_ends_the_session(client, world, signed_in):
    signed_in(world.member)
    assert client.get(reverse("account_logout")).status_code == 405
    client.post(reverse("account_logout"))
    assert client.get(reverse("member_home")).status_code == 302


def test_password_reset_sends_a_link_only_to_a_real_account(client, world, mailoutbox):
    client.post(reverse("password_reset"), {"email": world.member.email})
    client.post(reverse("password_reset"), {"email": "nobody@example.nhs.uk"})
    assert [m.to for m in mailoutbox] == [[world.member.email]]
    assert "/account/password-reset/" in mailoutbox[0].body


def test_signed_in_pages_are_not_stored_by_browsers(client, world, signed_in):
    signed_in(world.member)
    assert "no-store" in client.get(reverse("member_home"))["Cache-Control"]

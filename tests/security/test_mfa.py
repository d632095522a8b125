"""Multi-factor sign-in: who must use it, the second step, setup, recovery codes, removal."""

import re

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from learning.account_views import NEW_CODES_KEY
from learning.audit.models import AuditEvent
from learning.mfa import user_requires_mfa
from learning.models import RecoveryCode
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory
from tests.security.support import current_code, fresh_code, totp_device_for


def _password_step(client, user, next_url=""):
    data = {"username": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


def test_leaders_editors_and_staff_need_a_second_factor_and_members_do_not(world):
    staff = UserFactory(is_staff=True)
    assert user_requires_mfa(world.chair)
    assert user_requires_mfa(world.facilitator)
    assert user_requires_mfa(world.editor)
    assert user_requires_mfa(staff)
    assert not user_requires_mfa(world.member)
    assert not user_requires_mfa(world.other_member)


def test_a_chair_without_an_app_is_sent_to_set_one_up_and_held_there(client, world):
    response = _password_step(client, world.chair)
    assert response["Location"].startswith(reverse("account_mfa_setup"))
    held = client.get(reverse("account_security"))
    assert held.status_code == 302
    assert held["Location"].startswith(reverse("account_mfa_setup"))


def test_a_person_with_an_app_must_enter_a_code_before_any_page(client, world):
    totp_device_for(world.chair)
    response = _password_step(client, world.chair, next_url=reverse("account_security"))
    assert response["Location"].startswith(reverse("account_verify"))
    assert client.get(reverse("member_home"))["Location"].startswith(reverse("account_verify"))
    assert client.get("/admin/")["Location"].startswith(reverse("account_verify"))


def test_a_wrong_code_is_refused_and_a_right_one_lets_the_person_in(client, world):
    device = totp_device_for(world.chair)
    _password_step(client, world.chair)
    wrong = client.post(reverse("account_verify"), {"token": "000000"})
    assert "The code is not right" in wrong.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    right = client.post(
        reverse("account_verify"),
        {"token": fresh_code(device), "next": reverse("account_security")},
    )
    assert right["Location"] == reverse("account_security")
    assert client.get(reverse("account_security")).status_code == 200
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"mfa_failed", "mfa_verified"} <= actions


def test_the_second_step_gives_a_new_session_key(client, world):
    device = totp_device_for(world.chair)
    _password_step(client, world.chair)
    before = client.session.session_key
    client.post(reverse("account_verify"), {"token": fresh_code(device)})
    assert client.session.session_key != before


def test_a_code_cannot_be_used_twice(client, world):
    device = totp_device_for(world.chair)
    code = fresh_code(device)
    _password_step(client, world.chair)
    client.post(reverse("account_verify"), {"token": code})
    client.post(reverse("account_logout"))
    _password_step(client, world.chair)
    again = client.post(reverse("account_verify"), {"token": code})
    assert again.status_code == 200
    assert "The code is not right" in again.content.decode()


def test_a_recovery_code_works_once(client, world):
    signed = sign_in(client, world.member)
    device = totp_device_for(world.member)
    page = signed.get(reverse("account_mfa_setup"))
    assert page.status_code == 200
    client.post(reverse("account_logout"))
    # Set up properly through the page to get real recovery codes.
    device.delete()
    sign_in(client, world.member)
    setup = client.get(reverse("account_mfa_setup"))
    assert setup.status_code == 200
    new_device = TOTPDevice.objects.get(user=world.member, confirmed=False)
    client.post(
        reverse("account_mfa_setup"), {"token": current_code(new_device), "password": PASSWORD}
    )
    codes = client.session[NEW_CODES_KEY]
    assert len(codes) == 10
    client.post(reverse("account_logout"))
    _password_step(client, world.member)
    used = client.post(reverse("account_verify"), {"token": codes[0].upper()})
    assert used.status_code == 302
    client.post(reverse("account_logout"))
    _password_step(client, world.member)
    again = client.post(reverse("account_verify"), {"token": codes[0]})
    assert again.status_code == 200


def test_setup_shows_a_qr_code_without_inline_styles_and_the_key_as_text(client, world):
    sign_in(client, world.member)
    body = client.get(reverse("account_mfa_setup")).content.decode()
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    assert "style=" not in svg
    assert "<title>" in svg
    device = TOTPDevice.objects.get(user=world.member, confirmed=False)
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert secret[:4] in body


def test_setup_asks_for_the_password_again(client, world):
    sign_in(client, world.member)
    client.get(reverse("account_mfa_setup"))
    device = TOTPDevice.objects.get(user=world.member, confirmed=False)
    response = client.post(
        reverse("account_mfa_setup"), {"token": current_code(device), "password": "wrong"}
    )
    assert "The password is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_setup_confirms_the_app_shows_codes_once_and_verifies_the_session(client, world):
    sign_in(client, world.member)
    client.get(reverse("account_mfa_setup"))
    device = TOTPDevice.objects.get(user=world.member, confirmed=False)
    response = client.post(
        reverse("account_mfa_setup"), {"token": current_code(device), "password": PASSWORD}
    )
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    codes = client.session[NEW_CODES_KEY]
    shown = client.get(response["Location"])
    assert len(codes) == 10
    assert all(code in shown.content.decode() for code in codes)
    assert client.get(reverse("account_recovery_codes_new")).status_code == 302
    assert client.get(reverse("account_security")).status_code == 200
    assert AuditEvent.objects.filter(action="mfa_enabled", subject_user=world.member).exists()


def test_a_chair_who_sets_up_an_app_at_sign_in_goes_on_to_the_page_they_wanted(client, world):
    _password_step(client, world.chair, next_url=reverse("account_security"))
    client.get(reverse("account_mfa_setup"))
    device = TOTPDevice.objects.get(user=world.chair, confirmed=False)
    response = client.post(
        reverse("account_mfa_setup"),
        {"token": current_code(device), "password": PASSWORD, "next": reverse("account_security")},
    )
    codes_page = client.get(response["Location"])
    assert f'href="{reverse("account_security")}"' in codes_page.content.decode()


def test_new_recovery_codes_need_the_password_and_replace_the_old(client, world):
    sign_in(client, world.chair)
    refused = client.post(reverse("account_recovery_codes"), {"password": "wrong"})
    assert refused.status_code == 200
    assert not RecoveryCode.objects.filter(device__user=world.chair).exists()
    client.post(reverse("account_recovery_codes"), {"password": PASSWORD})
    first = set(client.session[NEW_CODES_KEY])
    client.post(reverse("account_recovery_codes"), {"password": PASSWORD})
    second = set(client.session[NEW_CODES_KEY])
    assert len(second) == 10 and not first & second
    assert RecoveryCode.objects.filter(device__user=world.chair).count() == 10


def test_a_member_may_turn_the_second_step_off_with_the_password(client, world):
    totp_device_for(world.member)
    sign_in(client, world.member)
    refused = client.post(reverse("account_mfa_remove"), {"password": "wrong"})
    assert refused.status_code == 200
    assert TOTPDevice.objects.filter(user=world.member).exists()
    client.post(reverse("account_mfa_remove"), {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=world.member).exists()
    assert AuditEvent.objects.filter(action="mfa_removed", subject_user=world.member).exists()


def test_a_chair_cannot_turn_the_second_step_off(client, world):
    sign_in(client, world.chair)
    assert client.get(reverse("account_mfa_remove")).status_code == 404
    client.post(reverse("account_mfa_remove"), {"password": PASSWORD})
    assert TOTPDevice.objects.filter(user=world.chair, confirmed=True).exists()


def test_a_password_reset_does_not_sign_in_or_skip_the_second_step(client, world, mailoutbox):
    totp_device_for(world.chair)
    client.post(reverse("password_reset"), {"email": world.chair.email})
    link = re.search(r"(/account/password-reset/[^/\s]+/[^/\s]+/)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new_password = "a-brand-new-passphrase-42"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done["Location"] == reverse("password_reset_complete")
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("account_login"), {"username": world.chair.email, "password": new_password}
    )
    assert response["Location"].startswith(reverse("account_verify"))


def test_the_wagtail_admin_needs_a_verified_second_factor(client, world):
    client.force_login(world.editor)  # password only, as if the second step were skipped
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_mfa_setup"))


def test_the_sign_in_helper_gives_leaders_and_editors_a_verified_session(client, world):
    for user in (world.chair, world.facilitator, world.editor, world.member):
        sign_in(client, user)
        assert client.get(reverse("account_security")).status_code == 200
        client.post(reverse("account_logout"))
    sign_in(client, world.editor)
    assert client.get("/admin/").status_code == 200


def test_email_change_needs_the_password_and_tells_the_old_address(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    sign_in(client, world.member)
    old = world.member.email
    refused = client.post(
        reverse("account_email_change"), {"email": "new@example.nhs.uk", "password": "nope"}
    )
    assert refused.status_code == 200
    world.member.refresh_from_db()
    assert world.member.email == old
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_email_change"),
            {"email": "New@Example.nhs.uk", "password": PASSWORD},
        )
    world.member.refresh_from_db()
    assert world.member.email == "new@example.nhs.uk"
    assert [message.to for message in mailoutbox] == [[old]]
    assert AuditEvent.objects.filter(action="email_changed", subject_user=world.member).exists()


def test_email_change_refuses_an_address_someone_else_uses(client, world):
    sign_in(client, world.member)
    response = client.post(
        reverse("account_email_change"),
        {"email": world.other_member.email.upper(), "password": PASSWORD},
    )
    assert "Choose a different email address" in response.content.decode()


def test_a_member_made_facilitator_is_stopped_at_the_second_step_on_the_next_request(client, world):
    from learning.models import Membership, Role

    _password_step(client, world.member)
    board_page = reverse("member_home")
    assert client.get(board_page).status_code == 200  # a member needs no second factor

    seat = Membership.objects.get(user=world.member, board=world.board_a)
    seat.role = Role.FACILITATOR
    seat.save()  # as the Wagtail admin or any service saves a seat

    sessions = reverse("development:session_list")
    response = client.get(sessions)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_mfa_setup"))
    assert client.get(board_page)["Location"].startswith(reverse("account_mfa_setup"))


def test_a_member_whose_seats_have_not_changed_is_not_asked_again(client, world):
    _password_step(client, world.member)
    client.get(reverse("member_home"))
    from learning.mfa import MFA_ROLES_KEY

    assert (
        client.session[MFA_ROLES_KEY]
        == type(world.member).objects.get(pk=world.member.pk).roles_version
    )
    assert client.get(reverse("member_home")).status_code == 200

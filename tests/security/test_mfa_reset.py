"""Staff reset a lost second factor after an identity check they record; the person is told."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from learning.audit.models import AuditEvent
from learning.mfa import _recovery_codes_replace
from learning.models import SecondFactorReset, User
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory
from tests.security.support import totp_device_for

URL = "account_second_factor_reset"
CHECK = "Called her back on the number the board office gave; she confirmed the last session."


@pytest.fixture
def staff(client, world):
    return sign_in(client, UserFactory(is_staff=True, first_name="Sam", last_name="Staff"))


@pytest.fixture
def chair_with_app(world):
    totp_device_for(world.chair)
    _recovery_codes_replace(world.chair)
    return world.chair


def _reset(client, person, check=CHECK, password=PASSWORD):
    return client.post(
        reverse(URL),
        {"email": person.email, "identity_check": check, "password": password},
        follow=False,
    )


def test_staff_reset_removes_the_app_and_codes_and_keeps_the_check(
    staff, chair_with_app, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _reset(staff, chair_with_app)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=chair_with_app).exists()
    assert not StaticDevice.objects.filter(user=chair_with_app).exists()
    record = SecondFactorReset.objects.get(person=chair_with_app)
    assert record.identity_check == CHECK
    assert record.reset_by.first_name == "Sam"


def test_the_reset_is_audited_and_the_person_emailed(
    staff, chair_with_app, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _reset(staff, chair_with_app)
    event = AuditEvent.objects.get(action=AuditEvent.Action.MFA_RESET)
    assert event.subject_user == chair_with_app
    assert event.target.startswith("learning.secondfactorreset:")
    assert CHECK not in event.target
    assert [message.to for message in mail.outbox] == [[chair_with_app.email]]
    assert "reset the two-step sign-in" in mail.outbox[0].body


def test_the_person_is_signed_out_and_sets_up_a_new_app_at_next_sign_in(
    staff, chair_with_app, django_capture_on_commit_callbacks
):
    theirs = sign_in(Client(), chair_with_app)
    with django_capture_on_commit_callbacks(execute=True):
        _reset(staff, chair_with_app)
    assert theirs.get(reverse("account_security")).status_code == 302
    fresh = Client()
    fresh.post(reverse("account_login"), {"username": chair_with_app.email, "password": PASSWORD})
    response = fresh.get(reverse("member_home"))
    assert response["Location"].startswith(reverse("account_mfa_setup"))


def test_without_saying_how_identity_was_checked_nothing_changes(staff, chair_with_app):
    response = _reset(staff, chair_with_app, check="ok")
    assert response.status_code == 200
    assert "how you checked who they are" in response.content.decode()
    assert TOTPDevice.objects.filter(user=chair_with_app).exists()
    assert not SecondFactorReset.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.MFA_RESET).exists()


def test_a_wrong_staff_password_changes_nothing(staff, chair_with_app):
    response = _reset(staff, chair_with_app, password="not-my-password")
    assert "The password is not right" in response.content.decode()
    assert TOTPDevice.objects.filter(user=chair_with_app).exists()


def test_staff_cannot_reset_their_own(client, staff):
    user = User.objects.get(pk=client.session["_auth_user_id"])
    response = _reset(staff, user)
    assert "You cannot reset your own second factor" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()


def test_a_facilitator_gets_404_and_changes_nothing(client, world, chair_with_app):
    sign_in(client, world.facilitator)
    assert client.get(reverse(URL)).status_code == 404
    assert _reset(client, chair_with_app).status_code == 404
    assert TOTPDevice.objects.filter(user=chair_with_app).exists()
    assert not SecondFactorReset.objects.exists()


def test_the_person_finds_the_check_in_their_own_data(staff, chair_with_app, client):
    _reset(staff, chair_with_app)
    client.post(reverse("account_logout"))
    sign_in(client, chair_with_app)
    data = client.get(reverse("account_my_data_download")).content.decode()
    assert "Called her back on the number the board office gave" in data

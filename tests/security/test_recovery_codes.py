"""Recovery codes are kept only as salted, keyed hashes, work once each, and the wait after
wrong codes is the one the page states."""

from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from learning import recovery_codes
from learning.mfa import RECOVERY_DEVICE_NAME, _recovery_codes_replace, recovery_codes_left
from learning.models import RecoveryCode
from learning.views import wait_in_words
from tests.factories import PASSWORD
from tests.security.support import totp_device_for


def _password_step(client, user):
    client.post(reverse("account_login"), {"username": user.email, "password": PASSWORD})


def _verify(client, token):
    return client.post(reverse("account_verify"), {"token": token})


def test_no_code_is_stored_as_it_was_given(world):
    codes = _recovery_codes_replace(world.chair)
    stored = list(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 10 and len(set(stored)) == 10
    assert not any(code in value for code in codes for value in stored)
    assert not StaticToken.objects.exists()
    assert all(value.startswith("hmac_sha256$") for value in stored)


def test_the_same_code_hashes_differently_each_time(world):
    assert recovery_codes.code_hash("abcd2345") != recovery_codes.code_hash("abcd2345")


def test_a_code_hashed_under_another_secret_does_not_match(settings):
    stored = recovery_codes.code_hash("abcd2345", secret="another-secret")
    assert not recovery_codes.code_matches("abcd2345", stored)
    settings.SECRET_KEY_FALLBACKS = ["another-secret"]
    assert recovery_codes.code_matches("abcd2345", stored)


def test_a_hashed_code_signs_in_once_then_never_again(client, world):
    totp_device_for(world.chair)
    codes = _recovery_codes_replace(world.chair)
    _password_step(client, world.chair)
    assert _verify(client, codes[3].upper()).status_code == 302
    assert recovery_codes_left(world.chair) == 9
    client.post(reverse("account_logout"))
    _password_step(client, world.chair)
    StaticDevice.objects.update(throttling_failure_count=0)
    again = _verify(client, codes[3])
    assert again.status_code == 200
    assert "The code is not right" in again.content.decode()
    assert recovery_codes_left(world.chair) == 9


def test_the_migration_hashes_codes_kept_in_plain_text(client, world):
    totp_device_for(world.chair)
    device = StaticDevice.objects.create(user=world.chair, name=RECOVERY_DEVICE_NAME)
    StaticToken.objects.create(device=device, token="plain123")
    StaticToken.objects.create(device=device, token="plain456")

    import_module("learning.migrations.0005_recovery_codes_hashed").hash_codes(apps, None)

    assert not StaticToken.objects.exists()
    assert RecoveryCode.objects.filter(device=device).count() == 2
    assert not RecoveryCode.objects.filter(code_hash__contains="plain").exists()
    _password_step(client, world.chair)
    assert _verify(client, "plain456").status_code == 302


def test_the_pause_message_gives_the_real_wait(client, world):
    device = totp_device_for(world.chair)
    _password_step(client, world.chair)
    # Six wrong codes so far: django-otp now asks for 2 ** 5 = 32 seconds.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=6, throttling_failure_timestamp=timezone.now()
    )
    page = _verify(client, "123456").content.decode()
    assert "Wait 32 seconds, then try again" in page
    assert "The wait doubles with each wrong code" in page


def test_after_many_wrong_codes_the_wait_is_given_in_minutes(client, world):
    device = totp_device_for(world.chair)
    _password_step(client, world.chair)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=10,
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=12),
    )
    page = _verify(client, "123456").content.decode()
    assert "Wait 9 minutes, then try again" in page  # 512 s asked, 12 s gone: 500 s


def test_a_wrong_code_says_when_the_next_try_is_allowed(client, world):
    device = totp_device_for(world.chair)
    _password_step(client, world.chair)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=3)
    page = _verify(client, "000000").content.decode()
    assert "The code is not right. Check it and try again in 8 seconds." in page


def test_wrong_recovery_codes_are_paused_too(client, world):
    totp_device_for(world.chair)
    _recovery_codes_replace(world.chair)
    _password_step(client, world.chair)
    _verify(client, "wrong123")
    StaticDevice.objects.update(throttling_failure_count=4)
    page = _verify(client, "wrong456").content.decode()
    assert "Wait 8 seconds, then try again" in page


def test_waits_read_as_seconds_then_minutes():
    assert wait_in_words(1) == "1 second"
    assert wait_in_words(89) == "89 seconds"
    assert wait_in_words(90) == "2 minutes"
    assert wait_in_words(500) == "9 minutes"

"""Test support for multi-factor sign-in: a confirmed authenticator device and its codes."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_for(user) -> TOTPDevice:
    """The user's confirmed authenticator device, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the person's app would show now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(code).zfill(device.digits)


def fresh_code(device: TOTPDevice) -> str:
    """A code that verifies even if this device already accepted the current one (django-otp
    refuses a code twice): forget the last use and any throttling first."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    return current_code(device)

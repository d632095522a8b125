"""Recovery codes: made, checked and used up, kept only as salted hashes keyed with the site's
secret. Each code works once.

The codes are short enough to type (eight letters and digits), so a salted hash alone could be
guessed from a stolen copy of the database; keying it with SECRET_KEY (and any of
SECRET_KEY_FALLBACKS, so a planned key change keeps the codes working) means the database on
its own is not enough. Changing SECRET_KEY without keeping the old one in the fallbacks makes
every recovery code stop working; people then ask staff to reset their second factor.
"""

import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from .models import RecoveryCode

ALGORITHM = "hmac_sha256"
KEY_SALT = "boardready.recovery-code"


def normalise(code: str) -> str:
    """As people type it: spaces ignored, any case."""
    return "".join(code.split()).lower()


def code_hash(code: str, *, salt: str | None = None, secret: str | bytes | None = None) -> str:
    """`hmac_sha256$<salt>$<hex digest>` of the code, with a new salt unless one is given."""
    salt = salt or secrets.token_hex(16)
    digest = salted_hmac(
        KEY_SALT,
        f"{salt}${normalise(code)}",
        secret=secret or settings.SECRET_KEY,
        algorithm="sha256",
    ).hexdigest()
    return f"{ALGORITHM}${salt}${digest}"


def code_matches(code: str, stored: str) -> bool:
    algorithm, _, rest = stored.partition("$")
    salt, _, _digest = rest.partition("$")
    if algorithm != ALGORITHM or not salt:
        return False
    return any(
        constant_time_compare(code_hash(code, salt=salt, secret=secret), stored)
        for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    )


def codes_replace(device: StaticDevice, count: int) -> list[str]:
    """A new set of `count` codes for the device; the old ones stop working. Returns the codes,
    which are shown once and never stored."""
    device.recovery_codes.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, code_hash=code_hash(code)) for code in codes
    )
    return codes


def code_use(device: StaticDevice, code: str) -> bool:
    """Uses up a code if it is one of the device's. Throttled as django-otp throttles its own
    devices (each wrong code doubles the wait). Safe when two requests race with the same code:
    only the one whose delete removes the row succeeds."""
    if not device.verify_is_allowed()[0]:
        return False
    match = next(
        (row for row in device.recovery_codes.all() if code_matches(code, row.code_hash)), None
    )
    if match is None or RecoveryCode.objects.filter(pk=match.pk).delete()[0] != 1:
        device.throttle_increment()
        return False
    device.throttle_reset()
    return True

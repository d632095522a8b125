"""Multi-factor sign-in: who needs a second factor, and the writes that set one up or remove it.

A second factor is an authenticator app (django-otp TOTP) backed by one-off recovery codes
(django-otp static tokens). Chairs, facilitators, content editors (anyone who may open the
Wagtail admin) and staff must use one; every other member may choose to.
"""

import io
import math
from base64 import b32encode

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from learning.audit.models import AuditEvent
from learning.audit.services import (
    audit_record,
    session_forget,
    session_track,
    sessions_end_for_user,
)

from . import recovery_codes
from .models import Membership, RecoveryCode, SecondFactorReset
from .permissions import LEADER_ROLES

# What the session still needs before the person is fully signed in: set at sign-in so the
# middleware does not query on every request.
MFA_SESSION_KEY = "boardready_mfa"
# The person's `roles_version` when the state above was worked out: a different value on a
# later request means their seats have changed, so the state is worked out again.
MFA_ROLES_KEY = "boardready_mfa_roles"
STATE_NONE = "none"  # no second factor set up, none required
STATE_VERIFY = "verify"  # has an authenticator app: must enter a code
STATE_ENROL = "enrol"  # must set up an authenticator app before going on

TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def remember_state(session, user, state: str) -> str:
    """Keeps the session's second-factor state with the role stamp it was worked out under."""
    session[MFA_SESSION_KEY] = state
    session[MFA_ROLES_KEY] = user.roles_version
    return state


def session_state(session, user) -> str:
    """The session's second-factor state, worked out again (a few queries) only when it is
    missing or the person's seats have changed since; otherwise read from the session."""
    state = session.get(MFA_SESSION_KEY)
    if state is None or session.get(MFA_ROLES_KEY) != user.roles_version:
        state = remember_state(session, user, second_factor_state(user))
    return state


def user_requires_mfa(user) -> bool:
    """Staff, content editors (Wagtail admin access), chairs and facilitators need a second
    factor."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    return Membership.objects.active().filter(user=user, role__in=LEADER_ROLES).exists()


def user_has_mfa(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_state(user) -> str:
    if user_has_mfa(user):
        return STATE_VERIFY
    if user_requires_mfa(user):
        return STATE_ENROL
    return STATE_NONE


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(device__user=user, device__confirmed=True).count()


def totp_device_for_setup(*, user) -> TOTPDevice:
    """The person's unconfirmed authenticator device, made once and reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


def totp_qr_svg(device: TOTPDevice) -> str:
    """The setup link as an SVG QR code (no inline styles, so the page's CSP holds)."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        scale=5,
        border=2,
        nl=False,
        svgclass="br-qr-code",
        lineclass=None,
        title="QR code for your authenticator app",
    )
    return mark_safe(buffer.getvalue().decode())  # noqa: S308 (segno's own markup, no user text)


def totp_secret_for_display(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def mfa_totp_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirms a new authenticator app with a code from it and marks the session verified.

    Any older app is removed and a fresh set of recovery codes is made. Returns the codes, or
    None when the code was wrong.
    """
    user = request.user
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(user)
    _mark_verified(request, device)
    audit_record(
        actor=user, action=AuditEvent.Action.MFA_ENABLED, subject_user=user, request=request
    )
    return codes


def _recovery_codes_replace(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()  # plain-text codes from before they were hashed
    return recovery_codes.codes_replace(device, settings.BOARDREADY_RECOVERY_CODES)


@transaction.atomic
def recovery_codes_generate(*, request) -> list[str]:
    """Replaces the person's recovery codes with a new set; the old ones stop working."""
    user = request.user
    codes = _recovery_codes_replace(user)
    audit_record(
        actor=user,
        action=AuditEvent.Action.RECOVERY_CODES_CREATED,
        subject_user=user,
        request=request,
    )
    return codes


@transaction.atomic
def mfa_remove(*, request) -> None:
    """Removes the person's authenticator app and recovery codes (only if none is required)."""
    user = request.user
    if user_requires_mfa(user):
        raise PermissionError("A second factor is required for this account.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    remember_state(request.session, request.user, STATE_NONE)
    audit_record(
        actor=user, action=AuditEvent.Action.MFA_REMOVED, subject_user=user, request=request
    )


def mfa_verify(*, request, token: str) -> bool:
    """Checks a code from the authenticator app, or a recovery code, and if it is right marks
    the session verified (with a new session key). Throttled by django-otp after failures."""
    user = request.user
    token = "".join(token.split()).lower()
    with transaction.atomic():
        device = None
        if len(token) == 6 and token.isdigit():
            device = (
                TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            )
        else:
            device = (
                StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            )
        if isinstance(device, StaticDevice):
            verified = recovery_codes.code_use(device, token)
        else:
            verified = device is not None and device.verify_token(token)
    if not verified:
        audit_record(
            actor=user, action=AuditEvent.Action.MFA_FAILED, subject_user=user, request=request
        )
        return False
    _mark_verified(request, device)
    action = (
        AuditEvent.Action.RECOVERY_CODE_USED
        if isinstance(device, StaticDevice)
        else AuditEvent.Action.MFA_VERIFIED
    )
    audit_record(actor=user, action=action, subject_user=user, request=request)
    return True


def verification_wait(user) -> int:
    """Whole seconds until the person may try another code: 0 when they may now. django-otp
    doubles the wait after each wrong code (1, 2, 4, 8 … seconds), for the app and for recovery
    codes separately; the longer of the two is the one that holds."""
    now = timezone.now()
    wait = 0
    devices = [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            wait = max(wait, math.ceil((details["locked_until"] - now).total_seconds()))
    return wait


def _mark_verified(request, device) -> None:
    old_key = request.session.session_key
    request.session.cycle_key()
    session_forget(session_key=old_key)
    session_track(user=request.user, session_key=request.session.session_key)
    otp_login(request, device)
    remember_state(request.session, request.user, STATE_VERIFY)


def user_can_reset_second_factors(user) -> bool:
    """Only staff reset another person's second factor."""
    return user.is_authenticated and user.is_active and user.is_staff


@transaction.atomic
def mfa_reset_by_staff(*, request, person, identity_check: str) -> SecondFactorReset:
    """Removes `person`'s authenticator app and recovery codes after a member of staff has
    checked who they are, keeps how they checked, ends the person's sessions and emails them.

    They set up a new app at their next sign-in where their role needs one. Safe to call
    twice: a second reset finds nothing left to remove and records a second check.
    """
    staff = request.user
    if not user_can_reset_second_factors(staff) or person.pk == staff.pk:
        raise PermissionDenied
    record = SecondFactorReset(person=person, reset_by=staff, identity_check=identity_check)
    record.full_clean()
    record.save()
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    sessions_end_for_user(user=person, request=request)
    audit_record(
        actor=staff,
        action=AuditEvent.Action.MFA_RESET,
        subject_user=person,
        target=record,
        request=request,
    )
    email = person.email
    transaction.on_commit(
        lambda: send_mail(
            _("The two-step sign-in on your BoardReady account was reset"),
            render_to_string("registration/mfa_reset_email.txt", {"person": person}),
            None,
            [email],
        )
    )
    return record

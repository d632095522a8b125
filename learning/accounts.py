"""Account security: changing the sign-in email, and seeing and lifting sign-in pauses."""

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.audit.models import AuditEvent
from learning.audit.services import (
    audit_record,
    session_forget,
    session_track,
    sessions_end_for_user,
)

from .models import Membership
from .permissions import boards_facilitated_by


@transaction.atomic
def account_email_change(*, request, email: str):
    """Changes the signed-in person's email address and tells the old address it happened."""
    user = request.user
    old_email = user.email
    user.email = email.strip().lower()
    user.full_clean()
    user.save(update_fields=["email"])
    audit_record(
        actor=user, action=AuditEvent.Action.EMAIL_CHANGED, subject_user=user, request=request
    )
    transaction.on_commit(
        lambda: send_mail(
            _("Your BoardReady email address has changed"),
            _(
                "The email address you use to sign in to BoardReady has been changed. If you "
                "did not do this, contact your facilitator straight away."
            ),
            None,
            [old_email],
        )
    )
    return user


@transaction.atomic
def account_password_change(*, request, form) -> None:
    """Saves the new password from a valid PasswordChangeForm, keeps this session signed in,
    ends every other session of the person and emails them that it happened."""
    user = form.save()
    old_key = request.session.session_key
    sessions_end_for_user(user=user, request=request, keep=old_key)
    # A new session key with the new password's hash; the old key is no longer valid.
    update_session_auth_hash(request, user)
    session_forget(session_key=old_key)
    session_track(user=user, session_key=request.session.session_key)
    audit_record(
        actor=user, action=AuditEvent.Action.PASSWORD_CHANGED, subject_user=user, request=request
    )
    transaction.on_commit(
        lambda: send_mail(
            _("Your BoardReady password has changed"),
            _(
                "The password you use to sign in to BoardReady has been changed, and every "
                "other place you were signed in has been signed out. If you did not do this, "
                "reset your password and contact your facilitator straight away."
            ),
            None,
            [user.email],
        )
    )


def user_can_lift_pauses(user) -> bool:
    """Staff may lift any pause; a facilitator may lift those of their boards' members."""
    if not user.is_authenticated:
        return False
    return user.is_staff or boards_facilitated_by(user).exists()


def _emails_in_reach(user):
    """Email addresses whose pauses `user` may see and lift; None means every address."""
    if user.is_staff:
        return None
    return (
        Membership.objects.active()
        .filter(board__in=boards_facilitated_by(user))
        .values_list("user__email", flat=True)
    )


def paused_sign_ins_for(user) -> list[dict]:
    """Current sign-in pauses the user may lift: [{"email", "since", "person"}], newest first."""
    if not user_can_lift_pauses(user):
        raise Http404
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    )
    reach = _emails_in_reach(user)
    if reach is not None:
        attempts = attempts.filter(username__in=list(reach))
    attempts = list(attempts.order_by("-attempt_time").values("username", "attempt_time"))
    people = {
        person.email: person
        for person in get_user_model().objects.filter(
            email__in={attempt["username"] for attempt in attempts}
        )
    }
    seen, rows = set(), []
    for attempt in attempts:
        email = attempt["username"]
        if email in seen or email not in people:
            continue
        seen.add(email)
        rows.append({"email": email, "since": attempt["attempt_time"], "person": people[email]})
    return rows


@transaction.atomic
def sign_in_pause_lift(*, request, email: str) -> None:
    """Lifts the sign-in pause on an account the requester may reach, or 404."""
    email = email.strip().lower()
    allowed = {row["email"] for row in paused_sign_ins_for(request.user)}
    if email not in allowed:
        raise Http404
    axes_reset(username=email)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.UNLOCKED,
        subject_user=get_user_model().objects.get(email=email),
        request=request,
    )

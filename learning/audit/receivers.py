"""Signal receivers: sign-in events go to the audit log, and sessions are tracked and ended.

Signals rather than service calls because sign-ins happen inside Django's own views and the
test client, and deactivation happens in the Wagtail admin's generic edit views, which no
BoardReady service wraps.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from learning.models import Membership

from .models import AuditEvent
from .services import audit_record, session_forget, session_track, sessions_end_for_user

# Session keys the timeout middleware reads (learning.middleware.SessionTimeoutMiddleware).
SIGNED_IN_AT_KEY = "boardready_signed_in_at"
LAST_SEEN_KEY = "boardready_last_seen"


def _user_by_email(username):
    if not username:
        return None
    return get_user_model().objects.filter(email__iexact=str(username).strip()).first()


@receiver(user_logged_in, dispatch_uid="boardready_signed_in")
def signed_in(sender, request, user, **kwargs):
    from learning.mfa import remember_state, second_factor_state

    if request is None or not hasattr(request, "session"):
        return
    now = int(timezone.now().timestamp())
    request.session[SIGNED_IN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now
    remember_state(request.session, user, second_factor_state(user))
    if request.session.session_key is None:
        request.session.save()
    session_track(user=user, session_key=request.session.session_key)
    audit_record(actor=user, action=AuditEvent.Action.SIGN_IN, subject_user=user, request=request)


@receiver(user_logged_out, dispatch_uid="boardready_signed_out")
def signed_out(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    session_forget(session_key=request.session.session_key)
    if user is not None:
        audit_record(
            actor=user, action=AuditEvent.Action.SIGN_OUT, subject_user=user, request=request
        )


@receiver(user_login_failed, dispatch_uid="boardready_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only a link to an existing account is kept: what was typed might be a password.
    audit_record(
        actor=None,
        action=AuditEvent.Action.SIGN_IN_FAILED,
        subject_user=_user_by_email((credentials or {}).get("username")),
        request=request,
    )


@receiver(user_locked_out, dispatch_uid="boardready_locked_out")
def locked_out(sender, request=None, username=None, **kwargs):
    audit_record(
        actor=None,
        action=AuditEvent.Action.LOCKED_OUT,
        subject_user=_user_by_email(username),
        request=request,
    )


@receiver(pre_save, sender=get_user_model(), dispatch_uid="boardready_user_was_active")
@receiver(pre_save, sender=Membership, dispatch_uid="boardready_membership_was_active")
def remember_was_active(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "is_active" not in update_fields:
        instance._boardready_was_active = instance.is_active
        return
    if instance.pk is None:
        instance._boardready_was_active = False
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    instance._boardready_was_active = bool(stored)


@receiver(post_save, sender=get_user_model(), dispatch_uid="boardready_user_deactivated")
def user_deactivated(sender, instance, **kwargs):
    if getattr(instance, "_boardready_was_active", False) and not instance.is_active:
        sessions_end_for_user(user=instance)


@receiver(post_save, sender=Membership, dispatch_uid="boardready_membership_deactivated")
def membership_deactivated(sender, instance, **kwargs):
    if getattr(instance, "_boardready_was_active", False) and not instance.is_active:
        sessions_end_for_user(user=instance.user)

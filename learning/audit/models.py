"""The audit log, and the list of signed-in sessions each person has open."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One security-relevant thing someone did: who, what, to whom, when and from where.

    It never holds what people wrote or scored: only the kind of event and a reference to
    the record involved (`target`, e.g. "plans.commitment:12").
    """

    class Action(models.TextChoices):
        SIGN_IN = "sign_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGN_OUT = "sign_out", _("Signed out")
        SESSION_TIMED_OUT = "session_timed_out", _("Session timed out")
        SESSIONS_ENDED = "sessions_ended", _("Sessions ended")
        LOCKED_OUT = "locked_out", _("Locked out after failed sign-ins")
        UNLOCKED = "unlocked", _("Sign-in lock lifted")
        MFA_VERIFIED = "mfa_verified", _("Second factor accepted")
        MFA_FAILED = "mfa_failed", _("Second factor refused")
        MFA_ENABLED = "mfa_enabled", _("Authenticator app set up")
        MFA_REMOVED = "mfa_removed", _("Authenticator app removed")
        MFA_RESET = "mfa_reset", _("Second factor reset by staff")
        RECOVERY_CODES_CREATED = "recovery_codes_created", _("Recovery codes created")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        EMAIL_CHANGED = "email_changed", _("Email address changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PERSONAL_DATA_VIEWED = "personal_data_viewed", _("Viewed another person's data")
        EXPORT_DOWNLOADED = "export_downloaded", _("Export downloaded")
        PDF_DOWNLOADED = "pdf_downloaded", _("PDF downloaded")
        OWN_DATA_DOWNLOADED = "own_data_downloaded", _("Downloaded their own data")
        PERSON_ERASED = "person_erased", _("Person erased")
        SEAT_ADDED = "seat_added", _("Board seat given")
        ROLE_CHANGED = "role_changed", _("Board role changed")
        SEAT_ENDED = "seat_ended", _("Board seat ended")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=40, choices=Action.choices)
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The person whose data or account the event was about."),
    )
    target = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["subject_user", "at"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"


class UserSession(models.Model):
    """A server-side session a person signed in with, so it can be ended from elsewhere
    (when their account or a board seat is deactivated, or they are erased)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracked_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} since {self.created_at:%Y-%m-%d %H:%M}"

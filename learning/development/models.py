"""Board development sessions, their pre-reading, attendance, readiness and the emails sent."""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.invitations.models import Invitation
from learning.models import Board
from modules.models import ModulePage

from .dates import london

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

AGENDA_MAX = 5_000  # characters; the form and the model both refuse more


class DevelopmentSession(models.Model):
    """A facilitated board development session, with the reading members do before it."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="development_sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    location = models.CharField(_("location"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(
        _("agenda"), blank=True, max_length=AGENDA_MAX, validators=[MaxLengthValidator(AGENDA_MAX)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The calendar file's SEQUENCE: raised each time members' calendars need updating.
    sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["board", "starts_at"])]

    def __str__(self):
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


def two_years_after(day):
    """The same day two years on (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 2)
    except ValueError:
        return day.replace(year=day.year + 2, day=28)


def session_date_problem(starts_at, now=None) -> "StrOrPromise | None":
    """Why a session's date is refused, or None: it must be between today and two years ahead."""
    today = london(now or timezone.now()).date()
    day = london(starts_at).date()
    if day < today:
        return _("The date must be today or later.")
    if day > two_years_after(today):
        return _("The date must be no more than two years from today.")
    return None


def due_date_problem(due_date, starts_at) -> "StrOrPromise | None":
    """Why a due date does not fit a session, or None. Reading is due on or before the day."""
    if due_date > london(starts_at).date():
        return _("The due date must be on or before the day of the session.")
    return None


class Assignment(models.Model):
    """A module set as pre-reading for a session, due by the end of a day (Europe/London)."""

    session = models.ForeignKey(
        DevelopmentSession, on_delete=models.CASCADE, related_name="assignments"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="assignments")
    due_date = models.DateField(_("due date"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "module"], name="assignment_unique_module")
        ]

    def __str__(self):
        return f"{self.module} for {self.session}"

    def clean(self):
        super().clean()
        if self.due_date and self.session_id:
            problem = due_date_problem(self.due_date, self.session.starts_at)
            if problem:
                raise ValidationError({"due_date": problem})


class Attendance(models.Model):
    """Whether one person came to a session, as the facilitator recorded it afterwards.

    When a person is erased their rows are kept without them (`user` empty, recorded at the
    session's start), so a past session's "8 of 11 attended" stays as the board saw it."""

    session = models.ForeignKey(
        DevelopmentSession, on_delete=models.CASCADE, related_name="attendance"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="session_attendance",
    )
    attended = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="attendance_unique_person")
        ]

    def __str__(self):
        return f"{self.user or _('An erased person')} at {self.session}"


class ReadinessSnapshot(models.Model):
    """How many members had finished the pre-reading when the session started. Kept for good."""

    session = models.OneToOneField(
        DevelopmentSession, on_delete=models.CASCADE, related_name="readiness_snapshot"
    )
    member_count = models.PositiveIntegerField()
    ready_count = models.PositiveIntegerField()
    taken_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.ready_count} of {self.member_count} ready for {self.session}"

    @property
    def percent(self) -> int | None:
        if not self.member_count:
            return None
        return round(100 * self.ready_count / self.member_count)


class DigestOptOut(models.Model):
    """A facilitator who has asked not to get the daily digest email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_opt_out"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.user)


class Notification(models.Model):
    """One email BoardReady sends, kept as an outbox row and an idempotency record.

    `key` is unique, so the same reminder (kind + assignment + person) is never made twice;
    `sent_at` is set once the email has gone, so delivering it twice sends it once.
    """

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        MANUAL = "manual", _("Reminder from the facilitator")
        DUE_SOON = "due_soon", _("Reading due soon")
        OVERDUE = "overdue", _("Reading overdue")
        DIGEST = "digest", _("Daily digest")
        SESSION_MOVED = "session_moved", _("Session moved")
        SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
        NEW_CHAIR = "new_chair", _("A new chair")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    session = models.ForeignKey(
        DevelopmentSession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    subject = models.CharField(max_length=300)
    text_body = models.TextField()
    html_body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["session", "kind", "recipient", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.to}"

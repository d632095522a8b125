"""People, organisations, boards and who sits on which board in which role."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    """Creates users identified by email address alone."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in with their email address."""

    username = None  # type: ignore[assignment]  # no username: people sign in by email
    email = models.EmailField(_("email address"), unique=True)

    # Goes up whenever one of the person's seats is made, changed or ended
    # (learning.receivers). The second-factor check compares it on every request with the
    # value its session was checked under, so a new leading role needs a second factor at once.
    roles_version = models.PositiveIntegerField(default=0, editable=False)
    # When the person's last active seat ended (learning.receivers); cleared when they have a
    # seat again. `prune_security_records` erases accounts seatless for longer than
    # BOARDREADY_SEATLESS_ACCOUNT_DAYS. Null for people who never had a seat (editors, staff).
    seatless_since = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    # The stubs expect AbstractUser's username-based manager; this one is keyed on email.
    objects = UserManager()  # type: ignore[assignment, misc]

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.lower()
        super().save(*args, **kwargs)


class Organisation(models.Model):
    """An NHS trust, integrated care board or other body that has one or more boards."""

    class Type(models.TextChoices):
        ACUTE = "acute", _("Acute")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        COMMUNITY = "community", _("Community")
        AMBULANCE = "ambulance", _("Ambulance")
        COMBINED = "combined", _("Combined")
        ICB = "icb", _("Integrated care board")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, unique=True)
    type = models.CharField(max_length=20, choices=Type.choices)
    region = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Board(models.Model):
    """A board, council of governors or shadow board that develops together."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200, default="Board of directors")

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="board_name_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name}: {self.name}"


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CHIEF_EXECUTIVE = "chief_executive", _("Chief executive")
    EXECUTIVE_DIRECTOR = "executive_director", _("Executive director")
    NON_EXECUTIVE_DIRECTOR = "non_executive_director", _("Non-executive director")
    ASSOCIATE_NED = "associate_non_executive_director", _("Associate non-executive director")
    GOVERNOR = "governor", _("Governor")
    FACILITATOR = "facilitator", _("Facilitator")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self) -> "MembershipQuerySet":
        return self.filter(is_active=True, user__is_active=True)

    def board_members(self) -> "MembershipQuerySet":
        """Memberships of people who sit on the board, leaving out facilitators."""
        return self.active().exclude(role=Role.FACILITATOR)


class Membership(models.Model):
    """A person's seat on a board, in one role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=40, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    joined_at = models.DateTimeField(default=timezone.now)
    # When this seat became the chair through learning.services (a change of chair). For
    # CHAIR_NOTICE_DAYS after it, the chair does not see commitments members shared with the
    # chair before then: each of those members is told and may withdraw them first. Null for
    # any other seat, and for chairs seated before changes of chair were noted.
    chair_since = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["board", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "board"], name="membership_user_board_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.board})"

    @property
    def is_chair(self) -> bool:
        return self.role == Role.CHAIR

    @property
    def is_facilitator(self) -> bool:
        return self.role == Role.FACILITATOR

    def chair_sees_shared_from(self, now: datetime | None = None) -> datetime | None:
        """For a chair still within the notice after a change of chair, the moment before which
        shared commitments stay hidden from them; None when they see every shared one."""
        if self.role != Role.CHAIR or self.chair_since is None:
            return None
        now = now or timezone.now()
        if now >= self.chair_since + timedelta(days=settings.BOARDREADY_CHAIR_NOTICE_DAYS):
            return None
        return self.chair_since


class RecoveryCode(models.Model):
    """One single-use recovery code for the second sign-in step, kept only as a salted hash
    keyed with the site's secret (learning.recovery_codes), so a copy of the database or a
    backup holds no code that works."""

    device = models.ForeignKey(
        "otp_static.StaticDevice", on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=128)

    def __str__(self) -> str:
        return f"Recovery code {self.pk}"


class SecondFactorReset(models.Model):
    """A member of staff removed someone's second factor after checking who they were; what
    they did to check is kept here (the audit event only points at this row)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_factor_resets"
    )
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    identity_check = models.TextField(
        _("how identity was checked"),
        max_length=1000,
    )

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"Second factor reset {self.pk}"


class EmailOptOut(models.Model):
    """An automatic email a person has turned off on "Your account" (learning.email_choices).
    No row means the email is on: members signed up for the service's own reminders."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=30)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} has turned off {self.kind}"


# The invitation lives in learning.invitations with the rest of inviting people; importing it
# here keeps it a model of this app (label "learning", table learning_invitation), and keeps
# the token and expiry defaults where the first migration finds them.
from learning.invitations.models import (  # noqa: E402, F401
    Invitation,
    _default_expiry,
    _new_token,
)

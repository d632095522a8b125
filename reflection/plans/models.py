"""Personal development commitments, their milestones and updates, chair reviews, appraisal
notes, the suggested-commitments library and the board's collective action plan."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from modules.areas import GoodPracticeArea

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from learning.models import Membership

# The longest text each kind of field takes, enforced by the model (full_clean) and its form
# (max_length, which the character count shows). One table, so a limit is changed in one place.
LIMITS = {
    "detail": 2_000,  # a commitment's or action's description, an explanation of "not done"
    "measure": 1_000,  # a success measure
    "update": 2_000,  # a progress update
    "review": 2_000,  # a chair's review comment
    "appraisal": 5_000,  # a chair's yearly appraisal note
}


def limited_text(kind: str, *args: Any, **kwargs: Any) -> models.TextField:
    """A text field with the limit for its kind, checked on the server."""
    limit = LIMITS[kind]
    # The stubs cannot tell that `kwargs` holds neither of these.
    return models.TextField(  # type: ignore[misc]
        *args, max_length=limit, validators=[MaxLengthValidator(limit)], **kwargs
    )


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    AT_RISK = "at_risk", _("At risk")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")


OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS, Status.AT_RISK)


class CompetencyDomain(models.TextChoices):
    """The six domains of NHS England's Leadership Competency Framework for board members
    (2024), used at the annual appraisal and in the fit and proper person assessment."""

    OUTCOMES = "outcomes", _("Driving high-quality and sustainable outcomes")
    STRATEGY = "strategy", _("Setting strategy and delivering long-term transformation")
    EQUALITY = (
        "equality",
        _("Promoting equality and inclusion, and reducing health and workforce inequalities"),
    )
    GOVERNANCE = "governance", _("Providing robust governance and assurance")
    CULTURE = "culture", _("Creating a compassionate, just and positive culture")
    PARTNERS = "partners", _("Building a trusted relationship with partners and communities")


class SuggestedCommitment(index.Indexed, models.Model):
    """A commitment editors suggest for one good-practice area; members start from it."""

    area = models.PositiveSmallIntegerField(_("good-practice area"), choices=GoodPracticeArea)
    title = models.CharField(max_length=200)
    description = limited_text("detail", blank=True)
    success_measure = limited_text(
        "measure",
        _("success measure"),
        help_text=_("How the member will know they have done it."),
    )

    panels = [
        FieldPanel("area"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("success_measure"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.AutocompleteField("description"),
    ]

    class Meta:
        ordering = ["area", "title"]
        verbose_name = _("suggested commitment")

    def __str__(self):
        return self.title


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def shared(self) -> "CommitmentQuerySet":
        return self.filter(shared_at__isnull=False)

    def seen_by_chair(
        self, seat: "Membership | None", now: datetime | None = None
    ) -> "CommitmentQuerySet":
        """The shared commitments the chair holding `seat` may see: after a change of chair,
        those shared before it stay hidden until the members' notice ends
        (Membership.chair_sees_shared_from)."""
        shared = self.shared()
        hidden_before = seat.chair_sees_shared_from(now) if seat is not None else None
        return shared if hidden_before is None else shared.filter(shared_at__gte=hidden_before)

    def open(self) -> "CommitmentQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date) -> "CommitmentQuerySet":
        return self.open().filter(due_date__lt=today)


class Commitment(models.Model):
    """A board member's specific, measurable EDI objective.

    Private to its owner while a draft; the board's chair sees it once the owner shares it.
    """

    class Origin(models.TextChoices):
        SCRATCH = "scratch", _("Written from scratch")
        MODULE = "module", _("A module's reflection prompt")
        ASSESSMENT = "assessment", _("A self-assessment result")
        LIBRARY = "library", _("A suggested commitment")

    owner = models.ForeignKey(
        "learning.Membership", on_delete=models.CASCADE, related_name="commitments"
    )
    title = models.CharField(max_length=200)
    description = limited_text("detail", blank=True)
    area = models.PositiveSmallIntegerField(_("good-practice area"), choices=GoodPracticeArea)
    competency_domain = models.CharField(
        _("leadership competency domain"),
        max_length=20,
        choices=CompetencyDomain.choices,
        default=CompetencyDomain.EQUALITY,
        help_text=_("The Leadership Competency Framework domain this commitment evidences."),
    )
    success_measure = limited_text("measure", _("success measure"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    explanation = limited_text("detail", _("why it was not done"), blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.SCRATCH)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "title"]
        indexes = [models.Index(fields=["owner", "status"]), models.Index(fields=["due_date"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.status == Status.NOT_DONE and not (self.explanation or "").strip():
            raise ValidationError(
                {
                    "explanation": _(
                        "Explain why this commitment was not done. Comply or explain: the "
                        "explanation is part of the record."
                    )
                }
            )

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())

    @property
    def area_label(self) -> "StrOrPromise":
        return GoodPracticeArea(self.area).label


class MilestoneBase(models.Model):
    """A step on the way, with a due date, that is either done or not."""

    title = models.CharField(max_length=200)
    due_date = models.DateField(_("due date"))
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def done(self) -> bool:
        return self.completed_at is not None

    def is_overdue(self, today: date | None = None) -> bool:
        return not self.done and self.due_date < (today or timezone.localdate())

    def _check_due_before(self, parent, noun):
        if parent is not None and self.due_date and self.due_date > parent.due_date:
            raise ValidationError(
                {
                    "due_date": _("A milestone must be due on or before its %(noun)s (%(date)s).")
                    % {"noun": noun, "date": date_format(parent.due_date, "j F Y")}
                }
            )


class Milestone(MilestoneBase):
    """A step towards a personal commitment."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")

    class Meta(MilestoneBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["commitment", "title"], name="milestone_title_unique")
        ]

    def clean(self):
        if self.commitment_id:
            self._check_due_before(self.commitment, _("commitment"))


class CommitmentUpdate(models.Model):
    """A dated note of progress on a commitment, with an optional link to evidence."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate)
    text = limited_text("update")
    evidence_url = models.URLField(_("link to evidence"), blank=True, max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return f"Update on {self.date:%Y-%m-%d}"


class ChairReview(models.Model):
    """The chair's comment on a shared commitment. The member sees it; it never edits it."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = limited_text("review")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Review of {self.commitment_id} on {self.created_at:%Y-%m-%d}"


class AppraisalNote(models.Model):
    """The chair's yearly appraisal note on one member's commitments; the member sees it."""

    member = models.ForeignKey(
        "learning.Membership", on_delete=models.CASCADE, related_name="appraisal_notes"
    )
    year = models.PositiveSmallIntegerField()
    text = limited_text("appraisal")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="appraisal_note_unique")
        ]

    def __str__(self):
        return f"Appraisal note {self.year}"


class BoardAction(models.Model):
    """A collective action in the board's action plan, owned by one board member."""

    board = models.ForeignKey("learning.Board", on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    description = limited_text("detail", blank=True)
    # Null only when the owner's account is erased; the form always asks for an owner.
    owner = models.ForeignKey(
        "learning.Membership",
        on_delete=models.SET_NULL,
        null=True,
        related_name="owned_actions",
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    explanation = limited_text("detail", _("why it was not done"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["board", "title"], name="board_action_title_unique")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.owner_id and self.board_id and self.owner.board_id != self.board_id:
            raise ValidationError({"owner": _("The owner must sit on this board.")})
        if self.status == Status.NOT_DONE and not (self.explanation or "").strip():
            raise ValidationError({"explanation": _("Explain why this action was not done.")})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())


class ActionMilestone(MilestoneBase):
    """A step towards one of the board's collective actions."""

    action = models.ForeignKey(BoardAction, on_delete=models.CASCADE, related_name="milestones")

    class Meta(MilestoneBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["action", "title"], name="action_milestone_unique")
        ]

    def clean(self):
        if self.action_id:
            self._check_due_before(self.action, _("action"))


class SentReminder(models.Model):
    """One reminder email, keyed on its kind, object and due date, so it is sent only once.

    Any area's reminders may use it (the `kind` names the area and object), which is what
    makes `manage.py send_reminders` safe to run as often as cron likes.
    """

    kind = models.CharField(max_length=50)
    object_id = models.PositiveBigIntegerField()
    due_date = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "due_date"], name="sent_reminder_unique"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} due {self.due_date}"

"""Self-assessment instruments, their frozen versions, rounds, responses and stored scores.

Editors change an `Instrument` in the Wagtail admin. What members answer is always an
`InstrumentVersion`: an immutable snapshot of the instrument's scale, dimensions, statements and
bands, made when a round opens or a member starts. A later edit makes a new version, so every
response is scored against the wording its author saw.
"""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from learning.models import Board

from .admin_forms import InstrumentAdminForm

KEY_HELP = _("Short, lower case and unique in this instrument, for example 'drive'.")


class Instrument(ClusterableModel):
    """A self-assessment questionnaire as editors write it. Members answer frozen versions."""

    class Kind(models.TextChoices):
        PROFILE = "profile", _("Personal profile: scores per dimension")
        POSITION = "position", _("Board position: answers beside national figures")

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PROFILE)
    purpose = models.CharField(max_length=300, help_text=_("One sentence shown in listings."))
    introduction = models.TextField(help_text=_("Shown before the first statement."))
    not_applicable_label = models.CharField(
        _("'No chance to demonstrate' answer"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank to leave this answer out. It never counts in averages."),
    )
    live = models.BooleanField(default=True, help_text=_("Members can start it only when live."))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("purpose"),
                FieldPanel("introduction"),
                FieldPanel("not_applicable_label"),
                FieldPanel("live"),
            ],
            heading=_("About"),
        ),
        InlinePanel("scale_points", heading=_("Answer scales"), label=_("Scale point")),
        InlinePanel("dimensions", heading=_("Dimensions"), label=_("Dimension")),
        InlinePanel("items", heading=_("Statements"), label=_("Statement")),
        InlinePanel("bands", heading=_("Interpretation bands"), label=_("Band")),
    ]

    base_form_class = InstrumentAdminForm

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ScalePoint(Orderable):
    """One answer on a named scale, for example 1 'Strongly disagree' on 'agreement'."""

    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="scale_points")
    scale = models.SlugField(max_length=50, default="main", help_text=_("Which scale."))
    value = models.IntegerField()
    label = models.CharField(max_length=100, blank=True)

    panels = [FieldPanel("scale"), FieldPanel("value"), FieldPanel("label")]


class Dimension(Orderable):
    """A group of statements scored together, answered on one of the instrument's scales."""

    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(max_length=50, help_text=KEY_HELP)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    scale = models.SlugField(max_length=50, default="main")

    panels = [FieldPanel("key"), FieldPanel("name"), FieldPanel("description"), FieldPanel("scale")]


class Item(Orderable):
    """One statement, in a dimension (by the dimension's key)."""

    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(max_length=50, help_text=KEY_HELP)
    dimension = models.SlugField(max_length=50, help_text=_("The key of its dimension."))
    text = models.TextField()
    reverse_scored = models.BooleanField(default=False)
    required = models.BooleanField(default=True)

    panels = [
        FieldPanel("key"),
        FieldPanel("dimension"),
        FieldPanel("text"),
        FieldPanel("reverse_scored"),
        FieldPanel("required"),
    ]


class Band(Orderable, ClusterableModel):
    """What a dimension score between two values means, and which modules may help."""

    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="bands")
    dimension = models.SlugField(max_length=50, help_text=_("The key of its dimension."))
    minimum = models.DecimalField(max_digits=5, decimal_places=2)
    maximum = models.DecimalField(max_digits=5, decimal_places=2)
    text = models.TextField()
    suggested_modules = ParentalManyToManyField("modules.ModulePage", blank=True, related_name="+")

    panels = [
        FieldPanel("dimension"),
        FieldPanel("minimum"),
        FieldPanel("maximum"),
        FieldPanel("text"),
        FieldPanel("suggested_modules", widget=forms.CheckboxSelectMultiple),
    ]


class InstrumentVersion(models.Model):
    """A frozen snapshot of an instrument. Never edited: an edit makes a new version."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="version_number_unique")
        ]

    def __str__(self):
        return f"{self.instrument} v{self.number}"


class RoundQuerySet(models.QuerySet["Round"]):
    """Which rounds are open or closed on a day (today in Europe/London by default).

    A round is open from `opens_on` to `closes_on` inclusive, unless the facilitator closed it
    early (`closed_at`); it is closed after `closes_on` or once closed early."""

    def open_on(self, day: date | None = None) -> "RoundQuerySet":
        day = day or timezone.localdate()
        return self.filter(opens_on__lte=day, closes_on__gte=day, closed_at__isnull=True)

    def closed_on(self, day: date | None = None) -> "RoundQuerySet":
        day = day or timezone.localdate()
        return self.filter(models.Q(closes_on__lt=day) | models.Q(closed_at__isnull=False))


class Round(models.Model):
    """A facilitator's invitation to a board to answer one instrument between two dates.

    `notified_at` stamps the "round open" email (sent once, when the round opens);
    `closed_at` an early close (its `closes_on` is then the day it closed).
    """

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="assessment_rounds")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=120)
    opens_on = models.DateField()
    closes_on = models.DateField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["board", "title"], name="round_title_unique")
        ]

    def __str__(self):
        return f"{self.title} ({self.board})"

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date must be after it opens.")})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None or timezone.localdate() > self.closes_on

    @property
    def is_open(self) -> bool:
        return not self.is_closed and self.opens_on <= timezone.localdate()

    @property
    def is_upcoming(self) -> bool:
        return timezone.localdate() < self.opens_on


class RoundReminder(models.Model):
    """A facilitator's reminder to the members who had not answered an open round.

    Who they were is never stored: the task works them out when it sends, and stamps
    `delivered_at` first, so running it twice sends once."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reminders")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Reminder for {self.round_id} at {self.created_at:%Y-%m-%d %H:%M}"


class Response(models.Model):
    """One person's answers to one instrument version, in a round or on their own.

    Private to its author. The board's chair and facilitator may read it only while
    `shared_at` is set, which the author alone can set and clear. Without a user it is an
    erased person's answer in a closed round: counted in that round's figures, seen by nobody.
    """

    # Null only for an erased person's answers in a closed round, kept without any link to
    # them so the figures the board has seen do not change (see erasure.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assessment_responses",
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    overall = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "round"],
                condition=models.Q(round__isnull=False),
                name="response_one_per_round",
            ),
        ]

    def __str__(self):
        return f"Response {self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ItemAnswer(models.Model):
    """The answer to one statement: a scale value, or 'no chance to demonstrate'."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item_key = models.SlugField(max_length=50)
    value = models.IntegerField(null=True, blank=True)
    not_applicable = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item_key"], name="answer_unique"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | models.Q(not_applicable=True),
                name="answer_has_value_or_na",
            ),
        ]


class DimensionScore(models.Model):
    """A dimension's stored mean for a submitted response (null: not enough answers)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="scores")
    dimension_key = models.SlugField(max_length=50)
    mean = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    answered = models.PositiveIntegerField()
    total = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "dimension_key"], name="score_unique")
        ]

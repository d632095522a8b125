"""Knowledge checks: quizzes authored in the Wagtail admin, and members' attempts at them.

A `Quiz` is a snippet with revisions and a draft/live state; its questions and their answers are
nested inline panels. An `Attempt` copies the questions it drew into `AttemptAnswer` rows (one per
question, in the order shown) and the answers into `AttemptOption` rows, so that editing or
deleting questions later never changes what a member saw or scored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin

from .admin_forms import QuizAdminForm
from .choices import Feedback, QuestionType, Reveal  # noqa: F401
from .question_types import QuestionKind, question_type


class Quiz(DraftStateMixin, RevisionMixin, ClusterableModel):
    """A knowledge check: a pool of questions, a pass mark and the rules for taking it."""

    title = models.CharField(max_length=255)
    module = models.OneToOneField(
        "modules.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_check",
        help_text=_("The module this knowledge check belongs to. A module has at most one."),
    )
    description = models.TextField(blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The percentage a member needs to pass."),
    )
    random_order = models.BooleanField(
        default=False,
        help_text=_(
            "Show the questions in a different order for each attempt (and the answers of "
            "questions ticked for it)."
        ),
    )
    draw = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many questions to draw from the pool. A retry draws questions the member has "
            "not seen first, and a free-text question is always drawn. Leave blank to ask them "
            "all."
        ),
    )
    feedback = models.CharField(
        _("mode"),
        max_length=10,
        choices=Feedback.choices,
        default=Feedback.END,
        help_text=_(
            "Deferred lets members change any answer until they submit. Immediate marks each "
            "answer as it is saved and locks it."
        ),
    )
    reveal = models.CharField(
        _("show the correct answers"),
        max_length=10,
        choices=Reveal.choices,
        default=Reveal.AFTER_LAST,
        help_text=_("When members see the correct answers and explanations."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for unlimited attempts."),
    )
    time_limit = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_(
            "Minutes a member has for one attempt. Leave blank for no time limit. A member can "
            "ask once for half as much time again."
        ),
    )
    success_text = models.TextField(blank=True, help_text=_("Shown to members who pass."))
    fail_text = models.TextField(blank=True, help_text=_("Shown to members who do not pass."))

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("random_order"), FieldPanel("draw")]),
                FieldPanel("time_limit"),
                FieldRowPanel([FieldPanel("feedback"), FieldPanel("reveal")]),
                FieldPanel("success_text"),
                FieldPanel("fail_text"),
            ],
            heading=_("Rules and results"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        PublishingPanel(),
    ]

    base_form_class = QuizAdminForm

    class Meta:
        verbose_name = _("knowledge check")
        verbose_name_plural = _("knowledge checks")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Question(ClusterableModel, Orderable):
    """One question in a quiz's pool; choice questions have answers with correct flags."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    type = models.CharField(
        max_length=12, choices=QuestionType.choices, default=QuestionType.SINGLE
    )
    text = models.TextField()
    explanation = models.TextField(
        blank=True, help_text=_("Shown after answering. Point back to the part of the module.")
    )
    topic = models.CharField(max_length=120, blank=True)
    shuffle_answers = models.BooleanField(
        default=False,
        help_text=_(
            "Where the knowledge check shows questions in random order, show this question's "
            "answers in random order too. Leave unticked where the order matters."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("type"), FieldPanel("topic")]),
        FieldPanel("text"),
        FieldPanel("shuffle_answers"),
        FieldPanel("explanation"),
        InlinePanel(
            "answers",
            heading=_("Answers"),
            label=_("Answer"),
            help_text=_("Free-text questions have no answers: a facilitator marks them."),
        ),
    ]

    def __str__(self):
        return self.text[:80]

    @property
    def question_type(self) -> QuestionKind:
        """What this question's type does (its entry in `question_types.QUESTION_TYPES`)."""
        return question_type(self.type)


class Answer(Orderable):
    """One option of a choice question."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.CharField(max_length=500)
    correct = models.BooleanField(default=False)

    panels = [FieldPanel("text"), FieldPanel("correct")]

    def __str__(self):
        return self.text


class Attempt(models.Model):
    """One person's go at a quiz. `finished_at` is set once; `score` and `passed` stay empty
    while a free-text answer waits for marking."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(help_text=_("1 for a person's first attempt."))
    question_count = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # The quiz's rules as they were when the attempt started.
    pass_mark = models.PositiveSmallIntegerField()
    feedback = models.CharField(max_length=10, choices=Feedback.choices)
    reveal = models.CharField(max_length=10, choices=Reveal.choices, default=Reveal.AFTER_ATTEMPT)
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Percent."))
    passed = models.BooleanField(null=True, blank=True)
    # A timed attempt: when it ends, and whether the member has had their extra time.
    deadline = models.DateTimeField(null=True, blank=True)
    time_limit = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Minutes."))
    extended = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_number"),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(finished_at__isnull=True),
                name="attempt_one_open_per_quiz",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz} ({self.number})"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def awaiting_marking(self) -> bool:
        return self.is_finished and self.passed is None

    @property
    def ran_out_of_time(self) -> bool:
        """Submitted at its deadline because the time ran out (not by the member)."""
        return (
            self.deadline is not None
            and self.finished_at is not None
            and self.finished_at >= self.deadline
        )

    @property
    def can_extend(self) -> bool:
        return self.deadline is not None and not self.extended and not self.is_finished

    @property
    def extension_minutes(self) -> int:
        """Half the time limit again, rounded up to a whole minute."""
        return -(-(self.time_limit or 0) // 2)

    @property
    def is_immediate(self) -> bool:
        return self.feedback == Feedback.EACH


class AttemptAnswer(models.Model):
    """A question as it was when drawn into an attempt, at its position, with the answer given.

    `correct` is None until answered (or, for free text, until a facilitator marks it).
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(help_text=_("1 for the first question shown."))
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    type = models.CharField(max_length=12, choices=QuestionType.choices)
    text = models.TextField()
    explanation = models.TextField(blank=True)
    topic = models.CharField(max_length=120, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    free_text = models.TextField(blank=True)
    flagged = models.BooleanField(default=False)
    correct = models.BooleanField(null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(null=True, blank=True)
    marker_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attempt_answer_position")
        ]

    def __str__(self):
        return f"{self.attempt} – question {self.position}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def question_type(self) -> QuestionKind:
        """What this question's type does (its entry in `question_types.QUESTION_TYPES`)."""
        return question_type(self.type)

    @property
    def awaiting_marking(self) -> bool:
        return (
            self.question_type.marked_by_facilitator and self.is_answered and self.correct is None
        )


class AttemptOption(models.Model):
    """An answer option as it was when drawn, with its correct flag and whether it was chosen."""

    attempt_answer = models.ForeignKey(
        AttemptAnswer, on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField()
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.CharField(max_length=500)
    correct = models.BooleanField()
    chosen = models.BooleanField(default=False)

    class Meta:
        ordering = ["attempt_answer", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt_answer", "position"], name="attempt_option_position"
            )
        ]

    def __str__(self):
        return self.text

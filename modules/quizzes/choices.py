"""Choices shared by the quiz models, forms and loader."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple response")
    TRUE_FALSE = "true_false", _("True or false")
    FREE_TEXT = "free_text", _("Free text (marked by a facilitator)")


class Feedback(models.TextChoices):
    """When answers are marked. The stored values are the old ones ("each" is Immediate, "end"
    is Deferred) so attempts made before the two modes were named keep their meaning."""

    EACH = "each", _("Immediate: each answer is marked when saved, and then cannot change")
    END = "end", _("Deferred: nothing is marked, and every answer can change, until submitting")


IMMEDIATE = Feedback.EACH
DEFERRED = Feedback.END


class Reveal(models.TextChoices):
    """When a member sees the correct answers and explanations of a finished attempt."""

    AFTER_ATTEMPT = "attempt", _("After each attempt")
    AFTER_LAST = "final", _("After passing, or after the last attempt")
    NEVER = "never", _("Never: score only, no answers or explanations")

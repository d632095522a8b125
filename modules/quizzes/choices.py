"""Choices shared by the quiz models, forms and loader."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple response")
    TRUE_FALSE = "true_false", _("True or false")
    FREE_TEXT = "free_text", _("Free text (marked by a facilitator)")


CHOICE_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)


class Feedback(models.TextChoices):
    EACH = "each", _("After each question")
    END = "end", _("Only at the end")
    SCORE_ONLY = "none", _("Score only: no answers or explanations")

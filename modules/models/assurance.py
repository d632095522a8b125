"""Assurance questions: what a board can ask itself or its executive, by good-practice area."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from modules.areas import GoodPracticeArea
from modules.models.pages import SectionPage


class AssuranceQuestion(models.Model):
    """A "How do we know…?" question for one good-practice area, with why a board asks it."""

    area = models.PositiveSmallIntegerField(choices=GoodPracticeArea.choices)
    text = models.CharField(max_length=300, verbose_name=_("question"))
    why = models.TextField(blank=True, help_text=_("One sentence on why a board asks this."))
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("area"), FieldPanel("text"), FieldPanel("why"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["area", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "text"], name="assurance_question_unique")
        ]

    def __str__(self):
        return self.text


class AssuranceQuestionsPage(SectionPage):
    """Lists every assurance question, grouped by good-practice area."""

    def get_context(self, request, *args, **kwargs):
        from modules.selectors import assurance_questions_by_area

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = assurance_questions_by_area()
        return context

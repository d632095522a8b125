"""Forms members and facilitators fill in: answering a question and marking a free-text answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin

from .models import AttemptAnswer, AttemptOption


class QuestionForm(NHSUKFormMixin, forms.Form):
    """One question of an attempt; `question_form_class` adds the answer field for its type."""

    # The answer's label is the question itself, which does not read inside a sentence.
    field_nouns = {"text": _("your answer"), "answer": _("an answer")}

    flagged = forms.BooleanField(
        label=_("Flag this question to come back to it before you submit"), required=False
    )

    def forged_answer(self) -> bool:
        """Whether the posted answer ids are not options of this question at all."""
        return self.has_error("answer", "invalid_choice") or self.has_error(
            "answer", "invalid_list"
        )

    def option_ids(self) -> list[int]:
        value = self.cleaned_data.get("answer") or []
        if isinstance(value, str):
            value = [value]
        return [int(pk) for pk in value]

    def free_text(self) -> str:
        return self.cleaned_data.get("text", "").strip()

    def given(self) -> bool:
        return bool(self.option_ids() or self.free_text())


def question_form_class(
    row: AttemptAnswer, options: list[AttemptOption], *, immediate: bool = False
) -> type[QuestionForm]:
    """A form class for this question, with its type's answer field first and the flag after
    it. In Immediate mode a saved answer locks, so the flag says it is for leaving a question
    unanswered for now."""
    kind = row.question_type
    name = kind.field_name
    attrs: dict[str, object] = {
        name: kind.form_field(row, options),
        "field_order": [name, "flagged"],
    }
    if immediate:
        attrs["flagged"] = forms.BooleanField(
            label=_("Flag this question to come back to it before you submit"),
            required=False,
            help_text=_(
                "Leave the answer empty if you want to come back to it: "
                "an answer you save is marked straight away and cannot change."
            ),
        )
    return type("AnswerForm", (QuestionForm,), attrs)


class MarkForm(NHSUKFormMixin, forms.Form):
    """A facilitator's mark and comment on a free-text answer."""

    field_nouns = {"comment": _("the comment")}

    result = forms.ChoiceField(
        label=_("Is this answer right?"),
        choices=[("right", _("Right")), ("wrong", _("Not right"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select right or not right.")},
    )
    comment = forms.CharField(
        label=_("Comment for the member (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The member sees this with their result."),
    )

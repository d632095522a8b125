"""Forms for answering one dimension of a self-assessment and for opening a round."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin

from .definitions import Definition
from .models import Instrument
from .services import NOT_APPLICABLE

FIELD_PREFIX = "item-"


class DimensionAnswersForm(NHSUKFormMixin, forms.Form):
    """One radio group per statement in a dimension, on the dimension's scale.

    `require_all` is False for "save and come back later", which keeps whatever is answered.
    """

    def __init__(self, *args, definition: Definition, dimension: dict, require_all=True, **kw):
        super().__init__(*args, **kw)
        choices = [
            (str(point["value"]), point["label"] or str(point["value"]))
            for point in definition.scale(dimension)
        ]
        if definition.not_applicable_label:
            choices.append((NOT_APPLICABLE, definition.not_applicable_label))
        for item in dimension["items"]:
            self.fields[FIELD_PREFIX + item["key"]] = forms.ChoiceField(
                label=item["text"],
                choices=choices,
                widget=forms.RadioSelect(attrs={"class": "nhsuk-radios__input"}),
                required=require_all and item["required"],
                error_messages={
                    "required": _("Choose an answer for this statement."),
                    "invalid_choice": _("Choose one of the answers shown for this statement."),
                },
            )

    def answers(self) -> dict[str, str]:
        """Statement key → submitted value ('' where unanswered)."""
        return {
            name.removeprefix(FIELD_PREFIX): value or ""
            for name, value in self.cleaned_data.items()
        }


class RoundForm(NHSUKFormMixin, forms.Form):
    """A facilitator opens a round: which instrument, a title and the dates it is open."""

    instrument = forms.ModelChoiceField(
        label=_("Self-assessment"),
        queryset=Instrument.objects.filter(live=True),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a self-assessment.")},
    )
    title = forms.CharField(
        label=_("Name of this round"),
        max_length=120,
        help_text=_("For example, 'Before the June board session'."),
        error_messages={"required": _("Enter a name for this round.")},
    )
    opens_on = forms.DateField(
        label=_("Opens on"), error_messages={"required": _("Enter the date it opens.")}
    )
    closes_on = forms.DateField(
        label=_("Closes on"), error_messages={"required": _("Enter the date it closes.")}
    )

    def __init__(self, *args, board, **kwargs):
        self.board = board
        super().__init__(*args, **kwargs)

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if self.board.assessment_rounds.filter(title=title).exists():
            raise forms.ValidationError(_("This board already has a round with this name."))
        return title

    def clean_opens_on(self):
        opens_on = self.cleaned_data["opens_on"]
        if opens_on < timezone.localdate():
            raise forms.ValidationError(_("The opening date must be today or later."))
        return opens_on

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        return cleaned

"""Forms for answering one dimension of a self-assessment and for opening a round."""

from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin

from .definitions import Definition
from .models import Instrument, Round
from .selectors import overlap_message, overlapping_round
from .services import NOT_APPLICABLE

FIELD_PREFIX = "item-"
MAX_AHEAD = timedelta(days=730)  # a round opens and closes within two years of today


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


def _date_field(label, required_message):
    return forms.DateField(
        label=label,
        help_text=_("For example, 2027-03-15."),
        error_messages={
            "required": required_message,
            "invalid": _("Enter a real date, for example 2027-03-15."),
        },
    )


class RoundForm(NHSUKFormMixin, forms.Form):
    """A facilitator opens a round (which instrument, a title and its dates), or changes the
    title and dates of one that has not opened yet (`round_`)."""

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
        help_text=_("For example, 'Before the June board session'. Up to 120 characters."),
        error_messages={
            "required": _("Enter a name for this round."),
            "max_length": _("Enter a name of 120 characters or fewer."),
        },
    )
    opens_on = _date_field(_("Opens on"), _("Enter the date it opens."))
    closes_on = _date_field(_("Closes on"), _("Enter the date it closes."))

    def __init__(self, *args, board, round_: Round | None = None, **kwargs):
        self.board, self.round = board, round_
        if round_ is not None:
            kwargs.setdefault(
                "initial",
                {"title": round_.title, "opens_on": round_.opens_on, "closes_on": round_.closes_on},
            )
        super().__init__(*args, **kwargs)
        if round_ is not None:
            del self.fields["instrument"]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        others = self.board.assessment_rounds.filter(title=title)
        if self.round is not None:
            others = others.exclude(pk=self.round.pk)
        if others.exists():
            raise forms.ValidationError(_("This board already has a round with this name."))
        return title

    def clean_opens_on(self):
        opens_on = self.cleaned_data["opens_on"]
        today = timezone.localdate()
        if opens_on < today:
            raise forms.ValidationError(_("The opening date must be today or later."))
        if opens_on > today + MAX_AHEAD:
            raise forms.ValidationError(_("The opening date must be within the next two years."))
        return opens_on

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        elif closes_on and closes_on > timezone.localdate() + MAX_AHEAD:
            self.add_error("closes_on", _("The closing date must be within the next two years."))
        instrument = (
            self.round.version.instrument if self.round is not None else cleaned.get("instrument")
        )
        if instrument and opens_on and closes_on and not self.errors:
            other = overlapping_round(
                board_id=self.board.pk,
                instrument_id=instrument.pk,
                opens_on=opens_on,
                closes_on=closes_on,
                exclude_pk=self.round.pk if self.round else None,
            )
            if other is not None:
                self.add_error("opens_on", overlap_message(other))
        return cleaned


class RoundExtendForm(NHSUKFormMixin, forms.Form):
    """A later closing date for an open round."""

    closes_on = _date_field(_("New closing date"), _("Enter the new closing date."))

    def __init__(self, *args, round_: Round, **kwargs):
        self.round = round_
        kwargs.setdefault("initial", {"closes_on": round_.closes_on})
        super().__init__(*args, **kwargs)

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on <= self.round.closes_on:
            raise forms.ValidationError(
                _("Choose a date after %(date)s. To end the round sooner, close it now instead.")
                % {"date": formats.date_format(self.round.closes_on, "j F Y")}
            )
        if closes_on > timezone.localdate() + MAX_AHEAD:
            raise forms.ValidationError(_("The closing date must be within the next two years."))
        other = overlapping_round(
            board_id=self.round.board_id,
            instrument_id=self.round.version.instrument_id,
            opens_on=self.round.opens_on,
            closes_on=closes_on,
            exclude_pk=self.round.pk,
        )
        if other is not None:
            raise forms.ValidationError(overlap_message(other))
        return closes_on

"""The board paper's cover sheet form."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin

from .models import BoardPaperDefaults, Purpose

ASKED_TO_MAX = 1500
# A board paper is for a meeting within the coming year or one just held, never years away.
DAYS_BEFORE = 90
DAYS_AFTER = 366


def initial_for(board, defaults: BoardPaperDefaults | None, *, chair_name: str) -> dict:
    """The form's starting values: what the chair used last time, else sensible defaults."""
    if defaults is not None:
        return {
            "meeting": defaults.meeting,
            "agenda_item": defaults.agenda_item,
            "purpose": defaults.purpose,
            "presenter": defaults.presenter,
            "asked_to": defaults.asked_to,
            "meeting_date": timezone.localdate(),
        }
    return {
        "meeting": _("%(board)s meeting held in public") % {"board": board.name},
        "meeting_date": timezone.localdate(),
        "agenda_item": "",
        "purpose": Purpose.ASSURANCE,
        "presenter": chair_name,
        "asked_to": _(
            "Note the board's readiness for its development sessions and its follow-through "
            "on commitments, and discuss the questions in part 6."
        ),
    }


class BoardPaperForm(NHSUKFormMixin, forms.Form):
    field_nouns = {
        "meeting": _("the meeting"),
        "meeting_date": _("the date of the meeting"),
        "agenda_item": _("the agenda item"),
        "purpose": _("the purpose of the paper"),
        "presenter": _("who presents the paper"),
        "asked_to": _("what the board is asked to do"),
    }
    meeting = forms.CharField(label=_("Meeting"), max_length=200)
    meeting_date = forms.DateField(
        label=_("Date of the meeting"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"],
        # A date input shows only an ISO date: in the British format it came up empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    agenda_item = forms.CharField(
        label=_("Agenda item (optional)"), max_length=20, required=False,
        help_text=_("For example, 7.2"),
    )  # fmt: skip
    purpose = forms.ChoiceField(
        label=_("Purpose of the paper"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    presenter = forms.CharField(label=_("Presented by"), max_length=200)
    asked_to = forms.CharField(
        label=_("The board is asked to"),
        max_length=ASKED_TO_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or two sentences, up to %(max)s characters.")
        % {"max": f"{ASKED_TO_MAX:,}"},
    )
    include_names = forms.BooleanField(
        label=_("Include members' names"),
        required=False,
        help_text=_(
            "Only for a private session. Every page will then say "
            "“Private: contains named information”."
        ),
    )

    def clean_asked_to(self) -> str:
        text = self.cleaned_data["asked_to"].strip()
        if not text:
            raise forms.ValidationError(_("Enter what the board is asked to do"))
        return text

    def clean_meeting_date(self) -> date:
        value = self.cleaned_data["meeting_date"]
        today = timezone.localdate()
        if value < today - timedelta(days=DAYS_BEFORE):
            raise forms.ValidationError(
                _("The meeting date must be no more than %(days)s days ago") % {"days": DAYS_BEFORE}
            )
        if value > today + timedelta(days=DAYS_AFTER):
            raise forms.ValidationError(_("The meeting date must be within the next year"))
        return value

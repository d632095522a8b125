"""The journal entry form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin

from .models import MAX_TEXT, MAX_TITLE


class JournalEntryForm(NHSUKFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=MAX_TITLE,
        error_messages={
            "required": _("Enter a title"),
            "max_length": _("The title must be %(limit_value)d characters or fewer"),
        },
    )
    text = forms.CharField(
        label=_("Your reflection"),
        max_length=MAX_TEXT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Only you can read this. It is stored encrypted."),
        error_messages={
            "required": _("Write your reflection"),
            "max_length": _("Your reflection must be %(limit_value)d characters or fewer"),
        },
    )
    entry_date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter a date"),
            "invalid": _("Enter a real date, for example 31/3/2026"),
        },
    )

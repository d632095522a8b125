"""The case-study filters: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.forms import NHSUKFormMixin
from learning.models import Organisation
from modules.areas import GoodPracticeArea


class CaseStudyFilterForm(NHSUKFormMixin, forms.Form):
    area = forms.TypedChoiceField(
        label=_("Good-practice area"),
        choices=[("", _("All areas")), *GoodPracticeArea.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("All types")), *Organisation.Type.choices],
        required=False,
    )

    @classmethod
    def cleaned_or_cleared(cls, data) -> dict:
        """The valid filters in `data`; a value that is not a choice is dropped, not an error."""
        form = cls(data)
        form.is_valid()
        return {
            "area": form.cleaned_data.get("area"),
            "organisation_type": form.cleaned_data.get("organisation_type") or "",
        }

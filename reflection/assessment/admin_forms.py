"""The Wagtail admin form for an instrument: refuses statements and bands that point nowhere."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm


def _kept(formset) -> list:
    """The formset's filled-in forms that are not marked for deletion."""
    if formset is None:
        return []
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get(DELETION_FIELD_NAME)
    ]


class InstrumentAdminForm(WagtailAdminModelForm):
    """Checks that every statement and band names a dimension, and every dimension a scale."""

    def is_valid(self):
        if not hasattr(self, "_keys_valid"):
            self._keys_valid = self._check_keys(super().is_valid())
        return self._keys_valid

    def _check_keys(self, valid: bool) -> bool:
        dimensions = _kept(self.formsets.get("dimensions"))
        scales = {
            form.cleaned_data.get("scale") for form in _kept(self.formsets.get("scale_points"))
        }
        keys = {form.cleaned_data.get("key") for form in dimensions}
        for form in dimensions:
            if form.cleaned_data.get("scale") not in scales:
                form.add_error("scale", _("Add points to this scale under 'Answer scales'."))
                valid = False
        for name in ("items", "bands"):
            for form in _kept(self.formsets.get(name)):
                if form.cleaned_data.get("dimension") not in keys:
                    form.add_error("dimension", _("Use the key of one of the dimensions above."))
                    valid = False
        statement_keys = [
            form.cleaned_data.get("key") for form in _kept(self.formsets.get("items"))
        ]
        if len(statement_keys) != len(set(statement_keys)):
            self.add_error(None, _("Each statement needs its own key."))
            valid = False
        return valid

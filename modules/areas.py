"""The ten areas of good practice from NHS Providers' Race 2.0 report (March 2022).

Modules, case studies, assurance questions and commitments are tagged with these. Other apps
import `GoodPracticeArea`; pages that carry several areas use `GoodPracticeAreasField`.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class GoodPracticeArea(models.IntegerChoices):
    """One of the ten areas of good practice, numbered as in the report."""

    ACCOUNTABILITY = 1, _("Encourage accountability")
    EDUCATION = 2, _("Education on race")
    SAFE_SPACES = 3, _("Foster safe spaces")
    VALUES = 4, _("Personal values and behaviours")
    CHALLENGE_DISCRIMINATION = 5, _("Challenge discrimination")
    CHALLENGE_YOURSELVES = 6, _("Challenge yourselves")
    NETWORKS = 7, _("Staff and community networks")
    HR_PROCESSES = 8, _("Improve HR processes")
    DATA = 9, _("Use and understand data")
    HEALTH_INEQUALITIES = 10, _("Health inequalities")


def area_labels(areas: Iterable[int]) -> "list[StrOrPromise]":
    """The labels of a list of area numbers, skipping any that are not areas."""
    known = dict(GoodPracticeArea.choices)
    return [known[area] for area in areas if area in known]


class GoodPracticeAreasFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(choices=GoodPracticeArea.choices, coerce=int, **kwargs)

    def prepare_value(self, value):
        return [str(item) for item in value] if isinstance(value, list | tuple) else value


class GoodPracticeAreasField(models.JSONField):
    """A sorted list of good-practice area numbers, edited as ten checkboxes.

    Stored as JSON so it works the same on SQLite and PostgreSQL; listings filter it in Python
    because they hold few rows (SQLite has no JSON containment lookup).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or any(
            item not in GoodPracticeArea.values for item in value
        ):
            raise ValidationError(_("Choose areas from the ten areas of good practice."))

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname) or []
        value = sorted({int(item) for item in value})
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": GoodPracticeAreasFormField, **kwargs})

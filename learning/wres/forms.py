"""The WRES figures form (one fieldset per measure) and the CSV upload form."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.csvfiles import MAX_CSV_BYTES
from learning.forms import NHSUKFormMixin

from .checks import cross_problems, parse_cell
from .measures import FIRST_YEAR, GROUP_LABELS, MEASURES, SECTIONS, Group, Kind, year_label

LONDON = ZoneInfo("Europe/London")


def reporting_years(today: date | None = None) -> list[tuple[str, str]]:
    """Reporting years from 2015/16 to the one running now (years start in April), newest
    first."""
    today = today or timezone.localtime(timezone.now(), LONDON).date()
    latest = today.year if today.month >= 4 else today.year - 1
    return [(year_label(start), year_label(start)) for start in range(latest, FIRST_YEAR - 1, -1)]


def _last_full_year() -> str:
    years = reporting_years()
    return years[1][0] if len(years) > 1 else years[0][0]


def field_name(code: str, group: Group) -> str:
    return f"{code}-{group.value}"


class YearField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Reporting year"),
            choices=reporting_years,
            initial=_last_full_year,
            help_text=_(
                "The year the figures describe. Figures already saved for it are replaced."
            ),
            **kwargs,
        )


def _figure_fields() -> dict[str, forms.Field]:
    """One text box per measure and group, checked by `parse_cell` in the form's clean()."""
    fields: dict[str, forms.Field] = {}
    for measure in MEASURES:
        for group in measure.groups:
            fields[field_name(measure.code, group)] = forms.CharField(
                label=GROUP_LABELS[group],
                required=False,
                max_length=12,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "numeric" if measure.kind == Kind.COUNT else "decimal",
                        "class": "nhsuk-input--width-5 nhsuk-date-input__input",
                        "spellcheck": "false",
                    }
                ),
            )
    return fields


# Built with type() so the fields are declared on the class and NHSUKFormMixin styles them.
if TYPE_CHECKING:
    _FiguresBase = forms.Form
else:
    _FiguresBase = type("_FiguresBase", (forms.Form,), {"__module__": __name__, **_figure_fields()})


class WresFiguresForm(NHSUKFormMixin, _FiguresBase):
    """Every WRES figure for one year. Each box is checked as the CSV upload checks a cell."""

    year = YearField()

    def __init__(self, *args, with_year: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_year:
            del self.fields["year"]
        else:
            self.order_fields(["year"])

    @classmethod
    def initial_for(cls, values) -> dict:
        """Initial data from saved values ({code: {group: Decimal}})."""
        initial = {}
        for measure in MEASURES:
            for group in measure.groups:
                value = values.get(measure.code, {}).get(group)
                if value is None:
                    continue
                if measure.kind == Kind.COUNT:
                    text = str(int(value))
                else:
                    text = format(value.normalize(), "f")
                initial[field_name(measure.code, group)] = text
        return initial

    def clean(self):
        cleaned = super().clean()
        values: dict[str, dict[Group, Decimal | None]] = {}
        for measure in MEASURES:
            row = {}
            for group in measure.groups:
                name = field_name(measure.code, group)
                cell = parse_cell(measure, group, self.data.get(self.add_prefix(name), ""))
                if cell.error:
                    self.add_error(name, cell.error)
                row[group] = cell.value
            values[measure.code] = row
        for problem in cross_problems(values):
            name = field_name(problem.code, problem.group)
            self.add_error(name, problem.message)
        cleaned["values"] = values
        return cleaned

    def sections(self) -> list[dict]:
        """[{label, measures: [{measure, fields, has_errors}]}] for the template."""
        sections = []
        for section in SECTIONS:
            rows = []
            for measure in MEASURES:
                if measure.section != section:
                    continue
                fields = [self[field_name(measure.code, group)] for group in measure.groups]
                has_errors = any(field.errors for field in fields)
                rows.append({"measure": measure, "fields": fields, "has_errors": has_errors})
            sections.append({"label": section, "measures": rows})
        return sections


class WresUploadForm(NHSUKFormMixin, forms.Form):
    """A filled-in copy of the WRES CSV template, for one reporting year."""

    field_nouns = {"year": _("the reporting year"), "file": _("a CSV file")}

    year = YearField()
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("The WRES template, saved as CSV UTF-8, no larger than 1 MB."),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 1 MB. Upload the WRES template only.")
            )
        return upload

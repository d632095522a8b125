"""Writes for WRES figures. Keyword-only, atomic, checked with `full_clean()`, safe to repeat."""

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import Organisation, User

from .checks import cross_problems
from .measures import GROUP_LABELS, MEASURES, MEASURES_BY_CODE, Group
from .models import WresFigure, WresYear, validate_year


@transaction.atomic
def wres_year_save(
    *,
    organisation: Organisation,
    year: str,
    values: Mapping[str, Mapping[Group, Decimal | None]],
    saved_by: User | None = None,
) -> WresYear:
    """Saves every figure for an organisation's reporting year, replacing any saved before.

    All or nothing: if any measure is missing or any figure fails its checks, nothing is saved.
    Saving the same figures twice leaves the same rows.
    """
    missing = [str(measure.label) for measure in MEASURES if measure.code not in values]
    if missing:
        raise ValidationError(_("Figures are missing for: %(m)s.") % {"m": ", ".join(missing)})
    problems = cross_problems(values)
    if problems:
        raise ValidationError(
            [
                f"{MEASURES_BY_CODE[problem.code].label}, {GROUP_LABELS[problem.group]}: "
                f"{problem.message}"
                for problem in problems
            ]
        )
    validate_year(year)
    wres_year, _created = WresYear.objects.get_or_create(organisation=organisation, year=year)
    wres_year.updated_at = timezone.now()
    wres_year.updated_by = saved_by
    wres_year.full_clean(validate_unique=False)
    wres_year.save()
    existing = {figure.measure: figure for figure in wres_year.figures.all()}
    for measure in MEASURES:
        row = values[measure.code]
        figure = existing.get(measure.code) or WresFigure(wres_year=wres_year, measure=measure.code)
        # A missing figure (None) is refused by full_clean below, as the field is required.
        figure.white = row.get(Group.WHITE)  # type: ignore[assignment]
        figure.bme = row.get(Group.BME)  # type: ignore[assignment]
        figure.unknown = row.get(Group.UNKNOWN) if Group.UNKNOWN in measure.groups else None
        figure.full_clean(exclude=["wres_year"], validate_unique=False)
        figure.save()
    return wres_year

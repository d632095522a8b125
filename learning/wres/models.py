"""WRES figures: one set per organisation per reporting year, one row per measure."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import Organisation

from .measures import MEASURES, MEASURES_BY_CODE, Kind, year_is_valid, year_to_slug

MEASURE_CHOICES = [(measure.code, measure.label) for measure in MEASURES]


def validate_year(value: str) -> None:
    if not year_is_valid(value):
        raise ValidationError(
            _("Enter a reporting year like 2025/26, from 2015/16 onwards."), code="year"
        )


class WresYear(models.Model):
    """An organisation's Workforce Race Equality Standard figures for one reporting year."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="wres_years"
    )
    year = models.CharField(_("reporting year"), max_length=7, validators=[validate_year])
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="wres_year_unique")
        ]

    def __str__(self):
        return f"{self.organisation}: {self.year}"

    @property
    def slug(self) -> str:
        return year_to_slug(self.year)


class WresFigure(models.Model):
    """One measure's figures for white staff, BME staff and staff of unknown ethnicity.

    Counts are whole numbers; staff survey rows hold percentages and no unknown figure.
    """

    wres_year = models.ForeignKey(WresYear, on_delete=models.CASCADE, related_name="figures")
    measure = models.CharField(max_length=40, choices=MEASURE_CHOICES)
    white = models.DecimalField(max_digits=9, decimal_places=2)
    bme = models.DecimalField(max_digits=9, decimal_places=2)
    unknown = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["wres_year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["wres_year", "measure"], name="wres_figure_unique")
        ]

    def __str__(self):
        return f"{self.wres_year}: {self.measure}"

    def clean(self):
        measure = MEASURES_BY_CODE.get(self.measure)
        if measure is None:
            return
        values = [self.white, self.bme]
        if measure.kind == Kind.COUNT:
            if self.unknown is None:
                raise ValidationError({"unknown": _("Enter the number of unknown ethnicity.")})
            values.append(self.unknown)
        elif self.unknown is not None:
            raise ValidationError({"unknown": _("Staff survey rows have no unknown figure.")})
        for value in values:
            if value is None:
                continue
            if value < 0:
                raise ValidationError(_("Figures cannot be negative."))
            if measure.kind == Kind.COUNT and value != value.to_integral_value():
                raise ValidationError(_("Counts must be whole numbers."))
            if measure.kind == Kind.PERCENT and value > Decimal(100):
                raise ValidationError(_("Percentages must be between 0 and 100."))

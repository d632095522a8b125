"""WRES figures for tests: one complete, valid year, with named figures easy to override."""

import csv
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from learning.wres import measures as m
from learning.wres.indicators import GroupValues
from learning.wres.measures import MEASURES, Group, Kind
from learning.wres.services import wres_year_save

# The worked example used across the tests (see test_indicators.py for the sums by hand).
# Everyone is in band 5 or band 8a; every other band is empty.
WORKED = {
    "band_5": (920, 390, 90),
    "band_8a": (80, 10, 10),
    m.SHORTLISTED: (200, 160, 20),
    m.APPOINTED: (50, 25, 5),
    m.DISCIPLINARY: (20, 16, 1),
    m.TRAINING: (500, 160, 30),
    m.HARASSMENT_PUBLIC: ("20", "25.5"),
    m.HARASSMENT_STAFF: ("18", "24"),
    m.EQUAL_OPPORTUNITIES: ("60", "45"),
    m.DISCRIMINATION: ("6", "15"),
    m.BOARD_VOTING: (9, 3, 0),
}


def row_for(code: str, overrides: dict) -> tuple:
    measure = m.MEASURES_BY_CODE[code]
    default = (0, 0, 0) if measure.kind == Kind.COUNT else ("0", "0")
    return overrides.get(code, WORKED.get(code, default))


def worked_values(**overrides) -> dict:
    """{code: {group: Decimal}} for every measure, as the form and the upload produce."""
    values = {}
    for measure in MEASURES:
        figures = row_for(measure.code, overrides)
        values[measure.code] = {
            group: Decimal(str(value)) for group, value in zip(measure.groups, figures, strict=True)
        }
    return values


def worked_figures(**overrides) -> dict:
    """{code: GroupValues} of plain numbers, as `indicators` takes them."""
    return {
        code: GroupValues(*(float(value) for value in row.values()))
        for code, row in worked_values(**overrides).items()
    }


def save_year(organisation, year="2025/26", **overrides):
    return wres_year_save(organisation=organisation, year=year, values=worked_values(**overrides))


def csv_text(rows: list[list[str]] | None = None, **overrides) -> str:
    """A filled-in template: `rows` as given, else the worked example (with overrides)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["measure", "description", "white", "bme", "unknown"])
    if rows is None:
        rows = []
        for measure in MEASURES:
            figures = [str(value) for value in row_for(measure.code, overrides)]
            rows.append([measure.code, str(measure.label), *figures, *[""] * (3 - len(figures))])
    writer.writerows(rows)
    return out.getvalue()


def upload(text: str | bytes, name="wres.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def group_values(white, bme, unknown=None) -> GroupValues:
    return GroupValues(white, bme, unknown)


__all__ = ["Group", "csv_text", "save_year", "upload", "worked_figures", "worked_values"]

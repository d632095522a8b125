"""The CSV template, and reading a filled-in copy as a whole before anything is saved.

One row per measure: `measure`, `description` (ignored on upload), `white`, `bme`, `unknown`.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from learning.csvfiles import RowProblem, RowProblems, Upload, as_key, read_csv_rows

from .checks import cross_problems, parse_cell
from .measures import GROUP_LABELS, MEASURES, MEASURES_BY_CODE, Group, Kind

# The template has one row per measure; a few more leave room for notes, not another file.
MAX_ROWS = 100
COLUMNS = ("measure", "white", "bme", "unknown")
TEMPLATE_COLUMNS = ("measure", "description", "white", "bme", "unknown")


@dataclass(kw_only=True)
class MeasureProblem(RowProblem):
    """What is wrong on one row; `line` is None for a measure with no row at all."""

    measure: str


@dataclass
class ParsedUpload:
    values: dict[str, dict[Group, Decimal | None]]
    problems: list[MeasureProblem]


def template_csv() -> str:
    """The blank template: every measure, with a description and empty figures."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    for measure in MEASURES:
        description = str(measure.label)
        if measure.kind == Kind.PERCENT:
            description += " " + _("(percentage from 0 to 100; leave unknown empty)")
        writer.writerow([measure.code, description, "", "", ""])
    return out.getvalue()


def parse_upload(upload: Upload) -> ParsedUpload:
    """Reads and checks every row. Rows are numbered as a spreadsheet shows them (header is 1).

    Raises CSVFileError when the file as a whole cannot be read.
    """
    found = read_csv_rows(
        upload,
        columns=COLUMNS,
        max_rows=MAX_ROWS,
        too_large=_("The file is larger than 1 MB. Upload the WRES template only."),
        too_many_rows=_(
            "The file has more than %(max)s rows. The WRES template has one row for each of "
            "its %(measures)s measures: upload the template only."
        )
        % {"max": MAX_ROWS, "measures": len(MEASURES)},
        missing_columns=_(
            "The first row must name the columns measure, white, bme and unknown. Missing: %(m)s."
        ),
        no_rows=_("The file has a header row but no figures."),
    )
    values: dict[str, dict[Group, Decimal | None]] = {}
    problems: RowProblems[MeasureProblem] = RowProblems()
    seen: dict[str, int] = {}
    for row in found:
        code = as_key(row.cells["measure"])
        measure = MEASURES_BY_CODE.get(code)
        problem = MeasureProblem(line=row.line, measure=str(measure.label) if measure else code)
        if measure is None:
            problem.reasons.append(
                _("'%(code)s' is not a measure in the template")
                % {"code": row.cells["measure"].strip()}
            )
        elif code in seen:
            problem.reasons.append(_("this measure is also on row %(line)s") % {"line": seen[code]})
        else:
            seen[code] = row.line
            figures = {}
            for group in Group:
                cell = parse_cell(measure, group, row.cells[group.value])
                figures[group] = cell.value
                if cell.error:
                    problem.reasons.append(f"{GROUP_LABELS[group]}: {cell.error}")
            values[code] = figures
        problems.add(problem)
    for cross in cross_problems(values):
        problems.add(
            MeasureProblem(
                line=seen[cross.code],
                measure=str(MEASURES_BY_CODE[cross.code].label),
                reasons=[f"{GROUP_LABELS[cross.group]}: {cross.message}"],
            )
        )
    ordered = problems.in_row_order()
    for measure in MEASURES:
        if measure.code not in seen:
            ordered.append(
                MeasureProblem(
                    line=None,
                    measure=str(measure.label),
                    reasons=[_("the file has no row for this measure")],
                )
            )
    return ParsedUpload(values=values, problems=ordered)

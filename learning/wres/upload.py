"""The CSV template, and reading a filled-in copy as a whole before anything is saved.

One row per measure: `measure`, `description` (ignored on upload), `white`, `bme`, `unknown`.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from learning.uploads import MAX_CSV_BYTES, CSVFileError, read_csv_lines

from .checks import cross_problems, parse_cell
from .measures import GROUP_LABELS, MEASURES, MEASURES_BY_CODE, Group, Kind

__all__ = ["MAX_CSV_BYTES", "CSVFileError", "parse_upload", "template_csv"]

# The template has one row per measure; a few more leave room for notes, not another file.
MAX_ROWS = 100
COLUMNS = ("measure", "white", "bme", "unknown")
TEMPLATE_COLUMNS = ("measure", "description", "white", "bme", "unknown")


@dataclass
class RowProblem:
    """What is wrong on one row; `line` is None for a measure with no row at all."""

    line: int | None
    measure: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class ParsedUpload:
    values: dict[str, dict[Group, Decimal | None]]
    problems: list[RowProblem]


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


def _key(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def _lines(upload) -> list[list[str]]:
    lines = read_csv_lines(
        upload,
        max_rows=MAX_ROWS,
        too_large=_("The file is larger than 1 MB. Upload the WRES template only."),
        too_many_rows=_(
            "The file has more than %(max)s rows. The WRES template has one row for each of "
            "its %(measures)s measures: upload the template only."
        )
        % {"max": MAX_ROWS, "measures": len(MEASURES)},
    )
    header = [_key(name) for name in lines[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise CSVFileError(
            _(
                "The first row must name the columns measure, white, bme and unknown. "
                "Missing: %(m)s."
            )
            % {"m": ", ".join(missing)}
        )
    return lines


def parse_upload(upload) -> ParsedUpload:
    """Reads and checks every row. Rows are numbered as a spreadsheet shows them (header is 1).

    Raises CSVFileError when the file as a whole cannot be read.
    """
    lines = _lines(upload)
    header = [_key(name) for name in lines[0]]
    positions = {column: header.index(column) for column in COLUMNS}
    values: dict[str, dict[Group, Decimal | None]] = {}
    problems: dict[int, RowProblem] = {}
    seen: dict[str, int] = {}
    for line, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        padded = cells + [""] * len(header)
        code = _key(padded[positions["measure"]])
        measure = MEASURES_BY_CODE.get(code)
        problem = RowProblem(line=line, measure=str(measure.label) if measure else code)
        if measure is None:
            problem.reasons.append(
                _("'%(code)s' is not a measure in the template")
                % {"code": padded[positions["measure"]].strip()}
            )
        elif code in seen:
            problem.reasons.append(_("this measure is also on row %(line)s") % {"line": seen[code]})
        else:
            seen[code] = line
            row = {}
            for group in Group:
                cell = parse_cell(measure, group, padded[positions[group.value]])
                row[group] = cell.value
                if cell.error:
                    problem.reasons.append(f"{GROUP_LABELS[group]}: {cell.error}")
            values[code] = row
        if problem.reasons:
            problems[line] = problem
    if not seen and not problems:
        raise CSVFileError(_("The file has a header row but no figures."))
    for cross in cross_problems(values):
        line = seen[cross.code]
        problems.setdefault(line, RowProblem(line, str(MEASURES_BY_CODE[cross.code].label)))
        problems[line].reasons.append(f"{GROUP_LABELS[cross.group]}: {cross.message}")
    ordered = sorted(problems.values(), key=lambda problem: problem.line or 0)
    for measure in MEASURES:
        if measure.code not in seen:
            ordered.append(
                RowProblem(None, str(measure.label), [_("the file has no row for this measure")])
            )
    return ParsedUpload(values=values, problems=ordered)

"""CSV exports from the dashboard: the readiness grid, shared commitments and board scores.

They hold exactly what the dashboard shows to the same person, suppressed the same way.
"""

import csv
import io
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import Board
from learning.privacy import withheld
from reflection.assessment.definitions import Definition
from reflection.assessment.national import figure_for
from reflection.assessment.selectors import RoundSummary
from reflection.plans.selectors import BoardPlans

from .formatting import number, percent
from .selectors import NextSession

# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return f"'{text}"
    return text


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_cell(value) for value in header])
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return out.getvalue()


def readiness_csv(upcoming: NextSession | None) -> str:
    """One row per member for the next session: ready or not, then each module's status."""
    header = [_("Member"), _("Role"), _("Ready")]
    if upcoming is None:
        return _csv(header, [])
    grid = upcoming.grid
    header += [
        _("%(module)s: status") % {"module": assignment.module.title}
        for assignment in grid.assignments
    ]
    rows = []
    for row in grid.rows:
        line = [
            row.user.get_full_name() or row.user.email,
            row.membership.get_role_display(),
            _("Yes") if row.ready else _("No"),
        ]
        for cell in row.cells:
            status = cell.status_label
            line.append(_("%(status)s (overdue)") % {"status": status} if cell.overdue else status)
        rows.append(line)
    return _csv(header, rows)


def commitments_csv(plans: BoardPlans) -> str:
    """Every commitment members have shared with the chair; drafts never appear."""
    header = [
        _("Member"),
        _("Role"),
        _("Commitment"),
        _("Area of good practice"),
        _("Status"),
        _("Due date"),
        _("Overdue"),
        _("Milestones done"),
        _("Milestones"),
    ]
    rows = [
        [
            row.membership.user.get_full_name() or row.membership.user.email,
            row.membership.get_role_display(),
            commitment.title,
            commitment.area_label,
            commitment.get_status_display(),
            commitment.due_date.isoformat(),
            _("Yes") if commitment.overdue else _("No"),
            commitment.milestones_done,
            commitment.milestones_total,
        ]
        for row in plans.rows
        for commitment in row.commitments
    ]
    return _csv(header, rows)


def _national(key: str) -> str:
    national = figure_for(key)
    if national is None:
        return _("No national figure")
    if national.mean is not None:
        return number(national.mean)
    return percent(national.percent)


def _is_progress(definition: Definition, key: str) -> bool:
    return definition.bounds(definition.dimension_of(key))[1] < 10


def scores_csv(summaries: list[RoundSummary | None], *, minimum: int) -> str:
    """The latest closed rounds' combined figures, with the same suppression as the page."""
    header = [
        _("Round"),
        _("Instrument"),
        _("Closed on"),
        _("Members who answered"),
        _("Figure"),
        _("Mean"),
        _("Spread"),
        _("Yes (%)"),
        _("Partly (%)"),
        _("Rated 8 to 10 (%)"),
        _("Change in mean"),
        _("National figure"),
    ]
    rows: list[list[object]] = []
    for summary in summaries:
        if summary is None:
            continue
        round_ = summary.round
        start = [round_.title, round_.version.instrument.name, round_.closes_on.isoformat()]
        aggregate = summary.aggregate
        if not aggregate.shown:
            rows.append([*start, withheld(minimum), _("Not shown"), *[""] * 7])
            continue
        definition = Definition(round_.version.definition)
        figures = [(figure, False) for figure in aggregate.dimensions]
        figures += [(figure, True) for figure in aggregate.items]
        for figure, is_statement in figures:
            # Yes and partly belong to the progress statements, not the 0 to 10 rating.
            progress = is_statement and _is_progress(definition, figure.key)
            line = [*start, aggregate.respondents, figure.label]
            if not figure.shown:
                rows.append([*line, withheld(minimum), *[""] * 6])
                continue
            rows.append(
                [
                    *line,
                    number(figure.mean),
                    number(figure.spread),
                    figure.percent if progress else "",
                    figure.partly_percent if progress else "",
                    figure.high_percent if figure.high_percent is not None else "",
                    number(figure.change) if figure.change is not None else "",
                    _national(figure.key) if is_statement else "",
                ]
            )
    return _csv(header, rows)


def export_filename(board: Board, what: str, extension: str = "csv") -> str:
    return f"board-{board.pk}-{what}-{timezone.localdate().isoformat()}.{extension}"

"""The facilitator's grid as a CSV file."""

import csv
import io

from django.utils.translation import gettext as _

from .dates import london

# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _when(moment) -> str:
    return london(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _attended(attended: bool | None) -> str:
    if attended is None:
        return _("Not recorded")
    return _("Yes") if attended else _("No")


def grid_csv(grid) -> str:
    """One row per member: ready or not, then status, last activity and score per module."""
    header = [_("Name"), _("Email"), _("Role"), _("Ready")]
    for assignment in grid.assignments:
        title = assignment.module.title
        header += [
            _("%(module)s: status") % {"module": title},
            _("%(module)s: last activity") % {"module": title},
            _("%(module)s: knowledge check score (%%)") % {"module": title},
        ]
    header += [_("Last reminder sent"), _("Came to the session")]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_safe(cell) for cell in header])
    for row in grid.rows:
        line = [
            row.user.get_full_name(),
            row.user.email,
            row.membership.get_role_display(),
            _("Yes") if row.ready else _("No"),
        ]
        for cell in row.cells:
            status = cell.status_label + (f" ({_('overdue')})" if cell.overdue else "")
            line += [status, _when(cell.last_activity_at), cell.score]
        line += [_when(row.last_reminder_at), _attended(row.attended)]
        writer.writerow([_safe(cell) for cell in line])
    return out.getvalue()

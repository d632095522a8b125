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
    header.append(_("Last reminder sent"))
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
        line.append(_when(row.last_reminder_at))
        writer.writerow([_safe(cell) for cell in line])
    return out.getvalue()

"""Checks on WRES figures, shared by the form and the CSV upload so both say the same thing.

`parse_cell` reads one figure as typed; `cross_problems` compares figures with each other
(nobody can be appointed who was not shortlisted).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from . import measures as m
from .measures import Group, Kind, Measure

MAX_COUNT = 1_000_000
_WHOLE = re.compile(r"^-?\d+$")

Values = Mapping[str, Mapping[Group, Decimal | None]]


@dataclass(frozen=True)
class CellResult:
    value: Decimal | None
    error: str = ""


def parse_cell(measure: Measure, group: Group, text: str) -> CellResult:
    """One figure from what the person typed: a whole number for counts, a percentage from 0
    to 100 (at most 2 decimal places) for staff survey rows. Blank is an error except for the
    unknown group on staff survey rows, which must stay blank."""
    text = (text or "").strip()
    if group not in measure.groups:
        if text:
            return CellResult(None, _("leave this empty: staff survey rows have no unknown figure"))
        return CellResult(None)
    if not text:
        return CellResult(None, _("no figure given"))
    if measure.kind == Kind.COUNT:
        cleaned = text.replace(",", "")
        if not _WHOLE.match(cleaned):
            return CellResult(None, _("'%(text)s' is not a whole number") % {"text": text})
        value = Decimal(cleaned)
        if value < 0:
            return CellResult(None, _("%(text)s is negative") % {"text": text})
        if value > MAX_COUNT:
            return CellResult(None, _("%(text)s is more than 1,000,000") % {"text": text})
        return CellResult(value)
    try:
        value = Decimal(text.removesuffix("%").strip())
    except InvalidOperation:
        return CellResult(None, _("'%(text)s' is not a percentage") % {"text": text})
    if not value.is_finite():
        return CellResult(None, _("'%(text)s' is not a percentage") % {"text": text})
    if value < 0 or value > 100:
        return CellResult(None, _("%(text)s is not a percentage from 0 to 100") % {"text": text})
    if value != value.quantize(Decimal("0.01")):
        return CellResult(None, _("%(text)s has more than 2 decimal places") % {"text": text})
    return CellResult(value)


@dataclass(frozen=True)
class CrossProblem:
    code: str
    group: Group
    message: str


def _workforce(values: Values, group: Group) -> Decimal | None:
    total = Decimal(0)
    for code, _label in m.BAND_CODES:
        value = values.get(code, {}).get(group)
        if value is None:
            return None
        total += value
    return total


def cross_problems(values: Values) -> list[CrossProblem]:
    """Figures that cannot all be true together, each on the row and group that should change.
    Messages leave out the group: the form and the upload name it."""
    problems = []
    for group in (Group.WHITE, Group.BME, Group.UNKNOWN):
        shortlisted = values.get(m.SHORTLISTED, {}).get(group)
        appointed = values.get(m.APPOINTED, {}).get(group)
        if shortlisted is not None and appointed is not None and appointed > shortlisted:
            problems.append(
                CrossProblem(
                    m.APPOINTED,
                    group,
                    _("more appointed (%(a)s) than shortlisted (%(s)s)")
                    % {"a": f"{appointed:,.0f}", "s": f"{shortlisted:,.0f}"},
                )
            )
        headcount = _workforce(values, group)
        if headcount is None:
            continue
        for code in (m.DISCIPLINARY, m.TRAINING):
            count = values.get(code, {}).get(group)
            if count is not None and count > headcount:
                problems.append(
                    CrossProblem(
                        code,
                        group,
                        _("more staff (%(n)s) than are in post across the bands (%(h)s)")
                        % {"n": f"{count:,.0f}", "h": f"{headcount:,.0f}"},
                    )
                )
    return problems

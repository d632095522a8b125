"""How the dashboard, the board paper and the exports write dates and figures."""

import math
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def day(value) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return date_format(value, "j F Y")


def moment(value) -> str:
    return date_format(timezone.localtime(value), "j F Y, H:i")


def number(value) -> str:
    """A mean or spread to one decimal place, rounding halves up as the other pages do."""
    if value is None:
        return ""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent(value) -> str:
    return "" if value is None else f"{value}%"


def change(value) -> str:
    if value is None:
        return _("No comparison")
    if value > 0:
        return _("up %(value)s") % {"value": number(value)}
    if value < 0:
        return _("down %(value)s") % {"value": number(-value)}
    return _("no change")


def count_scale(values: list[int]) -> tuple[int, int]:
    """(maximum, step) for an axis of whole counts, with at most about six gridlines."""
    top = max([*values, 1])
    step = max(1, math.ceil(top / 5))
    return step * math.ceil(top / step), step

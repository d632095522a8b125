"""Dates and times for sessions: everything a person sees is in Europe/London."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

LONDON = ZoneInfo("Europe/London")


def london(moment: datetime) -> datetime:
    return timezone.localtime(moment, LONDON)


def london_today(now: datetime | None = None) -> date:
    return london(now or timezone.now()).date()


def london_datetime(day: date, at: time) -> datetime:
    """An aware datetime for a wall-clock time on a day in London."""
    return datetime.combine(day, at, tzinfo=LONDON)


def due_end(due_date: date) -> datetime:
    """The moment a due date runs out: midnight at the end of that day in London."""
    return london_datetime(due_date + timedelta(days=1), time.min)


def default_due_date(starts_at: datetime, working_days: int = 2) -> date:
    """Two working days (Monday to Friday) before the day the session starts."""
    day = london(starts_at).date()
    while working_days:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            working_days -= 1
    return day


def is_overdue(due_date: date, now: datetime | None = None) -> bool:
    return (now or timezone.now()) >= due_end(due_date)


JOINER_DAYS = 7  # a member who joins on or after a due date has this long from joining


def personal_due_date(due_date: date, joined_at: datetime | None) -> date:
    """The day one member's reading is due: the assignment's, or, for someone who joined the
    board on or after that day, seven days after the day they joined."""
    if joined_at is None:
        return due_date
    joined = london(joined_at).date()
    return joined + timedelta(days=JOINER_DAYS) if joined >= due_date else due_date

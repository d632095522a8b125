from datetime import date, datetime, time

from learning.development.dates import LONDON, default_due_date, due_end, is_overdue


def test_default_due_date_is_two_working_days_before_a_midweek_session():
    starts = datetime(2026, 3, 12, 10, 0, tzinfo=LONDON)  # a Thursday
    assert default_due_date(starts) == date(2026, 3, 10)  # Tuesday


def test_default_due_date_skips_the_weekend_before_a_monday_session():
    starts = datetime(2026, 3, 16, 9, 30, tzinfo=LONDON)  # a Monday
    assert default_due_date(starts) == date(2026, 3, 12)  # the Thursday before


def test_due_date_runs_out_at_midnight_in_london_in_summer_time():
    end = due_end(date(2026, 7, 1))
    assert end == datetime(2026, 7, 2, 0, 0, tzinfo=LONDON)
    assert end.utcoffset().total_seconds() == 3600


def test_reading_is_overdue_only_after_the_due_day_ends():
    assert not is_overdue(date(2026, 7, 1), datetime(2026, 7, 1, 23, 59, tzinfo=LONDON))
    assert is_overdue(date(2026, 7, 1), datetime.combine(date(2026, 7, 2), time.min, LONDON))

"""The calendar arithmetic behind the plan's documented windows (§2.1)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, tzinfo

from tui_planner.clock import utc

__all__ = [
    "end_of_next_month",
    "end_of_next_week",
    "local_date",
    "start_of_day",
]


def end_of_next_month(today: date) -> date:
    """The last day of the month after ``today``'s: where a plan's period ends."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, calendar.monthrange(year, month)[1])


def end_of_next_week(today: date) -> date:
    """The Sunday of the week after ``today``'s (weeks start on Monday).

    Posts are generated automatically only for activities up to this day.
    """
    return today + timedelta(days=6 - today.weekday() + 7)


def local_date(value: datetime, tz: tzinfo) -> date:
    """The calendar day ``value`` falls on in ``tz``."""
    return utc(value).astimezone(tz).date()


def start_of_day(day: date, tz: tzinfo) -> datetime:
    """Midnight at the start of ``day`` in ``tz``, as a UTC datetime."""
    return utc(datetime.combine(day, time.min, tzinfo=tz))

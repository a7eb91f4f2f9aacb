"""The days planner-tui accepts: from 1 January 1970 to 31 December 2100.

Every day the user can type or move to (go-to-date, calendar keys, the activity, event and
reschedule forms) must fall inside this window; outside it the app says so in a sentence
and stays where it was. Why these ends: a marketing plan has no use for days before the
Unix epoch (and not every service takes negative timestamps), a lifetime ahead is room for
any plan, and both ends are far enough from Python's year 1 and 9999 that a time zone's
offset, a month's grid or a week's step never runs off the edge of ``datetime``.

Values already stored outside it (an event created through the API in 1900) are still
shown where they appear; they are only refused as new input.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from tui_planner.day_words import day_text

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "WINDOW_TEXT",
    "beyond_edge",
    "missing_day",
    "outside_window",
]

FIRST_DAY = date(1970, 1, 1)
"""The first day that can be chosen."""
LAST_DAY = date(2100, 12, 31)
"""The last day that can be chosen."""
WINDOW_TEXT = "1 Jan 1970 to 31 Dec 2100"
"""The window in words, for sentences."""


_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(
    rf"^(?P<day>\d{{1,3}}){_ORDINAL}\s+(?P<month>[a-z]{{3,9}})\.?,?(?:\s+(?P<year>\d{{4}}))?$"
)
_MONTH_DAY = re.compile(
    rf"^(?P<month>[a-z]{{3,9}})\.?\s+(?P<day>\d{{1,3}}){_ORDINAL},?(?:\s+(?P<year>\d{{4}}))?$"
)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,3})$")


def missing_day(text: str, today: date) -> str | None:
    """Why ``text`` names no day (a sentence), when it writes a day of a month that has no
    such day: "32 Nov", "Apr 31", "29 Feb 2027", "2026-11-31". ``None`` otherwise (a real
    day, or not a day and month at all: the caller reads it as it reads any other text).

    A day and month without a year are in ``today``'s year. Checked before anything lenient
    reads the text, as dateutil reads "32 Nov" as 23 November 2032.
    """
    typed = " ".join(text.split())
    value = typed.lower()
    found = _DAY_MONTH.match(value) or _MONTH_DAY.match(value)
    if found is not None:
        month = _month_number(found["month"])
        if month is None:
            return None
    elif (found := _ISO.match(value)) is not None:
        month = int(found["month"])
        if not 1 <= month <= 12:
            return f"There is no “{typed}”: a month is numbered 1 to 12."
    else:
        return None
    year = int(found["year"]) if found["year"] else today.year
    day = int(found["day"])
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return f"There is no “{typed}”: {_MONTHS[month - 1].title()} {year} has {days} days."


def _month_number(word: str) -> int | None:
    """1 to 12 for a month's name or the start of one ("nov", "sept"), else ``None``."""
    for number, name in enumerate(_MONTHS, start=1):
        if name.startswith(word):
            return number
    return None


def outside_window(day: date) -> str | None:
    """Why a typed ``day`` cannot be chosen (a sentence), or ``None`` when it can."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return f"{day.isoformat()} is outside the calendar, which runs from {WINDOW_TEXT}."


def beyond_edge(day: date) -> str | None:
    """Why the calendar cannot move on to ``day`` (a sentence), or ``None`` when it can."""
    if day < FIRST_DAY:
        return f"The calendar starts on {day_text(FIRST_DAY, year=True)}."
    if day > LAST_DAY:
        return f"The calendar ends on {day_text(LAST_DAY, year=True)}."
    return None

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

from datetime import date

from tui_planner.day_words import day_text

__all__ = ["FIRST_DAY", "LAST_DAY", "WINDOW_TEXT", "beyond_edge", "outside_window"]

FIRST_DAY = date(1970, 1, 1)
"""The first day that can be chosen."""
LAST_DAY = date(2100, 12, 31)
"""The last day that can be chosen."""
WINDOW_TEXT = "1 Jan 1970 to 31 Dec 2100"
"""The window in words, for sentences."""


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

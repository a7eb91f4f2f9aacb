"""Reading a day the user typed: ISO dates, "24 Dec", "today", "+3", "-2w".

Relative forms count from today, whatever day the screen has selected, and every day must
fall inside the calendar's window (:mod:`tui_planner.date_window`). A day its month does not
have ("32 Nov", "29 Feb 2027") is refused by name, not read as something else.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from tui_planner.date_window import missing_day, outside_window

__all__ = ["DAY_HINT", "parse_day"]

DAY_HINT = "2026-12-24, 24 Dec, today, tomorrow, +3 or -2w"
"""The forms a day may be typed in, for placeholders and error messages."""

_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dw]?)$")


def parse_day(text: str, today: date) -> date:
    """The day ``text`` names; relative forms ("+3") and missing parts count from ``today``.

    Raises ``ValueError`` with a sentence for the user when ``text`` is not a day, or is a
    day outside the calendar's window.
    """
    day = _read_day(text, today)
    why = outside_window(day)
    if why is not None:
        raise ValueError(why)
    return day


def _read_day(text: str, today: date) -> date:
    value = text.strip().lower()
    if not value:
        raise ValueError("Enter a date.")
    if value == "today":
        return today
    if value == "tomorrow":
        return today + timedelta(days=1)
    if value == "yesterday":
        return today - timedelta(days=1)
    relative = _RELATIVE.match(value)
    if relative:
        sign, amount, unit = relative.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        try:
            return today + timedelta(days=days if sign == "+" else -days)
        except OverflowError:
            raise ValueError(f"“{text.strip()}” is too far from today.") from None
    missing = missing_day(text, today)
    if missing is not None:
        raise ValueError(missing)
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        default = datetime(today.year, today.month, today.day)
        return dateutil_parser.parse(value, default=default).date()
    except (ValueError, OverflowError):
        raise ValueError(f"“{text.strip()}” is not a date. Try {DAY_HINT}.") from None

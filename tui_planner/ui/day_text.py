"""Reading a day the user typed: ISO dates, "24 Dec", "today", "+3", "-2w"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

__all__ = ["DAY_HINT", "parse_day"]

DAY_HINT = "2026-12-24, 24 Dec, today, tomorrow, +3 or -2w"
"""The forms a day may be typed in, for placeholders and error messages."""

_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dw]?)$")


def parse_day(text: str, reference: date) -> date:
    """The day ``text`` names; relative forms and missing parts count from ``reference``.

    Raises ``ValueError`` with a sentence for the user when ``text`` is not a day.
    """
    value = text.strip().lower()
    if not value:
        raise ValueError("Enter a date.")
    if value == "today":
        return reference
    if value == "tomorrow":
        return reference + timedelta(days=1)
    if value == "yesterday":
        return reference - timedelta(days=1)
    relative = _RELATIVE.match(value)
    if relative:
        sign, amount, unit = relative.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        return reference + timedelta(days=days if sign == "+" else -days)
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        default = datetime(reference.year, reference.month, reference.day)
        return dateutil_parser.parse(value, default=default).date()
    except (ValueError, OverflowError):
        raise ValueError(f"“{text.strip()}” is not a date. Try {DAY_HINT}.") from None

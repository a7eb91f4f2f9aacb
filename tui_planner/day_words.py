"""How a day is written, everywhere the app shows one: "Mon 7 Dec" or "Monday 7 December".

One function, so the calendar's heading, the drafts table, the preview and every sentence
write a day alike (no "07" in one place and "7" in the next). Times of day keep their own
``%H:%M`` beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

__all__ = ["day_text"]


def day_text(day: date, *, long: bool = False, year: bool = False) -> str:
    """``day`` as "Mon 7 Dec" ("Monday 7 December" when ``long``), with " 2026" if ``year``.

    A ``datetime`` is written by its own day: convert it to the user's zone first.
    """
    text = f"{day:%A} {day.day} {day:%B}" if long else f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if year else text

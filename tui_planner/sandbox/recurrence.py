"""Occurrences of recurring calendar events, computed with python-dateutil's ``rrule``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from tui_planner.clock import utc

__all__ = ["FREQUENCIES", "MAX_OCCURRENCES", "occurrences"]

_Frequency = Literal[0, 1, 2, 3, 4, 5, 6]

FREQUENCIES: dict[str, _Frequency] = {"WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}
"""The documented ``recurringRule.frequency`` values and their rrule constants."""

MAX_OCCURRENCES = 100
"""``recurringOccurrences`` holds at most this many entries."""


def occurrences(
    frequency: str,
    anchor: datetime,
    start: datetime,
    end: datetime,
    *,
    until: datetime | None = None,
    limit: int = MAX_OCCURRENCES,
) -> list[datetime]:
    """Every occurrence of a rule first happening at ``anchor`` inside ``[start, end]``.

    ``until`` (the rule's end date) cuts the series off. A monthly rule anchored on the 31st
    skips months without one, as rrule does; at most ``limit`` dates are returned.
    """
    rule = rrule(FREQUENCIES[frequency], dtstart=utc(anchor), until=utc(until) if until else None)
    found: list[datetime] = []
    for moment in rule.xafter(utc(start), inc=True):
        if moment > utc(end) or len(found) >= limit:
            break
        found.append(moment)
    return found

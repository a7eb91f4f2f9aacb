"""A calendar event's occurrence, as the planner sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["EventOccurrence"]


@dataclass(frozen=True)
class EventOccurrence:
    """One day an event happens (a recurring event gives one of these per occurrence)."""

    name: str
    description: str | None
    date: date

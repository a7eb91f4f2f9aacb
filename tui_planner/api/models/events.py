"""The Calendar Events service's entity and bodies (§4)."""

from __future__ import annotations

from pydantic import AliasChoices, Field

from .base import WireModel, WixDateTime
from .enums import RecurrenceFrequency

__all__ = [
    "CalendarEvent",
    "CalendarEventResponse",
    "CalendarEventsResponse",
    "RecurringEventOccurrence",
    "RecurringRule",
]


class RecurringRule(WireModel):
    """How a recurring event repeats (UNVERIFIED shape: ``frequency`` plus optional bounds)."""

    frequency: RecurrenceFrequency
    start_date: WixDateTime | None = None
    end_date: WixDateTime | None = None


class RecurringEventOccurrence(WireModel):
    """One computed occurrence of a recurring event inside a queried range."""

    date: WixDateTime


class CalendarEvent(WireModel):
    """A sale, holiday, launch or milestone the plan is built around.

    ``read_only`` is not in the contract (UNVERIFIED): it is read when a server sends it (the
    rich sandbox marks connected-calendar events so). The app does not wait for it: an event
    the server refuses to change (428) is remembered as read-only (``PlannerState``).
    """

    id: str | None = None
    calendar_id: str | None = None
    name: str = ""
    description: str | None = None
    date: WixDateTime | None = None
    recurring_rule: RecurringRule | None = None
    recurring_occurrences: tuple[RecurringEventOccurrence, ...] = ()
    read_only: bool = False

    @property
    def is_recurring(self) -> bool:
        """Recurring when it has a rule; a rule wins over a date, as the service says."""
        return self.recurring_rule is not None


class CalendarEventResponse(WireModel):
    """The wrapper of create/update answers: ``calendarEvent`` or ``event`` (both UNVERIFIED)."""

    calendar_event: CalendarEvent = Field(
        validation_alias=AliasChoices("calendarEvent", "event", "calendar_event")
    )


class CalendarEventsResponse(WireModel):
    """QueryEvents' response: ``events`` or ``calendarEvents`` (UNVERIFIED)."""

    events: tuple[CalendarEvent, ...] = Field(
        default=(), validation_alias=AliasChoices("events", "calendarEvents")
    )

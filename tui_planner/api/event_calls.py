"""The Calendar Events service's calls (marketing-plan-api.md §4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import (
    CalendarEvent,
    CalendarEventResponse,
    CalendarEventsResponse,
    RecurringEventOccurrence,
    format_wix_datetime,
)
from .transport import Replay, ServiceClient, path_segment

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = ["EventCalls", "merge_occurrences"]

# Event fields the server assigns or computes; a create or update never sends them.
# ``readOnly`` is not a contract field (the rich sandbox's marker).
_EVENT_SERVER_FIELDS = ("calendarId", "recurringOccurrences", "readOnly")


class EventCalls(ServiceClient):
    """Create, replace, delete and query the custom events generation plans around.

    Mixed into :class:`~tui_planner.api.MarketingPlanClient`, which sets the service root.
    """

    async def create_event(self, event: CalendarEvent) -> CalendarEvent:
        """Create a one-time (``date``) or recurring (``recurring_rule``) event."""
        wire = _event_body(event)
        wire.pop("id", None)
        answer = await self._transport.fetch(
            CalendarEventResponse,
            "POST",
            "/events",
            operation="CreateEvent",
            replay=Replay.ONCE,
            body={"calendarEvent": wire},
        )
        return answer.calendar_event

    async def update_event(self, event: CalendarEvent) -> CalendarEvent:
        """Replace an event wholesale (every field to keep must be set on ``event``)."""
        if not event.id:
            raise ValueError("An event needs its ID to be updated")
        answer = await self._transport.fetch(
            CalendarEventResponse,
            "PUT",
            f"/events/{path_segment(event.id)}",
            operation="UpdateEvent",
            replay=Replay.SAFE,
            body={"event": _event_body(event)},
        )
        return answer.calendar_event

    async def delete_event(self, event_id: str) -> None:
        """Delete an event (connected-calendar events refuse with 428)."""
        await self._transport.call(
            "DELETE",
            f"/events/{path_segment(event_id)}",
            operation="DeleteEvent",
            replay=Replay.SAFE,
        )

    async def query_events(self, start: datetime, end: datetime) -> tuple[CalendarEvent, ...]:
        """Events in ``[start, end]`` (at most 100), recurring ones with their occurrences."""
        date_range = {"$gte": format_wix_datetime(start), "$lte": format_wix_datetime(end)}
        answer = await self._transport.fetch(
            CalendarEventsResponse,
            "POST",
            "/events/query",
            operation="QueryEvents",
            replay=Replay.SAFE,
            body={"query": {"filter": {"date": date_range}}},
        )
        return merge_occurrences(answer.events)


def merge_occurrences(events: Iterable[CalendarEvent]) -> tuple[CalendarEvent, ...]:
    """One event per id, in first-seen order, holding every occurrence listed for it.

    Whether QueryEvents lists a recurring event once with its ``recurringOccurrences`` or once
    per occurrence is UNVERIFIED (§4.5); either way the app gets one event. A repeated
    recurring entry's own ``date`` counts as an occurrence too.
    """
    merged: dict[str, CalendarEvent] = {}
    loose: list[CalendarEvent] = []
    for event in events:
        if not event.id:
            loose.append(event)
            continue
        first = merged.get(event.id)
        if first is None:
            merged[event.id] = event
            continue
        if not first.is_recurring:
            continue
        dates = {o.date for o in first.recurring_occurrences}
        extra = [o for o in event.recurring_occurrences if o.date not in dates]
        if event.date is not None and event.date not in dates and not extra:
            extra.append(RecurringEventOccurrence(date=event.date))
        if extra:
            occurrences = sorted((*first.recurring_occurrences, *extra), key=lambda o: o.date)
            merged[event.id] = first.model_copy(
                update={"recurring_occurrences": tuple(occurrences)}
            )
    return (*merged.values(), *loose)


def _event_body(event: CalendarEvent) -> dict[str, Any]:
    wire = event.to_wire()
    for field in _EVENT_SERVER_FIELDS:
        wire.pop(field, None)
    return wire

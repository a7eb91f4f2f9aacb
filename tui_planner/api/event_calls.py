"""The Calendar Events service's calls (marketing-plan-api.md §4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import (
    CalendarEvent,
    CalendarEventResponse,
    CalendarEventsResponse,
    format_wix_datetime,
)
from .transport import Replay, ServiceClient, path_segment

if TYPE_CHECKING:
    from datetime import datetime

__all__ = ["EventCalls"]

# Event fields the server assigns or computes; a create or update never sends them.
# ``readOnly`` is the sandbox's marker, not a contract field.
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
        return answer.events


def _event_body(event: CalendarEvent) -> dict[str, Any]:
    wire = event.to_wire()
    for field in _EVENT_SERVER_FIELDS:
        wire.pop(field, None)
    return wire

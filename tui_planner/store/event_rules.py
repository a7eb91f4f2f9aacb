"""Questions about a calendar event that the contract leaves for the app to answer.

- Whether it can be changed here: the contract has no read-only flag (§4.1), only a 428 from
  UpdateEvent/DeleteEvent for a connected-calendar event. An event is read-only when a server
  says so (``readOnly``, which the rich sandbox sends) or once it refused a change
  (``PlannerState.read_only_event_ids``).
- When it starts: a one-time event's ``date``; a recurring one's ``recurringRule.startDate``
  if the server shows it (its fields are UNVERIFIED), else its first listed occurrence.
- Its time of day: a form edits the day; the time the event had stays (15:30 stays 15:30).
  A date-only event (midnight UTC, :mod:`tui_planner.zone`) stays date-only.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, Literal

from tui_planner.api.models import RecurrenceFrequency
from tui_planner.zone import date_only_instant, event_day, is_date_only, to_local, wall_instant

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from tui_planner.api.models import CalendarEvent

    from .state import PlannerState

__all__ = [
    "event_instant",
    "event_is_read_only",
    "event_start",
    "event_time_of_day",
    "rule_occurs_on",
    "with_series_start",
]


def event_is_read_only(state: PlannerState, event: CalendarEvent) -> bool:
    """Whether ``event`` cannot be changed through this API (flagged or refused before)."""
    return event.read_only or (event.id is not None and event.id in state.read_only_event_ids)


def event_start(event: CalendarEvent) -> datetime | None:
    """When the event (or its series) starts, as far as the server said."""
    rule = event.recurring_rule
    if rule is None:
        return event.date
    if rule.start_date is not None:
        return rule.start_date
    if event.recurring_occurrences:
        return min(occurrence.date for occurrence in event.recurring_occurrences)
    return event.date


def rule_occurs_on(event: CalendarEvent, day: date, tz: tzinfo) -> bool:
    """Whether ``event``'s recurring rule puts an occurrence on ``day`` (in ``tz``).

    The server lists occurrences only inside the range queried (the plan's period); this
    answers for any other day, from the series' first day, its frequency and its end. A
    monthly series on the 31st skips shorter months, as iCalendar's rules do.
    """
    # dateutil is loaded with the first recurring event, not with the calendar's first frame.
    from dateutil import rrule

    frequencies: dict[RecurrenceFrequency, Literal[0, 1, 2]] = {
        RecurrenceFrequency.WEEKLY: rrule.WEEKLY,
        RecurrenceFrequency.MONTHLY: rrule.MONTHLY,
        RecurrenceFrequency.YEARLY: rrule.YEARLY,
    }
    rule = event.recurring_rule
    start = event_start(event)
    frequency = frequencies.get(rule.frequency) if rule is not None else None
    if rule is None or frequency is None or start is None:
        return False
    first = event_day(start, tz)
    if day < first or (rule.end_date is not None and day > event_day(rule.end_date, tz)):
        return False
    moment = datetime.combine(day, time())
    series = rrule.rrule(frequency, dtstart=datetime.combine(first, time()))
    return bool(series.between(moment, moment, inc=True))


def event_time_of_day(event: CalendarEvent | None, tz: tzinfo) -> time | None:
    """The wall-clock time the event starts at in ``tz``; ``None`` for a date-only event."""
    start = event_start(event) if event is not None else None
    if start is None or is_date_only(start):
        return None
    return to_local(start, tz).time().replace(tzinfo=None)


def event_instant(day: date, edited: CalendarEvent | None, tz: tzinfo) -> datetime:
    """What an event form's ``day`` is sent as: date-only (midnight UTC), unless the event
    being edited has a time of day, which it keeps on the new day in ``tz``."""
    at = event_time_of_day(edited, tz)
    return date_only_instant(day) if at is None else wall_instant(day, at, tz)


def with_series_start(event: CalendarEvent) -> CalendarEvent:
    """A recurring event whose rule shows no start, given its first listed occurrence.

    A form then opens with the series' day filled in, and saving it (a full replacement)
    keeps a start the server can repeat from.
    """
    rule = event.recurring_rule
    if rule is None or rule.start_date is not None:
        return event
    start = event_start(event)
    if start is None:
        return event
    started = rule.model_copy(update={"start_date": start})
    return event.model_copy(update={"recurring_rule": started})

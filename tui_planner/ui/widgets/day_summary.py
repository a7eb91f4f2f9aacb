"""What the calendar shows for each day, computed once per snapshot and filter.

Pure Python (no Textual) so the calendar's data model is tested without a terminal. A key
press that only moves the selection reuses the last :class:`DayIndex`; a new one is built
only when the snapshot, the filter or the time zone changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tui_planner.api.models import ItemStatus, MarketingActivityType
from tui_planner.store.event_rules import rule_occurs_on
from tui_planner.store.selectors import activities_by_day, activity_counts
from tui_planner.ui.icons import type_icon, type_label
from tui_planner.zone import event_day

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import date, tzinfo

    from tui_planner.api.models import CalendarEvent, ChannelName, PlanMarketingActivity
    from tui_planner.store.state import PlannerState

__all__ = [
    "CalendarFilter",
    "DayEntry",
    "DayIndex",
    "DaySummary",
    "event_days",
]


@dataclass(frozen=True, slots=True)
class CalendarFilter:
    """Which activities the calendar shows; ``None`` fields do not filter."""

    activity_type: MarketingActivityType | None = None
    channel: ChannelName | None = None
    status: ItemStatus | None = None

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return not (self.activity_type is None and self.channel is None and self.status is None)

    def matches(self, activity: PlanMarketingActivity) -> bool:
        """Whether ``activity`` passes every filter that is set."""
        if self.activity_type is not None and (
            activity.marketing_activity_type or MarketingActivityType.SOCIAL_MARKETING
        ) != (self.activity_type):
            return False
        if self.channel is None and self.status is None:
            return True
        return any(
            (self.channel is None or post.channel.name == self.channel)
            and (self.status is None or post.status == self.status)
            for post in activity.items
        )

    def describe(self) -> tuple[str, ...]:
        """One phrase per filter that is set ("Type: Blog", "Channel: Instagram")."""
        parts: list[str] = []
        if self.activity_type is not None:
            parts.append(f"Type: {type_label(self.activity_type)}")
        if self.channel is not None:
            parts.append(f"Channel: {self.channel.value.title()}")
        if self.status is not None:
            parts.append(f"Status: {self.status.value.title()}")
        return tuple(parts)


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One activity as a day cell lists it."""

    activity_id: str
    title: str
    icon: str


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day of the calendar: its activities (in time order), counts and events."""

    entries: tuple[DayEntry, ...] = ()
    drafts: int = 0
    scheduled: int = 0
    events: tuple[str, ...] = ()
    """Names of the calendar events on this day."""

    @property
    def has_event(self) -> bool:
        """Whether a calendar event falls on this day."""
        return bool(self.events)


EMPTY_DAY = DaySummary()


_SCHEDULED = frozenset({ItemStatus.SCHEDULED, ItemStatus.IN_QUEUE, ItemStatus.PROCESSING})
"""Statuses counted as scheduled, as the store's counts do."""


def event_days(event: CalendarEvent, tz: tzinfo) -> Iterable[date]:
    """The days a calendar event occupies: its date, or each listed recurrence."""
    if event.is_recurring:
        for occurrence in event.recurring_occurrences:
            yield event_day(occurrence.date, tz)
        if not event.recurring_occurrences and event.recurring_rule is not None:
            start = event.recurring_rule.start_date
            if start is not None:
                yield event_day(start, tz)
    elif event.date is not None:
        yield event_day(event.date, tz)


@dataclass(frozen=True, slots=True)
class DayIndex:
    """Every day's :class:`DaySummary` for one snapshot, filter and time zone."""

    state: PlannerState | None
    filter: CalendarFilter
    tz: tzinfo | None
    days: Mapping[date, DaySummary] = field(default_factory=dict)
    activities: Mapping[date, tuple[PlanMarketingActivity, ...]] = field(default_factory=dict)
    """The visible activities of each day, in time order."""
    series: tuple[tuple[CalendarEvent, frozenset[date]], ...] = ()
    """Recurring events with the days the server listed, drawn from their rule elsewhere."""
    listed: tuple[date, date] | None = None
    """The days the server lists occurrences for (the plan's period), when known."""

    def day(self, day: date) -> DaySummary:
        """The summary of ``day`` (empty when nothing is on it), with any recurring event
        whose rule falls on it beyond the days the server listed (a month after the plan)."""
        summary = self.days.get(day, EMPTY_DAY)
        extra = tuple(
            event.name
            for event, days in self.series
            if day not in days
            and self._beyond_listing(event, day)
            and self.tz is not None
            and rule_occurs_on(event, day, self.tz)
        )
        return replace(summary, events=summary.events + extra) if extra else summary

    def _beyond_listing(self, event: CalendarEvent, day: date) -> bool:
        if not event.recurring_occurrences or self.listed is None:
            return True
        first, last = self.listed
        return not first <= day <= last

    def activities_on(self, day: date) -> tuple[PlanMarketingActivity, ...]:
        """The visible activities of ``day``, in time order."""
        return self.activities.get(day, ())

    def is_for(self, state: PlannerState, filter: CalendarFilter, tz: tzinfo) -> bool:
        """Whether this index already answers for these inputs (snapshots compare by identity)."""
        return self.state is state and self.filter == filter and self.tz is tz

    @classmethod
    def build(cls, state: PlannerState, filter: CalendarFilter, tz: tzinfo) -> DayIndex:
        """Group the snapshot's visible activities and events by day."""
        by_day = activities_by_day(state, tz)
        if filter.active:
            by_day = {
                day: kept
                for day, group in by_day.items()
                if (kept := tuple(a for a in group if filter.matches(a)))
            }
        events: dict[date, list[str]] = defaultdict(list)
        series: list[tuple[CalendarEvent, frozenset[date]]] = []
        for event in state.events:
            on = tuple(event_days(event, tz))
            for day in on:
                events[day].append(event.name)
            if event.is_recurring:
                series.append((event, frozenset(on)))
        days = _LazyDays(by_day, events, filter.channel)
        listed = (
            (state.plan_start, state.plan_end)
            if state.plan_start is not None and state.plan_end is not None
            else None
        )
        return cls(
            state=state,
            filter=filter,
            tz=tz,
            days=days,
            activities=by_day,
            series=tuple(series),
            listed=listed,
        )


class _LazyDays(Mapping["date", DaySummary]):
    """Every day's summary, each made when first asked for.

    A new snapshot of the big plan has some 120 days with activities; the month grid asks
    for the 42 it shows and the agenda for one, so building them all at once took the loop
    several milliseconds for days no one looked at. Only the event loop's thread reads an
    index, so the cache needs no lock.
    """

    def __init__(
        self,
        activities: Mapping[date, tuple[PlanMarketingActivity, ...]],
        events: Mapping[date, list[str]],
        channel: ChannelName | None,
    ) -> None:
        self._activities = activities
        self._events = events
        self._channel = channel
        self._keys = activities.keys() | events.keys()
        self._made: dict[date, DaySummary] = {}

    def __getitem__(self, day: date) -> DaySummary:
        made = self._made.get(day)
        if made is None:
            if day not in self._keys:
                raise KeyError(day)
            made = _summarize(
                self._activities.get(day, ()), self._events.get(day, ()), self._channel
            )
            self._made[day] = made
        return made

    def __iter__(self) -> Iterator[date]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _summarize(
    activities: tuple[PlanMarketingActivity, ...],
    events: Iterable[str],
    channel: ChannelName | None,
) -> DaySummary:
    drafts = scheduled = 0
    for activity in activities:
        if channel is None:
            counted = activity_counts(activity)
            drafts += counted.drafts
            scheduled += counted.scheduled
            continue
        for post in activity.items:
            if post.channel.name == channel:
                drafts += post.status == ItemStatus.DRAFT
                scheduled += post.status in _SCHEDULED
    entries = tuple(
        DayEntry(a.id, a.title or "Untitled activity", type_icon(a.marketing_activity_type))
        for a in activities
    )
    return DaySummary(entries=entries, drafts=drafts, scheduled=scheduled, events=tuple(events))

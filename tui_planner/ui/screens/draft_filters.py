"""What the drafts screen lists: its filters, and the rows they leave.

Pure functions of a :class:`PlannerState`, so the screen only draws and the rules can be
read in one place.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING

from tui_planner.api.models import PLAN_CHANNELS, ChannelName, MarketingActivityType
from tui_planner.day_words import day_text
from tui_planner.store.selectors import activities_by_day, drafts, local_day
from tui_planner.ui.icons import channel_label, type_label
from tui_planner.ui.widgets.draft_table import DraftRow

if TYPE_CHECKING:
    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.store.state import PlannerState

__all__ = [
    "ACTIVITY_HEADERS",
    "DATE_RANGES",
    "DRAFT_HEADERS",
    "DateRange",
    "DraftFilters",
    "activity_rows",
    "draft_rows",
    "postless_activities",
]

DRAFT_HEADERS = ("Day", "Activity", "Channel", "Connection", "Caption")
ACTIVITY_HEADERS = ("Day", "Activity without posts", "Type", "", "Posts")

CONNECTED = "● connected"
NOT_CONNECTED = "○ not connected"


@dataclass(frozen=True, slots=True)
class DateRange:
    """A named span of days, relative to today."""

    label: str

    def bounds(self, today: date) -> tuple[date | None, date | None]:
        """The first and last day (inclusive) of the span, ``None`` for open ends."""
        match self.label:
            case "Next 7 days":
                return today, today + timedelta(days=6)
            case "Next 14 days":
                return today, today + timedelta(days=13)
            case "This month":
                return today, date(today.year, today.month, _month_days(today))
            case "Next month":
                first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
                return first, date(first.year, first.month, _month_days(first))
            case _:
                return None, None


def _month_days(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


DATE_RANGES: tuple[DateRange, ...] = (
    DateRange("Whole plan"),
    DateRange("Next 7 days"),
    DateRange("Next 14 days"),
    DateRange("This month"),
    DateRange("Next month"),
)
"""The spans ``d`` cycles through, in order."""


@dataclass(frozen=True, slots=True)
class DraftFilters:
    """Which drafts the screen lists."""

    channel: ChannelName | None = None
    connected_only: bool = False
    date_range: DateRange = DATE_RANGES[0]

    def next_channel(self) -> DraftFilters:
        """All channels, then each plan channel in turn, then all again."""
        order: tuple[ChannelName | None, ...] = (None, *PLAN_CHANNELS)
        position = order.index(self.channel) if self.channel in order else 0
        return replace(self, channel=order[(position + 1) % len(order)])

    def next_date_range(self) -> DraftFilters:
        """The next span in :data:`DATE_RANGES`."""
        position = DATE_RANGES.index(self.date_range)
        return replace(self, date_range=DATE_RANGES[(position + 1) % len(DATE_RANGES)])

    def toggled_connected(self) -> DraftFilters:
        """Connected only on or off."""
        return replace(self, connected_only=not self.connected_only)

    @property
    def channel_text(self) -> str:
        """The channel filter in words."""
        return "All" if self.channel is None else channel_label(self.channel)


def draft_rows(
    state: PlannerState, filters: DraftFilters, today: date, tz: tzinfo
) -> tuple[DraftRow, ...]:
    """One row per draft the filters keep, grouped by day and activity."""
    start, end = filters.date_range.bounds(today)
    found = drafts(state, filters.channel, filters.connected_only, start, end, tz)
    rows: list[DraftRow] = []
    last_day: date | None = None
    last_activity: str | None = None
    for owner, entry in found:
        day = local_day(owner, tz)
        connected = state.is_connected(entry.channel.name)
        rows.append(
            DraftRow(
                key=entry.id,
                day=_day_label(day) if day != last_day else "",
                group=(owner.title or "Untitled activity") if owner.id != last_activity else "",
                channel=channel_label(entry.channel.name) + (" story" if entry.is_story else ""),
                connection=CONNECTED if connected else NOT_CONNECTED,
                connected=connected,
                detail=" ".join(entry.text.split())
                or ("Story" if entry.is_story else "No caption"),
            )
        )
        last_day, last_activity = day, owner.id
    return tuple(rows)


def postless_activities(
    state: PlannerState, filters: DraftFilters, today: date, tz: tzinfo
) -> tuple[PlanMarketingActivity, ...]:
    """Social activities in the date range that have no posts yet, in date order."""
    start, end = filters.date_range.bounds(today)
    found: list[PlanMarketingActivity] = []
    by_day = activities_by_day(state, tz)
    for day in sorted(by_day):
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        found.extend(
            owner
            for owner in by_day[day]
            if not owner.items
            and owner.marketing_activity_type in (None, MarketingActivityType.SOCIAL_MARKETING)
        )
    return tuple(found)


def activity_rows(
    state: PlannerState, filters: DraftFilters, today: date, tz: tzinfo
) -> tuple[DraftRow, ...]:
    """One row per social activity without posts, with whether its posts are on the way."""
    rows: list[DraftRow] = []
    last_day: date | None = None
    for owner in postless_activities(state, filters, today, tz):
        day = local_day(owner, tz)
        generating = owner.id in state.posts_generating
        rows.append(
            DraftRow(
                key=owner.id,
                day=_day_label(day) if day != last_day else "",
                group=owner.title or "Untitled activity",
                channel=type_label(owner.marketing_activity_type),
                connection="",
                connected=True,
                detail="Generating posts…" if generating else "No posts yet",
            )
        )
        last_day = day
    return tuple(rows)


def _day_label(day: date) -> str:
    return day_text(day)

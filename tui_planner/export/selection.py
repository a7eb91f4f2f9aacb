"""``PlanExport``: the part of the plan an export holds, and who and when it is for.

Every format reads the same selection: the activities whose day (in the user's zone) falls
on the chosen days, and the calendar events on them, a recurring event whenever its series
runs into them. No dates means the whole plan as loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from tui_planner.store.event_rules import event_start
from tui_planner.store.selectors import activities_in_range, local_day
from tui_planner.words import plural
from tui_planner.zone import event_day

from .formats import ExportFormat

if TYPE_CHECKING:
    from tui_planner.api.models import (
        CalendarEvent,
        MarketingSettings,
        PlanMarketingActivity,
        PlanStatus,
    )
    from tui_planner.config import Config
    from tui_planner.store.state import PlannerState


__all__ = ["PlanExport", "export_site", "plan_export", "zone_name"]


@dataclass(frozen=True, slots=True)
class PlanExport:
    """What one export holds: the plan's activities and events on the chosen days."""

    site: str
    """The site the plan belongs to (its id, or the sandbox's); part of every ICS UID."""
    tz: tzinfo
    """The user's zone: the days chosen are days there, and wall times are shown in it."""
    exported_at: datetime
    """When the export was made (the clock's now, UTC): ICS DTSTAMP, JSON ``exportedAt``."""
    start: date | None
    """The first day exported (``None``: from the plan's first activity)."""
    end: date | None
    """The last day exported (``None``: to the plan's last activity)."""
    plan_status: PlanStatus
    activities: tuple[PlanMarketingActivity, ...]
    """In time order."""
    events: tuple[CalendarEvent, ...]
    """In start order."""
    settings: MarketingSettings | None

    def contents(self, fmt: ExportFormat) -> str:
        """What a file in ``fmt`` holds, in words, for the sentence naming it: "38
        activities and 2 events" (ics, json), "64 posts of 38 activities" (csv, a row per
        post and no events)."""
        activities = plural(len(self.activities), "activity", "activities")
        if fmt is ExportFormat.CSV:
            posts = sum(len(activity.items) for activity in self.activities)
            return f"{plural(posts, 'post', 'posts')} of {activities}"
        return f"{activities} and {plural(len(self.events), 'event', 'events')}"


def plan_export(
    state: PlannerState,
    *,
    site: str,
    tz: tzinfo,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
) -> PlanExport:
    """The part of ``state`` on the days ``start`` to ``end`` (inclusive, in ``tz``)."""
    if start is None and end is None:
        ordered = sorted(state.activities.values(), key=lambda a: (a.date, a.title, a.id))
        activities = tuple(ordered)
    else:
        days = [local_day(a, tz) for a in state.activities.values()]
        first = start if start is not None else min(days, default=date.min)
        last = end if end is not None else max(days, default=date.max)
        activities = activities_in_range(state, first, last, tz)
    events = tuple(
        sorted(
            (e for e in state.events if _event_on_days(e, start, end, tz)),
            key=lambda e: (_sort_start(e), e.name, e.id or ""),
        )
    )
    return PlanExport(
        site=site,
        tz=tz,
        exported_at=now.astimezone(UTC),
        start=start,
        end=end,
        plan_status=state.plan_status,
        activities=activities,
        events=events,
        settings=state.settings,
    )


def zone_name(tz: tzinfo) -> str:
    """The IANA name of ``tz`` ("Europe/Berlin"), or what it calls itself."""
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) else str(tz)


def _sort_start(event: CalendarEvent) -> datetime:
    return event_start(event) or datetime.min.replace(tzinfo=UTC)


def _event_on_days(event: CalendarEvent, start: date | None, end: date | None, tz: tzinfo) -> bool:
    """Whether ``event`` happens on one of the days (a series: whether it runs into them)."""
    began = event_start(event)
    if began is None:
        return start is None and end is None
    first_day = event_day(began, tz)
    if end is not None and first_day > end:
        return False
    rule = event.recurring_rule
    if rule is None:
        return start is None or first_day >= start
    return start is None or rule.end_date is None or event_day(rule.end_date, tz) >= start


def export_site(config: Config | None) -> str:
    """The site a config's plan belongs to, for the exports' UIDs: its site id, or the
    sandbox's (``None``: a config not validated yet, which only the sandbox runs without)."""
    from tui_planner.backend import SANDBOX_SITE_ID

    if config is None or config.uses_sandbox:
        return SANDBOX_SITE_ID
    return config.api.site_id or "wix"

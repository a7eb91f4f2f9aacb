"""``planner-tui plan`` (activities and their posts) and ``planner-tui drafts``.

``plan --json``::

    {"planStatus": "ACTIVE", "timeZone": "Europe/Berlin", "from": "2026-11-23" | null,
     "to": "2026-11-30" | null, "activities": [activity]}

``drafts --json``::

    {"count": 12, "connected": 9,
     "drafts": [post + {"activityTitle": "...", "day": "2026-11-25"}]}

``activity`` and ``post`` are the shapes of :mod:`tui_planner.cli.plan_views`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tui_planner.day_words import day_text
from tui_planner.export.selection import zone_name
from tui_planner.store.selectors import activities_in_range, local_day
from tui_planner.words import plural

from .console import EXIT_OK, print_json, say
from .dates import day_range
from .draft_choice import drafts_chosen
from .plan_session import with_plan
from .plan_views import (
    activity_heading,
    activity_json,
    day_heading,
    post_json,
    post_row,
    wall_time,
)

if TYPE_CHECKING:
    import argparse

    from tui_planner.store.state import PlannerState

    from .context import CommandContext
    from .dates import DayRange
    from .plan_session import PlanSession

__all__ = ["days_note", "run_drafts", "run_plan"]


def days_note(state: PlannerState, days: DayRange) -> str | None:
    """A sentence when the days asked for reach past the plan's period, which is all the
    plan has (today to the end of next month)."""
    first, last = state.plan_start, state.plan_end
    if first is None or last is None:
        return None
    before = days.start is not None and days.start < first
    after = days.end is not None and days.end > last
    if not (before or after):
        return None
    return (
        f"Note: the plan runs from {day_text(first, year=True)} to "
        f"{day_text(last, year=True)}; "
        "days outside it have no activities."
    )


def run_plan(args: argparse.Namespace, context: CommandContext) -> int:
    async def show(plan: PlanSession) -> int:
        state, tz = plan.state, plan.clock.tz
        days = day_range(args, plan.clock.today())
        note = days_note(state, days)
        if note:
            say(note)
        chosen = activities_in_range(state, *_bounds(days), tz)
        if args.json:
            print_json(
                {
                    "planStatus": state.plan_status.value,
                    "timeZone": zone_name(tz),
                    "from": days.start.isoformat() if days.start else None,
                    "to": days.end.isoformat() if days.end else None,
                    "activities": [activity_json(a, state, tz) for a in chosen],
                }
            )
            return EXIT_OK
        if not chosen:
            print(f"The plan ({state.plan_status.value}) has no activities {days.words()}.")
            return EXIT_OK
        heading = None
        for activity in chosen:
            day = day_heading(activity, tz)
            if day != heading:
                if heading is not None:
                    print()
                print(day)
                heading = day
            print(f"  {activity_heading(activity, tz)}")
            for entry in activity.items:
                print(f"         {post_row(entry, state, tz)}")
        posts = sum(len(a.items) for a in chosen)
        print()
        print(
            f"{plural(len(chosen), 'activity', 'activities')}, {plural(posts, 'post')} "
            f"({state.plan_status.value})."
        )
        return EXIT_OK

    return with_plan(context, show)


def _bounds(days: DayRange) -> tuple[date, date]:
    """Both ends of ``days``; an open end takes in whatever the server dated that way."""
    return days.start or date.min, days.end or date.max


def run_drafts(args: argparse.Namespace, context: CommandContext) -> int:
    async def show(plan: PlanSession) -> int:
        state, tz = plan.state, plan.clock.tz
        days = day_range(args, plan.clock.today())
        note = days_note(state, days)
        if note:
            say(note)
        chosen = drafts_chosen(
            state,
            tz,
            days=days,
            activity_ids=args.activity_ids,
            channel=args.channel,
            connected_only=args.connected_only,
        )
        connected = sum(1 for _, entry in chosen if state.is_connected(entry.channel.name))
        if args.json:
            rows: list[dict[str, Any]] = []
            for activity, entry in chosen:
                row = post_json(entry, activity, state)
                row["activityTitle"] = activity.title
                row["day"] = local_day(activity, tz).isoformat()
                rows.append(row)
            print_json({"count": len(chosen), "connected": connected, "drafts": rows})
            return EXIT_OK
        if not chosen:
            print("No drafts match.")
            return EXIT_OK
        # One width for the day and time (Tue 8 Dec, Thu 10 Dec), so the columns line up.
        whens = [wall_time(activity.date, tz) for activity, _ in chosen]
        width = max(map(len, whens))
        for when, (activity, entry) in zip(whens, chosen, strict=True):
            line = f"{when:<{width}}  {post_row(entry, state, tz)}"
            print(f"{line}  {activity.title or 'Untitled activity'}")
        print()
        print(f"{plural(len(chosen), 'draft')}, {connected} on connected channels.")
        return EXIT_OK

    return with_plan(context, show)

"""The planner's own command-palette entries, beside Textual's (theme, keys, quit, ...).

Which entries appear depends on the moment: "Generate the plan" only when there is no
working plan, "Regenerate" and "Delete the plan" only when there is one (each asks first,
naming the scheduled posts and edited activities it would lose), and every activity in the
plan can be opened by typing part of its title. With ``[sites.NAME]`` tables in the config,
"Switch site: NAME" closes this site and opens that one in its place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui_planner.api.models import PlanStatus
from tui_planner.day_words import day_text

if TYPE_CHECKING:
    from tui_planner.store.state import PlannerState

__all__ = ["PaletteEntry", "PlannerCommands", "planner_entries"]

_MODE_TITLES = {
    "calendar": "Calendar",
    "drafts": "Drafts",
    "posts": "Posts",
    "events": "Events",
    "settings": "Settings",
}


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One command: what the palette shows, its help line, what it does."""

    title: str
    help: str
    run: Callable[[], Any]
    discoverable: bool = True
    """Shown before the user types (activities are only found by searching)."""


def planner_entries(app: Any) -> Iterator[PaletteEntry]:
    """The planner's commands that make sense for ``app`` right now (a ``PlannerApp``)."""
    from tui_planner.sync.commands import (
        DeletePlan,
        GeneratePlan,
        RegeneratePlan,
        RegeneratePlanWithResearch,
    )
    from tui_planner.ui.plan_commands import run_plan_command

    state: PlannerState = app.state
    yield PaletteEntry("Go to date", "Jump the calendar to a date", app.action_goto_date)
    yield PaletteEntry("Sync now", "Fetch the latest plan from the API", app.action_sync_now)
    yield PaletteEntry(
        "Export the plan",
        "Write it to a file: .ics for calendar apps, .csv for spreadsheets, .json for scripts",
        app.action_export_plan,
    )
    # An existing plan (even FAILED or INACTIVE) is regenerated; Generate is for no plan.
    if state.plan_status == PlanStatus.NEVER_CREATED:
        yield PaletteEntry(
            "Generate the plan",
            "Create the marketing plan from the current settings",
            partial(run_plan_command, app, GeneratePlan()),
        )
    if state.plan_status in (PlanStatus.ACTIVE, PlanStatus.INACTIVE, PlanStatus.FAILED):
        yield PaletteEntry(
            "Regenerate the plan",
            "Rebuild the upcoming activities from the current settings",
            partial(run_plan_command, app, RegeneratePlan()),
        )
        yield PaletteEntry(
            "Regenerate the plan with keyword research",
            "Research keywords again, then rebuild the upcoming activities",
            partial(run_plan_command, app, RegeneratePlanWithResearch()),
        )
        yield PaletteEntry(
            "Delete the plan",
            "Delete every activity and post of the plan (settings and events stay)",
            partial(run_plan_command, app, DeletePlan()),
        )
    for mode, title in _MODE_TITLES.items():
        yield PaletteEntry(
            f"Switch to {title}",
            f"Open the {title.lower()} screen",
            partial(app.action_switch_mode, mode),
        )
    from tui_planner.ui.site_switching import site_names, switch_site

    here = app.backend_info.site_name
    for name in site_names(app):
        if name != here:
            yield PaletteEntry(
                f"Switch site: {name}",
                f"Close this site and open {name}, with its own plan, calendar and journal",
                partial(switch_site, app, name),
            )
    yield PaletteEntry(
        "Search", "Search the plan: titles, captions, events, settings", app.action_search
    )
    for activity in sorted(state.activities.values(), key=lambda item: item.date):
        when = day_text(activity.date.astimezone(app.clock.tz))
        yield PaletteEntry(
            f"Open activity: {activity.title or 'Untitled'} ({when})",
            activity.description[:80],
            partial(app.action_open_activity, activity.id),
            discoverable=False,
        )


class PlannerCommands(Provider):
    """Command-palette provider for the planner's commands and activities."""

    async def discover(self) -> Hits:
        for entry in planner_entries(self.app):
            if entry.discoverable:
                yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in planner_entries(self.app):
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, entry.title, entry.help)

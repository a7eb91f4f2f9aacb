"""What changes on the server behind a running app shows after the idle refresh (issue 18,
item 4): a deleted event leaves the calendar grid, a disconnected channel reads "not
connected" in Drafts, with no ``ctrl+r``.

The change goes straight to the sandbox (the API clients, or the sandbox's own switches),
never through the app's commands, which would re-read at once. The engine re-reads events,
settings, premium features and connections on every ``refresh_every``-th idle poll; without
that, both tests wait out their clock and fail.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import httpx
from starlette.applications import Starlette

from tests.harness import advance_until
from tui_planner.api.models import CalendarEvent, ChannelName
from tui_planner.backend import Backend
from tui_planner.sandbox.options import DEFAULT_CONNECTED_CHANNELS
from tui_planner.sync.commands import CreateEvent
from tui_planner.sync.policy import PollPolicy
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.icons import EVENT_ICON
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.draft_filters import CONNECTED, NOT_CONNECTED
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex
from tui_planner.ui.widgets.month_grid import MonthGrid

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]
POLICY = PollPolicy()
IDLE_REFRESH_CLOCK = POLICY.idle_delay(1) * POLICY.refresh_every * 3
"""Clock time enough for the idle refresh, with the budget's stretched waits (seconds)."""


def backend(app: PlannerApp) -> Backend:
    opened = app.session.backend
    assert opened is not None, "the app has opened its sandbox"
    return opened


def sandbox(app: PlannerApp) -> Starlette:
    """The sandbox the app talks to in process: its own switches, not the app's commands."""
    transport = backend(app).http._transport
    assert isinstance(transport, httpx.ASGITransport)
    served = transport.app
    assert isinstance(served, Starlette)
    return served


def cell_text(grid: MonthGrid, day: date) -> str:
    """What the month grid paints in ``day``'s cell, line by line."""
    region = grid._cell_region(grid.days.index(day))
    lines = [
        grid.render_line(y).crop(region.x, region.right).text
        for y in range(region.y, region.bottom)
    ]
    return "\n".join(lines)


async def test_an_event_deleted_on_the_server_leaves_the_grid_after_the_idle_refresh(
    make_app: Any, settle: Settle, generate_plan: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        grid = screen.query_one(MonthGrid)
        day = date(2026, 11, 26)
        made = await app.execute(
            CreateEvent(
                CalendarEvent(name="Pottery fair", date=datetime(2026, 11, 26, 10, tzinfo=UTC))
            )
        )
        assert made.ok, made.message
        await settle(pilot, lambda: any(e.name == "Pottery fair" for e in app.state.events))
        index = DayIndex.build(app.state, CalendarFilter(), app.clock.tz)
        assert index.day(day).events == ("Pottery fair",), "no other event marks that day"
        gone = next(e for e in app.state.events if e.name == "Pottery fair")
        assert gone.id is not None
        assert EVENT_ICON in cell_text(grid, day).splitlines()[0]

        await backend(app).plan.delete_event(gone.id)
        await pilot.pause()
        assert EVENT_ICON in cell_text(grid, day).splitlines()[0], "nothing re-read yet"

        await advance_until(
            pilot,
            lambda: all(event.id != gone.id for event in app.state.events),
            what="the events re-read on the idle cadence",
            step=5.0,
            max_seconds=IDLE_REFRESH_CLOCK,
        )
        await pilot.pause()
        assert EVENT_ICON not in cell_text(grid, day).splitlines()[0]


async def test_a_channel_disconnected_on_the_server_reads_not_connected_in_drafts(
    make_app: Any, settle: Settle, generate_plan: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="the drafts")
        screen = app.screen
        assert isinstance(screen, DraftsScreen)

        def facebook_rows() -> list[str]:
            table = screen.table
            rows = [table.get_row_at(n) for n in range(table.row_count)]
            return [str(row[4]) for row in rows if str(row[3]) == "Facebook"]

        assert facebook_rows(), "the plan has Facebook drafts"
        assert set(facebook_rows()) == {CONNECTED}

        remaining = tuple(c for c in DEFAULT_CONNECTED_CHANNELS if c != ChannelName.FACEBOOK)
        sandbox(app).state.switch(connected_channels=remaining)
        await pilot.pause()
        assert set(facebook_rows()) == {CONNECTED}, "nothing re-read yet"

        await advance_until(
            pilot,
            lambda: set(facebook_rows()) == {NOT_CONNECTED},
            what="the connections re-read on the idle cadence",
            step=5.0,
            max_seconds=IDLE_REFRESH_CLOCK,
        )

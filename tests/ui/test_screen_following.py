"""Screens follow the plan while shown: a hidden section does no work and catches up once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from textual.screen import Screen

from tests.harness import FIXED_NOW, SIZE, RecordingEngine
from tui_planner.api.models import PlanStatus
from tui_planner.store.state import ConnectionPhase, PlannerState, SyncStatus
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.widgets.status_bar import StatusBar

Settle = Callable[..., Awaitable[None]]
MakeStaticApp = Callable[..., PlannerApp]

ACTIVE = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    sync=SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW),
)


def _count_redraws(screen: PlannerScreen[None]) -> list[PlannerState]:
    """Record every snapshot ``screen`` is asked to draw from now on."""
    drawn: list[PlannerState] = []
    draw = screen.state_changed

    def counting(state: PlannerState) -> None:
        drawn.append(state)
        draw(state)

    screen.state_changed = counting  # type: ignore[method-assign]
    return drawn


def _bump(engine: RecordingEngine) -> None:
    engine.store.apply(lambda s: replace(s, revision=s.revision + 1))


async def test_a_hidden_section_does_no_work_and_catches_up_once_on_return(
    make_static_app: MakeStaticApp, settle: Settle
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot, lambda: isinstance(app.screen, DraftsScreen), what="the drafts")
        drafts = app.screen
        assert isinstance(drafts, DraftsScreen)
        drawn = _count_redraws(drafts)
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)

        await pilot.press("f2")
        await settle(pilot, lambda: app.current_mode == "calendar", what="the calendar")
        for _ in range(5):
            _bump(engine)
            await pilot.pause()
        assert app.state is engine.store.state, "the app has the newest snapshot"
        assert drawn == [], "the hidden drafts screen drew nothing"

        await pilot.press("f3")
        await settle(pilot, lambda: app.screen is drafts, what="the drafts again")
        assert drawn == [engine.store.state], "one catch-up with the newest snapshot"
        assert drafts.query_one(StatusBar).state is engine.store.state

        _bump(engine)
        await settle(pilot, lambda: len(drawn) == 2, what="the next change, drawn while shown")


async def test_a_screen_under_a_dialog_keeps_following(
    make_static_app: MakeStaticApp, settle: Settle
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        calendar = app.screen
        assert isinstance(calendar, PlannerScreen)
        drawn = _count_redraws(calendar)
        app.push_screen(Screen[None]())  # a full screen on top hides the calendar
        await pilot.pause()
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        _bump(engine)
        await pilot.pause()
        assert drawn == []
        app.pop_screen()
        await settle(pilot, lambda: app.screen is calendar, what="the calendar again")
        assert drawn == [engine.store.state]

        from tui_planner.ui.screens.goto_date import GotoDateDialog

        app.push_screen(GotoDateDialog(FIXED_NOW.date(), FIXED_NOW.date()))
        await settle(pilot, lambda: isinstance(app.screen, GotoDateDialog), what="the dialog")
        _bump(engine)
        await settle(pilot, lambda: len(drawn) == 2, what="the change, drawn under the dialog")
        assert calendar.query_one(StatusBar).state is engine.store.state

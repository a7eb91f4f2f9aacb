"""Start-up: the saved calendar paints first, the backend opens after, and a broken one says so."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from types import MappingProxyType

from textual.widgets import Label

from tests.harness import FIXED_NOW, SIZE, RecordingEngine, opener, sandbox_config
from tests.ui.calendar.calendar_host import activity, sample_state
from tui_planner.backend import Backend, BackendInfo, Connection, open_backend
from tui_planner.clock import ManualClock
from tui_planner.config import Config, UiSettings
from tui_planner.session import Session
from tui_planner.store.state import ConnectionPhase
from tui_planner.sync.commands import GeneratePlan
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.saved_calendar import load_saved_calendar, save_calendar
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.month_grid import MonthGrid
from tui_planner.ui.widgets.status_bar import StatusBar

Settle = Callable[..., Awaitable[None]]

INFO = BackendInfo(label="SANDBOX test", is_sandbox=True, key="test")


def _grid_text(app: PlannerApp) -> str:
    grid = app.screen.query_one(MonthGrid)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def _agenda_text(app: PlannerApp) -> str:
    agenda = app.screen.query_one(Agenda)
    return "\n".join(agenda.render_line(y).text for y in range(agenda.content_size.height))


def _status(app: PlannerApp, part: str) -> str:
    return str(app.screen.query_one(StatusBar).query_one(f"#status-{part}", Label).render())


def _late_app(
    clock: ManualClock, opener: Callable[[], Backend], calendar_file: Path | None
) -> PlannerApp:
    config = sandbox_config()
    session = Session(lambda: Connection(config, opener()), info=INFO, clock=clock)
    return PlannerApp(session, ui=UiSettings(), calendar_file=calendar_file, offer_first_run=False)


def _sandbox(clock: ManualClock) -> Backend:
    return open_backend(sandbox_config(), clock)


async def test_the_saved_calendar_shows_until_the_live_plan_replaces_it(
    tmp_path: Path, clock: ManualClock, settle: Settle
) -> None:
    calendar_file = tmp_path / "calendar.json"
    save_calendar(calendar_file, sample_state(), UTC, FIXED_NOW)
    release = threading.Event()

    def open_when_released() -> Backend:
        release.wait(timeout=30)
        return _sandbox(clock)

    app = _late_app(clock, open_when_released, calendar_file)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.session.backend is None, "still opening the backend"
            assert app.session.engine is None
            assert "Winter" in _grid_text(app), "the saved title, cut to the cell"
            assert "Winter collection teaser" in _agenda_text(app), "today's saved titles"
            assert "Saved copy; loading…" in _agenda_text(app)
            assert _status(app, "plan") == "Saved calendar from just now · loading the plan…"

            await pilot.press("enter")
            await pilot.pause()
            notices = [n.message for n in app._notifications]
            assert "The plan is still loading; this key works once it has." in notices

            release.set()
            await settle(pilot, what="the live plan")
            assert app.session.backend is not None
            assert app.session.engine is not None
            assert "Winter" not in _grid_text(app), "the sandbox has no plan"
            assert _status(app, "plan").startswith("No plan yet")
            await settle(
                pilot,
                lambda: (
                    (saved := load_saved_calendar(calendar_file, UTC)) is not None
                    and not any(day.entries for day in saved.days.values())
                ),
                what="the live calendar (no activities) saved over the old one",
            )
    finally:
        release.set()


async def test_before_the_config_is_validated_the_first_frame_follows_its_ui_settings(
    clock: ManualClock, settle: Settle
) -> None:
    validated = sandbox_config(
        Config.model_validate({"ui": {"week_start": "sunday", "theme": "nord"}})
    )
    release = threading.Event()

    def open_when_released() -> Connection:
        release.wait(timeout=30)
        return Connection(validated, _sandbox(clock))

    session = Session(open_when_released, info=INFO, clock=clock)
    app = PlannerApp(
        session, ui=UiSettings(theme="nord", week_start="sunday"), offer_first_run=False
    )
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.session.config is None, "not validated yet"
            assert app.theme == "nord"
            assert _grid_text(app).split()[0] == "Sun"

            release.set()
            await settle(pilot, what="the live plan")
            assert app.session.config is validated
    finally:
        release.set()


async def test_without_a_saved_calendar_the_plan_loads_after_the_first_frame(
    clock: ManualClock, settle: Settle
) -> None:
    app = _late_app(clock, lambda: _sandbox(clock), None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the first load")

        assert app.saved_calendar is None
        assert _status(app, "plan").startswith("No plan yet")
        outcome = await app.execute(GeneratePlan())
        assert outcome.ok, outcome.message


async def test_a_backend_that_cannot_open_is_a_sentence_and_commands_say_so(
    clock: ManualClock, settle: Settle
) -> None:
    def broken() -> Backend:
        raise RuntimeError("The sandbox data file /x.sqlite3 cannot be opened: not a database.")

    app = _late_app(clock, broken, None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(
            pilot,
            lambda: app.state.sync.phase == ConnectionPhase.UNAVAILABLE,
            what="the backend reported unavailable",
        )
        expected = (
            "Could not open the sandbox: The sandbox data file /x.sqlite3 cannot be opened: "
            "not a database. `planner-tui sandbox reset` starts the sandbox afresh."
        )
        assert _status(app, "connection") == expected
        assert _status(app, "plan") == "Not connected"
        assert expected in [n.message for n in app._notifications]

        outcome = await app.execute(GeneratePlan())
        assert not outcome.ok
        assert outcome.message == f"Generate the plan: {expected}"
        assert app.is_running, "the app stays up; the user can still read and quit"


async def test_the_first_load_is_saved_at_once_and_the_last_change_at_exit(
    tmp_path: Path, clock: ManualClock, settle: Settle
) -> None:
    calendar_file = tmp_path / "calendar.json"
    state = sample_state()
    engine = RecordingEngine(state)
    session = Session(
        opener(sandbox_config(), clock),
        info=INFO,
        clock=clock,
        store=engine.store,
        make_engine=lambda _session, _connection: engine,
    )
    app = PlannerApp(session, ui=UiSettings(), calendar_file=calendar_file, offer_first_run=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, calendar_file.exists, what="the first save")
        assert app.saved_calendar is None, "a loaded store has nothing to show from the file"

        added = activity(9, FIXED_NOW.date(), "Last-minute flash sale")
        engine.store.apply(
            lambda s: replace(
                s,
                activities=MappingProxyType({**s.activities, added.id: added}),
                revision=s.revision + 1,
            )
        )
        await pilot.pause()
        saved = load_saved_calendar(calendar_file, UTC)
        assert saved is not None
        titles = [e.title for e in saved.days[FIXED_NOW.date()].entries]
        assert "Last-minute flash sale" not in titles, "later changes wait for the interval"

    saved = load_saved_calendar(calendar_file, UTC)
    assert saved is not None
    titles = [e.title for e in saved.days[FIXED_NOW.date()].entries]
    assert "Last-minute flash sale" in titles, "the exit saves what changed"

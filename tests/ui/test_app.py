"""The app shell: generation seen live, first run, keys, theme, workers, suspend, shutdown."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from textual.notifications import Notification
from textual.widgets import Label

from scripts.screenshots import SHOTS, capture
from tests.harness import FIXED_NOW, SIZE, RecordingEngine, build_static_app
from tui_planner.api.models import PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.config import Config, UiConfig
from tui_planner.store.state import ConnectionPhase, PlannerState, SyncStatus
from tui_planner.sync.commands import (
    Command,
    CommandOutcome,
    DeleteEvent,
    RegeneratePlan,
)
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.first_run import FirstRunScreen
from tui_planner.ui.widgets.status_bar import StatusBar

MakeApp = Callable[..., PlannerApp]
Settle = Callable[..., Awaitable[None]]
Advance = Callable[..., Awaitable[None]]

ONLINE = SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW)
ACTIVE = PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=ONLINE)


def _status(app: PlannerApp) -> str:
    return str(app.screen.query_one(StatusBar).query_one("#status-plan", Label).render())


def _notifications(app: PlannerApp) -> list[Notification]:
    return list(app._notifications)


def _recording(app: PlannerApp) -> RecordingEngine:
    assert isinstance(app.session.engine, RecordingEngine)
    return app.session.engine


def _app_with_engine(clock: ManualClock, engine: RecordingEngine) -> PlannerApp:
    return build_static_app(clock, engine, first_run=True)


async def test_generate_key_shows_generating_then_active_as_the_clock_advances(
    make_app: MakeApp, settle: Settle, advance: Advance
) -> None:
    app = make_app(generation_seconds=6)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the first load")
        assert _status(app) == "No plan yet · press ^g to generate one"

        await pilot.press("ctrl+g")
        await settle(
            pilot, lambda: app.state.plan_status == PlanStatus.GENERATING, what="GENERATING"
        )
        assert _status(app).endswith("GENERATING · 0:00")

        await advance(pilot, 3)
        assert _status(app).endswith("GENERATING · 0:03")

        await advance(pilot, 5)
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.ACTIVE, what="ACTIVE")
        assert _status(app).startswith("ACTIVE · synced")
        assert app.state.activities, "the generated plan has activities"
        assert app.session.backend is not None
        plan = await app.session.backend.plan.get_social_marketing_plan()
        assert plan.status == PlanStatus.ACTIVE


async def test_first_run_offers_to_generate_a_plan_that_was_never_created(
    make_app: MakeApp, settle: Settle
) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FirstRunScreen), what="the dialog")
        await pilot.press("enter")
        await settle(
            pilot, lambda: app.state.plan_status == PlanStatus.GENERATING, what="GENERATING"
        )


async def test_first_run_can_open_the_settings_first(make_app: MakeApp, settle: Settle) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FirstRunScreen), what="the dialog")
        await pilot.click("#settings")
        await settle(pilot, lambda: app.current_mode == "settings", what="the settings")
        assert app.state.plan_status == PlanStatus.NEVER_CREATED


async def test_an_inactive_plan_is_offered_reactivation(clock: ManualClock, settle: Settle) -> None:
    engine = RecordingEngine(replace(ACTIVE, plan_status=PlanStatus.INACTIVE))
    app = _app_with_engine(clock, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FirstRunScreen), what="the dialog")
        assert str(app.screen.query_one("#generate").render()).strip() == "Reactivate"
        await pilot.press("enter")
        await settle(pilot, lambda: bool(engine.commands), what="the command")
        assert engine.commands == [RegeneratePlan()], "the inactive plan exists: regenerate it"


async def test_keymap_from_config_rebinds_an_app_key(
    make_static_app: MakeApp, settle: Settle
) -> None:
    config = Config(ui=UiConfig(keymap={"app.drafts": "f9", "app.sync": "ctrl+y"}))
    app = make_static_app(ACTIVE, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "ctrl+r")
        await pilot.pause()
        assert app.current_mode == "calendar"
        assert _recording(app).sync_requests == 0
        await pilot.press("f9", "ctrl+y")
        await settle(pilot, lambda: app.current_mode == "drafts", what="the drafts mode")
        assert _recording(app).sync_requests == 1


async def test_theme_comes_from_config_and_an_unknown_one_is_named(
    make_static_app: MakeApp,
) -> None:
    app = make_static_app(ACTIVE, config=Config(ui=UiConfig(theme="nord")))
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"
    app = make_static_app(ACTIVE, config=Config(ui=UiConfig(theme="no-such-theme")))
    async with app.run_test(size=SIZE):
        assert app.theme == "textual-dark"
        (notice,) = _notifications(app)
        assert "no-such-theme" in notice.message
        assert notice.severity == "warning"


async def test_a_failed_command_is_reported_as_an_error(
    make_static_app: MakeApp, settle: Settle
) -> None:
    def refuse(command: Command) -> CommandOutcome:
        return CommandOutcome(command, ok=False, message="Could not delete the event: gone.")

    app = make_static_app(ACTIVE, answer=refuse)
    async with app.run_test(size=SIZE) as pilot:
        app.submit(DeleteEvent("e1"))
        await settle(pilot, lambda: bool(_notifications(app)), what="a notification")
        (notice,) = _notifications(app)
        assert notice.message == "Could not delete the event: gone."
        assert notice.severity == "error"


class CrashingOnceEngine(RecordingEngine):
    """An engine whose first run fails, as a bug in the sync loop would."""

    runs = 0

    async def run(self) -> None:
        self.runs += 1
        if self.runs == 1:
            raise RuntimeError("the sync loop tripped")
        await super().run()


async def test_a_crashed_sync_worker_is_reported_and_restarted(
    clock: ManualClock, settle: Settle, advance: Advance
) -> None:
    engine = CrashingOnceEngine(ACTIVE)
    app = _app_with_engine(clock, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: bool(_notifications(app)), what="the crash notice")
        (notice,) = _notifications(app)
        assert notice.severity == "error"
        assert "the sync loop tripped" in notice.message
        assert engine.runs == 1
        await advance(pilot, 1)
        await settle(pilot, lambda: engine.runs == 2, what="the restart")


async def test_suspending_the_app_pauses_polling(make_static_app: MakeApp, settle: Settle) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.app_suspend_signal.publish(app)
        await pilot.pause()
        assert _recording(app).paused
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert not _recording(app).paused


async def test_ctrl_r_syncs_now_and_quitting_closes_the_backend(
    make_static_app: MakeApp, settle: Settle
) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert _recording(app).sync_requests == 1
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.session.backend is not None
    assert app.session.backend.closed


async def test_header_names_the_sandbox(make_static_app: MakeApp) -> None:
    app = make_static_app(ACTIVE)
    async with app.run_test(size=SIZE):
        badge = app.screen.query_one("#header-backend", Label)
        assert str(badge.render()) == "SANDBOX · in memory"
        assert badge.has_class("-sandbox")


async def test_a_screenshot_is_the_same_on_every_run() -> None:
    shot = next(shot for shot in SHOTS if shot.name == "generating")
    first = await capture(shot)
    assert first == await capture(shot)
    assert "GENERATING" in first

"""The states of the plan the user must be told about: a failed generation stays on screen
until dismissed, and the generate key answers in every state (issue 18, items 1 and 2)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from textual.notifications import Notification

from tests.harness import FIXED_NOW, SIZE, RecordingEngine, build_static_app
from tests.ui.calendar.calendar_host import sample_state
from tui_planner.api.models import PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.store.state import ConnectionPhase, PlannerState, SyncStatus
from tui_planner.sync.commands import Command, CommandOutcome, GeneratePlan, RegeneratePlan
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.screens.first_run import FirstRunScreen

MakeApp = Callable[..., PlannerApp]
Settle = Callable[..., Awaitable[None]]
Advance = Callable[..., Awaitable[None]]

ONLINE = SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW)


def _notices(app: PlannerApp) -> list[Notification]:
    return list(app._notifications)


def _recording(app: PlannerApp) -> RecordingEngine:
    assert isinstance(app.session.engine, RecordingEngine)
    return app.session.engine


async def test_a_failed_generation_stays_on_screen_until_the_plan_moves_on(
    make_app: MakeApp, settle: Settle, advance: Advance
) -> None:
    app = make_app(generation_seconds=4, site_published=False, seed=8)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the first load")
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.GENERATING)
        await advance(pilot, 6)
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.FAILED, what="FAILED")
        await settle(pilot, lambda: any(n.title == "Plan failed" for n in _notices(app)))
        (notice,) = [n for n in _notices(app) if n.title == "Plan failed"]
        assert notice.message == (
            "Generating the plan failed; the API gave no reason. A site that is not "
            "published cannot get a plan. Press ^g to try again."
        )
        assert notice.severity == "error"
        assert notice.timeout >= 24 * 3600, "it stays until dismissed, not a few seconds"

        await advance(pilot, 120)
        assert notice in _notices(app), "still there two minutes later"

        await pilot.press("ctrl+g")
        await settle(
            pilot,
            lambda: (
                isinstance(app.screen, ConfirmDialog)
                or (app.state.plan_status == PlanStatus.GENERATING)
            ),
        )
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.GENERATING)
        await settle(pilot, lambda: notice not in _notices(app), what="the notice gone")


async def test_a_refused_generation_says_the_apis_reason_and_stays(
    clock: ManualClock, settle: Settle
) -> None:
    def refuse(command: Command) -> CommandOutcome:
        return CommandOutcome(command, False, "The site is not published (FAILED_PRECONDITION)")

    never = PlannerState(loaded=True, plan_status=PlanStatus.NEVER_CREATED, sync=ONLINE)
    app = build_static_app(clock, RecordingEngine(never, refuse))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: any(n.title == "Plan failed" for n in _notices(app)))
        (notice,) = [n for n in _notices(app) if n.title == "Plan failed"]
        assert notice.message == (
            "The site is not published (FAILED_PRECONDITION). Press ^g to try again."
        )
        assert notice.timeout >= 24 * 3600


async def test_ctrl_g_works_while_the_first_run_dialog_is_open(
    clock: ManualClock, settle: Settle
) -> None:
    never = PlannerState(loaded=True, plan_status=PlanStatus.NEVER_CREATED, sync=ONLINE)
    app = build_static_app(clock, RecordingEngine(never), first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, FirstRunScreen), what="the dialog")
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: _recording(app).commands == [GeneratePlan()])
        await settle(pilot, lambda: not isinstance(app.screen, FirstRunScreen))


async def test_ctrl_g_while_generating_says_so(clock: ManualClock, settle: Settle) -> None:
    generating = PlannerState(
        loaded=True, plan_status=PlanStatus.GENERATING, generation_started_at=FIXED_NOW, sync=ONLINE
    )
    app = build_static_app(clock, RecordingEngine(generating))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: bool(_notices(app)), what="a notice")
        assert [n.message for n in _notices(app)] == [
            "The plan is already generating; it shows here as soon as it is ready."
        ]
        assert _recording(app).commands == []


async def test_ctrl_g_on_an_active_plan_offers_to_regenerate_with_the_losses(
    clock: ManualClock, settle: Settle
) -> None:
    app = build_static_app(clock, RecordingEngine(replace(sample_state(), sync=ONLINE)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        text = str(app.screen.query_one("#confirm-body").render())
        assert text.startswith("Rebuilds the plan from the current settings and events.")
        assert "Lost with them: 5 scheduled posts" in text
        await pilot.press("y")
        await settle(pilot, lambda: _recording(app).commands == [RegeneratePlan()])

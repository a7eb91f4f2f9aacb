"""The app's schedule confirmation and ``planner-tui schedule --dry-run`` list the same
drafts, with the same reasons, for the same plan."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests import harness
from tests.cli.conftest import BERLIN, LATER, Run
from tui_planner.clock import ManualClock
from tui_planner.config import Config
from tui_planner.sandbox import SandboxOptions
from tui_planner.store.scheduling import SchedulePlan
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.screens.schedule_confirm import ScheduleConfirmScreen

BERLIN_UI = Config.model_validate({"ui": {"timezone": "Europe/Berlin"}})


async def confirmation_in_the_app(data_file: Path, *keys: str) -> SchedulePlan:
    """Open the drafts screen over ``data_file``, press ``keys``, then ``s``: the plan the
    confirmation shows."""
    clock = ManualClock(LATER, tz=BERLIN)
    app = harness.build_app(clock, sandbox=SandboxOptions(), config=BERLIN_UI, data_file=data_file)
    async with app.run_test(size=harness.SIZE) as pilot:
        await harness.settle(pilot)
        await pilot.press("f3")
        await harness.settle(pilot, lambda: isinstance(app.screen, DraftsScreen))
        await pilot.press(*keys, "s")
        await harness.settle(
            pilot, lambda: isinstance(app.screen, ScheduleConfirmScreen), what="the confirmation"
        )
        screen = app.screen
        assert isinstance(screen, ScheduleConfirmScreen)
        return screen.plan


def as_lists(plan: SchedulePlan) -> tuple[list[str], list[tuple[str, str]]]:
    return list(plan.will_schedule), [(key, reason.name) for key, reason in plan.stays_draft]


async def from_cli(run: Run, *flags: str) -> tuple[list[str], list[tuple[str, str]]]:
    """What ``schedule --dry-run`` says, run as its own program would (off this loop)."""
    result = await asyncio.to_thread(run, "schedule", *flags, "--dry-run", "--json")
    document = result.json()
    return (
        [d["id"] for d in document["willSchedule"]],
        [(d["id"], d["reason"]) for d in document["staysDraft"]],
    )


async def test_all_connected_is_the_apps_connected_filter_with_everything_selected(
    run: Run, planned: Path
) -> None:
    in_app = await confirmation_in_the_app(planned, "c", "a")

    will, stays = await from_cli(run, "--all-connected")

    assert (will, stays) == as_lists(in_app)
    assert will, "the plan has drafts to schedule"


async def test_every_activity_is_every_draft_selected_in_the_app(run: Run, planned: Path) -> None:
    in_app = await confirmation_in_the_app(planned, "a")
    listed = await asyncio.to_thread(run, "plan", "--json")
    activities = [a["id"] for a in listed.json()["activities"]]

    will, stays = await from_cli(run, "--activity", *activities)

    assert (will, stays) == as_lists(in_app)
    assert stays, "drafts for unconnected channels stay drafts, with their reasons"

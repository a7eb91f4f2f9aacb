"""Exporting from the app: ``x`` on the calendar or the palette, one question (the file),
the file written and named; and an unexpected failure's notice naming the debug log."""

from __future__ import annotations

import csv
import json
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.export.plan_fixture import plan_state
from tests.harness import SIZE, RecordingEngine, build_static_app
from tui_planner.clock import ManualClock
from tui_planner.debug_log import start_log
from tui_planner.store.state import ConnectionPhase, SyncStatus
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.path_prompt import PathPrompt
from tui_planner.ui.palette import planner_entries

Settle = Callable[..., Awaitable[None]]

STATE = replace(plan_state(), sync=SyncStatus(phase=ConnectionPhase.ONLINE))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Downloads folder, where exports go by default."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Downloads").mkdir()
    return tmp_path


def app_over_the_plan(clock: ManualClock) -> PlannerApp:
    return build_static_app(clock, RecordingEngine(STATE))


def written_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_text(encoding="utf-8"))


def written_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def file_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def notices(app: PlannerApp) -> list[str]:
    return [n.message for n in app._notifications]


async def type_path(pilot: Pilot[None], app: PlannerApp, path: Path) -> PathPrompt:
    prompt = app.screen
    assert isinstance(prompt, PathPrompt)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    return prompt


async def test_x_asks_for_a_file_in_downloads_and_writes_the_ics_there(
    clock: ManualClock, settle: Settle, home: Path
) -> None:
    app = app_over_the_plan(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the prompt")
        default = Path(app.screen.query_one(Input).value)
        assert default == home / "Downloads" / "marketing-plan-2026-11-23.ics"

        await pilot.press("enter")
        await settle(pilot, lambda: bool(notices(app)), what="the notice")

        assert notices(app) == [f"Exported 3 activities and 6 events to {default}."]
    assert len(written_calendar(default).walk("VEVENT")) == 9
    assert file_mode(default) == 0o600


async def test_the_extension_picks_the_format_and_an_unknown_one_is_refused(
    clock: ManualClock, settle: Settle, home: Path
) -> None:
    app = app_over_the_plan(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the prompt")

        prompt = await type_path(pilot, app, home / "plan.xlsx")
        assert app.screen is prompt, "the prompt stays open"
        assert str(prompt.query_one("#path-error", Static).render()) == (
            "End the file name in .ics, .csv or .json: that is the format it is written in."
        )

        await type_path(pilot, app, home / "plan.csv")
        await settle(pilot, lambda: bool(notices(app)), what="the notice")
        assert notices(app) == [f"Exported 3 posts of 3 activities to {home / 'plan.csv'}."]
    rows = written_rows(home / "plan.csv")
    assert rows[0][0] == "Activity"
    assert len(rows) == 4, "a row per post"


async def test_the_palette_writes_the_export_and_the_notice_names_the_file(
    clock: ManualClock, settle: Settle, home: Path
) -> None:
    app = app_over_the_plan(clock)
    target = home / "exports" / "plan.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entry = next(e for e in planner_entries(app) if e.title == "Export the plan")
        entry.run()
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the prompt")
        await type_path(pilot, app, target)
        await settle(pilot, lambda: bool(notices(app)), what="the notice")

        assert notices(app) == [f"Exported 3 activities and 6 events to {target}."]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["marketingActivities"]) == 3
    assert len(document["calendarEvents"]) == 6


async def test_a_file_that_cannot_be_written_is_a_sentence(
    clock: ManualClock, settle: Settle, home: Path
) -> None:
    blocker = home / "a-file"
    blocker.write_text("")  # a file where a folder should be
    app = app_over_the_plan(clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot, lambda: isinstance(app.screen, PathPrompt), what="the prompt")
        await type_path(pilot, app, blocker / "plan.ics")
        await settle(pilot, lambda: bool(notices(app)), what="the notice")

        (notice,) = app._notifications
        assert notice.severity == "error"
        assert notice.message.startswith(f"Could not write {blocker / 'plan.ics'}: ")


class CrashingEngine(RecordingEngine):
    """An engine whose sync loop fails, as a bug in it would."""

    async def run(self) -> None:
        raise RuntimeError("the sync loop tripped")


async def test_an_unexpected_failure_names_the_log_which_has_the_traceback(
    clock: ManualClock, settle: Settle, tmp_path: Path
) -> None:
    log = start_log("warning", tmp_path / "planner-tui.log")
    assert log is not None
    app = build_static_app(clock, CrashingEngine(STATE))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: bool(notices(app)), what="the crash notice")

        (message,) = notices(app)
        assert message == (
            "Syncing stopped unexpectedly (the sync loop tripped). Trying again in 1 s. "
            f"The log has the details: {log}"
        )
    logged = log.read_text()
    assert "ERROR   tui_planner.ui.app: worker 'connect' (sync) failed" in logged
    assert "RuntimeError: the sync loop tripped" in logged
    assert "Traceback (most recent call last)" in logged

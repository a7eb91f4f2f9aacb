"""A session closed with a command in flight: the next start says how it ended."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.harness import SEED, SIZE, build_app, generate_plan
from tui_planner.api.models import PLAN_CHANNELS, ChannelName, ItemStatus
from tui_planner.clock import ManualClock
from tui_planner.journal import Journal, journal_file
from tui_planner.sandbox import SandboxOptions
from tui_planner.store.selectors import item
from tui_planner.sync.commands import ScheduleDrafts
from tui_planner.ui.app import PlannerApp

Settle = Callable[..., Awaitable[None]]

SIX = tuple(channel for channel in PLAN_CHANNELS if channel != ChannelName.TWITTER)


def start(clock: ManualClock, data_file: Path, journal: Path) -> PlannerApp:
    """The app over the sandbox in ``data_file``, journalling to ``journal``."""
    options = SandboxOptions(seed=SEED, connected_channels=SIX)
    return build_app(clock, sandbox=options, data_file=data_file, journal=Journal(journal, clock))


async def test_the_next_start_reports_a_schedule_the_last_session_never_finished(
    tmp_path: Path, clock: ManualClock, settle: Settle
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    journal = journal_file("test-sandbox", state_dir=tmp_path)

    first = start(clock, data_file, journal)
    async with first.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        drafts = tuple(
            entry.id
            for activity in sorted(first.state.activities.values(), key=lambda a: a.date)
            for entry in activity.items
            if entry.status == ItemStatus.DRAFT and entry.channel.name in SIX
        )[:34]
        assert len(drafts) == 34
        # The session is closed after the first batch went through, before the second.
        first.session.journal.begin(ScheduleDrafts(drafts))
        outcome = await first.execute(ScheduleDrafts(drafts[:20]))
        assert outcome.scheduled_ids == drafts[:20]
    assert len(json.loads(journal.read_text(encoding="utf-8"))["inFlight"]) == 1

    second = start(clock, data_file, journal)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        notices = [(n.title, n.message) for n in second._notifications]
        assert (
            "Interrupted last time",
            "The last session was closed while scheduling 34 drafts: "
            "20 are scheduled, 14 are still drafts.",
        ) in notices
        found = [item(second.state, draft) for draft in drafts]
        assert [f[1].status for f in found if f] == (
            [ItemStatus.SCHEDULED] * 20 + [ItemStatus.DRAFT] * 14
        )
    assert json.loads(journal.read_text(encoding="utf-8"))["inFlight"] == []
    assert Journal(journal, clock).leftover == ()


async def test_a_session_that_ends_cleanly_leaves_nothing_to_report(
    tmp_path: Path, clock: ManualClock, settle: Settle
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    journal = journal_file("test-sandbox", state_dir=tmp_path)
    first = start(clock, data_file, journal)
    async with first.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
    second = start(clock, data_file, journal)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert all(n.title != "Interrupted last time" for n in second._notifications)

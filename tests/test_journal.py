"""The journal of commands in flight: written before a command goes out, crossed out when
it has an answer, left behind by a session that ended in between, and reported on next time."""

from __future__ import annotations

import asyncio
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui_planner.api.models import ChannelName, ItemStatus, PlanMarketingActivity, PostItem
from tui_planner.clock import ManualClock
from tui_planner.journal import Journal, journal_file
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.sync.commands import (
    Command,
    CommandOutcome,
    DeleteActivity,
    ScheduleDrafts,
    UpdateActivity,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return journal_file("sandbox-abc", state_dir=tmp_path)


def _post(item_id: str, status: ItemStatus) -> PostItem:
    return PostItem.model_validate(
        {"id": item_id, "channel": {"name": ChannelName.FACEBOOK.value}, "status": status.value}
    )


def _state(*activities: PlanMarketingActivity) -> PlannerState:
    return PlannerState(loaded=True, activities=frozen_mapping({a.id: a for a in activities}))


def _activity(activity_id: str, title: str, *items: PostItem) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id=activity_id, date=NOW, title=title, items=items
    )


def _done(command: Command, ok: bool = True) -> CommandOutcome:
    return CommandOutcome(command, ok=ok, message="done" if ok else "refused")


def test_a_command_is_written_down_before_it_goes_out_and_crossed_out_after(
    path: Path, clock: ManualClock
) -> None:
    journal = Journal(path, clock)
    command = ScheduleDrafts(("d1", "d2"))

    entry = journal.begin(command)

    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["inFlight"] == [
        {
            "key": entry.key,
            "kind": "ScheduleDrafts",
            "description": "Schedule 2 drafts",
            "ids": ["d1", "d2"],
            "startedAt": "2026-11-23T09:00:00+00:00",
            "detail": {},
        }
    ]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert journal.in_flight == (entry,)

    journal.end(entry, _done(command))

    assert json.loads(path.read_text(encoding="utf-8"))["inFlight"] == []
    assert not journal.in_flight


async def test_a_session_that_ends_mid_command_leaves_it_for_the_next_start(
    path: Path, clock: ManualClock
) -> None:
    journal = Journal(path, clock)
    never_answered = asyncio.Event()

    async def hangs(command: Command) -> CommandOutcome:
        await never_answered.wait()
        return _done(command)

    running = asyncio.ensure_future(journal.record(ScheduleDrafts(("d1",)), hangs))
    await asyncio.sleep(0)
    running.cancel()  # the app closing
    with pytest.raises(asyncio.CancelledError):
        await running

    next_start = Journal(path, clock)
    assert [entry.kind for entry in next_start.leftover] == ["ScheduleDrafts"]
    assert next_start.leftover[0].ids == ("d1",)


def test_the_next_start_reports_a_schedule_from_the_plan_it_read_then_forgets_it(
    path: Path, clock: ManualClock
) -> None:
    drafts = tuple(f"d{n}" for n in range(34))
    Journal(path, clock).begin(ScheduleDrafts(drafts))
    state = _state(
        _activity("a1", "Launch", *(_post(d, ItemStatus.SCHEDULED) for d in drafts[:20])),
        _activity("a2", "Follow-up", *(_post(d, ItemStatus.DRAFT) for d in drafts[20:])),
    )

    next_start = Journal(path, clock)
    assert next_start.report(state) == (
        "The last session was closed while scheduling 34 drafts: "
        "20 are scheduled, 14 are still drafts."
    )
    next_start.forget_leftover()

    assert Journal(path, clock).leftover == ()
    assert Journal(path, clock).report(state) is None


def test_the_report_names_drafts_that_went_out_or_left_the_plan(
    path: Path, clock: ManualClock
) -> None:
    Journal(path, clock).begin(ScheduleDrafts(("d1", "d2", "d3")))
    state = _state(
        _activity("a1", "Launch", _post("d1", ItemStatus.PUBLISHED), _post("d2", ItemStatus.DRAFT))
    )

    assert Journal(path, clock).report(state) == (
        "The last session was closed while scheduling 3 drafts: "
        "1 is scheduled, 1 is still a draft, 1 is no longer in the plan."
    )


def test_an_interrupted_edit_says_whether_the_server_has_it(path: Path, clock: ManualClock) -> None:
    Journal(path, clock).begin(UpdateActivity("a1", title="Sharper"))
    saved = _state(_activity("a1", "Sharper"))
    lost = _state(_activity("a1", "Old title"))

    assert Journal(path, clock).report(saved) == (
        "The last session was closed while saving “Sharper”: the change was saved."
    )
    assert Journal(path, clock).report(lost) == (
        "The last session was closed while saving “Sharper”: the change did not reach the "
        "server; “Old title” is as it was, so edit it again."
    )


def test_other_commands_get_a_sentence_too(path: Path, clock: ManualClock) -> None:
    journal = Journal(path, clock)
    journal.begin(DeleteActivity("a1"))
    journal.begin(UpdateActivity("a2", description="New words"))

    report = Journal(path, clock).report(_state(_activity("a2", "Kept")))

    assert report == (
        "The last session was closed while deleting an activity: it is deleted.\n"
        "The last session was closed while saving changes to an activity: the change did not "
        "reach the server; “Kept” is as it was, so edit it again."
    )


def test_hand_edits_are_remembered_across_sessions_refusals_are_not(
    path: Path, clock: ManualClock
) -> None:
    journal = Journal(path, clock)
    edit = UpdateActivity("a1", title="Mine now")
    journal.end(journal.begin(edit), _done(edit))
    refused = UpdateActivity("a2", title="Not saved")
    journal.end(journal.begin(refused), _done(refused, ok=False))
    schedule = ScheduleDrafts(("d1",))
    journal.end(journal.begin(schedule), _done(schedule))

    assert journal.edited == {"a1"}
    assert Journal(path, clock).edited == {"a1"}


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"format": 99}', '{"format": 1, "inFlight": [{"kind": 3}]}'],
)
def test_an_unreadable_journal_counts_as_empty(
    path: Path, clock: ManualClock, content: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")

    journal = Journal(path, clock)

    assert journal.leftover == ()
    assert journal.edited == frozenset()
    journal.begin(ScheduleDrafts(("d1",)))  # and it can be written again
    assert len(Journal(path, clock).leftover) == 1


def test_without_a_file_the_journal_keeps_to_memory(clock: ManualClock) -> None:
    journal = Journal(None, clock)
    entry = journal.begin(ScheduleDrafts(("d1",)))
    assert journal.in_flight == (entry,)
    assert journal.report(_state()) is None

"""The calendar saved for the next start: what is written, what is read back, and when."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import UTC, date, timedelta, timezone
from pathlib import Path
from types import MappingProxyType

import pytest

from tests.ui.calendar.calendar_host import FIXED_NOW, activity, sample_state
from tui_planner.clock import ManualClock
from tui_planner.store.state import PlannerState
from tui_planner.ui.saved_calendar import (
    FORMAT,
    CalendarKeeper,
    load_saved_calendar,
    save_calendar,
    saved_calendar_file,
)
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex


def test_a_saved_calendar_reads_back_as_the_grid_showed_it(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    state = sample_state()

    save_calendar(path, state, UTC, FIXED_NOW)
    saved = load_saved_calendar(path, UTC)

    assert saved is not None
    assert saved.saved_at == FIXED_NOW
    live = DayIndex.build(state, CalendarFilter(), UTC)
    busy = date(2026, 11, 27)
    assert [entry.title for entry in saved.days[busy].entries] == [
        "Black Friday doors open",
        "Black Friday email",
        "Black Friday reels",
    ]
    assert saved.days[busy].events == ("Black Friday",)
    assert saved.days == {day: s for day, s in live.days.items() if s.entries or s.events}
    index = saved.index()
    assert index.state is None
    assert index.day(busy) == live.day(busy)
    assert index.activities_on(busy) == (), "a saved day has titles, not activities to open"


def test_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "calendar.json"

    save_calendar(path, sample_state(), UTC, FIXED_NOW)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_calendar_saved_in_another_time_zone_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    save_calendar(path, sample_state(), UTC, FIXED_NOW)

    assert load_saved_calendar(path, timezone(timedelta(hours=-8))) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json at all",
        b"[1, 2, 3]",
        b'{"format": 1, "saved_at": "yesterday", "time_zone": "UTC", "days": {}}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00", "time_zone": "UTC", "days": {}}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00Z", "time_zone": "UTC", "days": []}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00Z", "time_zone": "UTC",'
        b' "days": {"2026-11-23": {"entries": [["only-an-id"]]}}}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00Z", "time_zone": "UTC",'
        b' "days": {"2026-11-23": {"entries": ["abc"]}}}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00Z", "time_zone": "UTC",'
        b' "days": {"2026-11-23": {"drafts": true}}}',
        b'{"format": 1, "saved_at": "2026-11-23T09:00:00Z", "time_zone": "UTC",'
        b' "days": {"23 Nov": {}}}',
        json.dumps(
            {
                "format": FORMAT + 1,
                "saved_at": FIXED_NOW.isoformat(),
                "time_zone": "UTC",
                "days": {},
            }
        ).encode(),
    ],
    ids=[
        "empty",
        "not-json",
        "not-an-object",
        "bad-time",
        "naive-time",
        "days-not-a-map",
        "short-entry",
        "entry-not-a-list",
        "true-is-not-a-count",
        "bad-day",
        "newer-format",
    ],
)
def test_a_damaged_or_foreign_file_is_the_same_as_none(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "calendar.json"
    path.write_bytes(content)

    assert load_saved_calendar(path, UTC) is None


def test_a_missing_file_is_none(tmp_path: Path) -> None:
    assert load_saved_calendar(tmp_path / "nothing-here.json", UTC) is None


def test_each_backend_has_its_own_file_in_the_cache_directory(tmp_path: Path) -> None:
    first = saved_calendar_file("abc", cache_dir=tmp_path)
    second = saved_calendar_file("def", cache_dir=tmp_path)

    assert first != second
    assert first.parent == tmp_path / "calendars"
    assert first.name == "abc.json"


async def test_keeper_saves_the_first_load_at_once_and_later_changes_after_an_interval(
    tmp_path: Path,
) -> None:
    path = tmp_path / "calendar.json"
    clock = ManualClock(FIXED_NOW, tz=UTC)
    keeper = CalendarKeeper(path, clock, interval=60.0)
    state = sample_state()

    assert keeper.changed(PlannerState()) is None, "nothing is saved before the plan loads"
    assert keeper.changed(state) == 0.0
    assert keeper.changed(state) is None, "one save at a time"
    await keeper.save_later(0.0, lambda: state)
    assert path.exists()

    resynced = replace(state, revision=state.revision + 1)
    assert keeper.changed(resynced) is None, "the same activities and events: nothing to save"

    added = activity(7, date(2026, 12, 2), "December newsletter")
    changed = replace(
        state, activities=MappingProxyType({**state.activities, added.id: added}), revision=9
    )
    assert keeper.changed(changed) == 60.0


def test_keeper_saves_at_exit_only_what_changed(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    clock = ManualClock(FIXED_NOW, tz=UTC)
    keeper = CalendarKeeper(path, clock)
    state = sample_state()

    keeper.save_now(PlannerState())
    assert not path.exists(), "an unloaded plan is never saved"
    keeper.save_now(state)
    assert path.exists()
    path.unlink()
    keeper.save_now(replace(state, revision=5))
    assert not path.exists(), "an unchanged calendar is not written again"

    added = activity(7, date(2026, 12, 2), "December newsletter")
    keeper.save_now(replace(state, activities=MappingProxyType({added.id: added})))
    saved = load_saved_calendar(path, UTC)
    assert saved is not None
    assert [e.title for e in saved.days[date(2026, 12, 2)].entries] == ["December newsletter"]

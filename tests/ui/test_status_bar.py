"""The status bar's words, and that it keeps time with the app's clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label

from tests.harness import FIXED_NOW, SIZE, RecordingEngine
from tui_planner.api.models import PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.config import Config, UiConfig
from tui_planner.store.state import (
    ConnectionPhase,
    FailureKind,
    PendingCommand,
    PlannerState,
    SyncStatus,
)
from tui_planner.sync.commands import GeneratePlan
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.widgets.status_bar import (
    SPINNER_FRAMES,
    StatusBar,
    describe_duration,
    spinner_frame,
    status_segments,
)

MakeStaticApp = Callable[..., PlannerApp]

ONLINE = SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW)


def _words(state: PlannerState, seconds_later: float = 0.0) -> list[str]:
    now = FIXED_NOW + timedelta(seconds=seconds_later)
    return [segment.text for segment in status_segments(state, now) if segment is not None]


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 s"),
        (12.7, "12 s"),
        (61, "1 min"),
        (7200, "2 h"),
        (86400, "1 day"),
        (3 * 86400, "3 days"),
    ],
)
def test_durations_read_like_speech(seconds: float, words: str) -> None:
    assert describe_duration(seconds) == words


def test_a_plan_that_was_never_created_names_the_generate_key() -> None:
    state = PlannerState(loaded=True, sync=ONLINE)
    assert _words(state) == ["No plan yet · press ctrl+g to generate one"]


def test_generating_shows_elapsed_minutes_and_seconds() -> None:
    state = PlannerState(
        loaded=True,
        plan_status=PlanStatus.GENERATING,
        generation_started_at=FIXED_NOW,
        sync=ONLINE,
    )
    (plan,) = _words(state, seconds_later=75)
    assert plan.endswith("GENERATING · 1:15")
    assert plan[0] in SPINNER_FRAMES


def test_the_spinner_frame_is_a_function_of_clock_time() -> None:
    frames = {spinner_frame(FIXED_NOW + timedelta(seconds=0.2 * step)) for step in range(10)}
    assert frames == set(SPINNER_FRAMES)
    assert spinner_frame(FIXED_NOW) == spinner_frame(FIXED_NOW + timedelta(seconds=2))


def test_inactive_and_failed_plans_name_the_key_to_fix_them() -> None:
    inactive = PlannerState(loaded=True, plan_status=PlanStatus.INACTIVE, sync=ONLINE)
    failed = replace(inactive, plan_status=PlanStatus.FAILED)
    assert _words(inactive) == ["INACTIVE · press ctrl+g to reactivate"]
    assert _words(failed) == ["FAILED · press ctrl+g to retry"]


def test_active_plan_shows_sync_age_posts_generating_and_pending_work() -> None:
    state = PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        sync=ONLINE,
        posts_generating=frozenset({"a1", "a2"}),
        pending=(
            PendingCommand(1, "Schedule 4 drafts", FIXED_NOW),
            PendingCommand(2, "Delete the event", FIXED_NOW),
        ),
    )
    plan, posts, pending = _words(state, seconds_later=95)
    assert plan == "ACTIVE · synced 1 min ago"
    assert posts.endswith("posts generating for 2 activities")
    assert pending == "2 changes saving"


def test_connection_trouble_counts_down_to_the_retry() -> None:
    sync = replace(
        ONLINE, phase=ConnectionPhase.RETRYING, retry_at=FIXED_NOW + timedelta(seconds=8)
    )
    state = PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=sync)
    assert _words(state)[-1] == "offline · retrying in 8 s"
    assert _words(state, seconds_later=8)[-1] == "offline · retrying now"


def test_connection_trouble_says_busy_or_error_when_the_server_answered() -> None:
    retrying = replace(
        ONLINE, phase=ConnectionPhase.RETRYING, retry_at=FIXED_NOW + timedelta(seconds=8)
    )

    def words(failure: FailureKind | None) -> str:
        sync = replace(retrying, failure=failure)
        return _words(PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=sync))[-1]

    assert words(FailureKind.SERVER_BUSY) == "server busy · retrying in 8 s"
    assert words(FailureKind.SERVER_ERROR) == "server error · retrying in 8 s"
    assert words(FailureKind.BAD_ANSWER) == "unreadable answer · retrying in 8 s"
    assert words(FailureKind.OFFLINE) == "offline · retrying in 8 s"


REFUSED = (
    "The API key was refused (401): check WIX_API_KEY or [api] api_key in "
    "~/.config/planner-tui/config.toml"
)


def test_a_refused_key_says_one_thing_with_nothing_added() -> None:
    sync = replace(ONLINE, phase=ConnectionPhase.AUTH_FAILED, message=REFUSED)
    state = PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=sync)
    assert _words(state) == ["ACTIVE", REFUSED], "the sync age gives the sentence its room"


def test_a_refused_key_before_the_plan_loaded_is_not_loading_forever() -> None:
    sync = SyncStatus(phase=ConnectionPhase.AUTH_FAILED, message=REFUSED)
    state = PlannerState(sync=sync)
    saved_at = FIXED_NOW - timedelta(hours=3)

    assert [s.text for s in status_segments(state, FIXED_NOW) if s] == ["Not connected", REFUSED]
    plan = status_segments(state, FIXED_NOW, saved_at=saved_at)[0]
    assert plan.text == "Saved calendar from 3 h ago · not connected"


def test_before_the_plan_loads_it_says_loading_or_names_the_saved_calendar() -> None:
    saved_at = FIXED_NOW - timedelta(hours=3)
    loading = PlannerState()
    unavailable = PlannerState(
        sync=SyncStatus(phase=ConnectionPhase.UNAVAILABLE, message="Could not open the sandbox.")
    )

    def plan(state: PlannerState, saved: datetime | None) -> str:
        return status_segments(state, FIXED_NOW, saved_at=saved)[0].text

    assert plan(loading, None) == "Loading the plan…"
    assert plan(loading, saved_at) == "Saved calendar from 3 h ago · loading the plan…"
    assert plan(unavailable, None) == "Not connected"
    assert plan(unavailable, saved_at) == "Saved calendar from 3 h ago · not connected"
    assert _words(unavailable)[-1] == "Could not open the sandbox."


def test_after_the_plan_it_says_the_rest_of_the_first_load_is_still_being_read() -> None:
    """The plan shows (and is synced) before its settings and connections arrive; over a
    slow connection that takes a while, and the status bar says so until they are in."""
    shown = PlannerState(plan_read=True, plan_status=PlanStatus.ACTIVE, sync=ONLINE)
    complete = replace(shown, loaded=True)
    retrying = replace(shown, sync=SyncStatus(phase=ConnectionPhase.RETRYING))

    def connection(state: PlannerState) -> str | None:
        segment = status_segments(state, FIXED_NOW)[2]
        return None if segment is None else segment.text

    assert status_segments(shown, FIXED_NOW)[0].text.startswith("ACTIVE · synced")
    assert connection(shown) == "reading settings and connections…"
    assert connection(complete) is None
    assert connection(retrying) == "offline · retrying"


def _plan_label(app: PlannerApp) -> str:
    return str(app.screen.query_one(StatusBar).query_one("#status-plan", Label).render())


async def test_status_bar_ages_the_last_sync_as_the_clock_moves(
    make_static_app: MakeStaticApp, clock: ManualClock
) -> None:
    app = make_static_app(PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=ONLINE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _plan_label(app) == "ACTIVE · synced just now"
        for _ in range(12):
            clock.advance(1)
            await pilot.pause()
        assert _plan_label(app) == "ACTIVE · synced 12 s ago"


async def test_status_bar_names_a_rebound_generate_key(make_static_app: MakeStaticApp) -> None:
    config = Config(ui=UiConfig(keymap={"app.generate": "G"}))
    app = make_static_app(PlannerState(loaded=True, sync=ONLINE), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _plan_label(app) == "No plan yet · press G to generate one"
        await pilot.press("G")
        await pilot.pause()
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        assert engine.commands == [GeneratePlan()]


async def test_a_clock_tick_redraws_the_status_bar_not_the_plan(
    make_static_app: MakeStaticApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's widgets (the month grid and the agenda: most of the screen and the dearest
    to draw over a big plan) are not drawn again for the status bar's age to move."""
    drawn: list[str] = []
    render_lines = Widget.render_lines

    def counted(widget: Widget, crop: Region) -> list[Strip]:
        drawn.append(type(widget).__name__)
        return render_lines(widget, crop)

    monkeypatch.setattr(Widget, "render_lines", counted)
    app = make_static_app(PlannerState(loaded=True, plan_status=PlanStatus.ACTIVE, sync=ONLINE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {"MonthGrid", "Agenda"} <= set(drawn), "the plan was drawn"
        drawn.clear()
        for _ in range(5):
            clock.advance(1)
            await pilot.pause()
        assert _plan_label(app) == "ACTIVE · synced 5 s ago"
        assert {"MonthGrid", "Agenda"}.isdisjoint(drawn), "a tick redrew the plan"

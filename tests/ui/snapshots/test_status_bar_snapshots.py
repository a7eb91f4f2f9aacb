"""Snapshots of the status bar in every plan and connection state.

Each app shows one fixed :class:`PlannerState` at the fixed clock reading, so the picture
depends on nothing but the code: 120x40, 2026-11-23 09:00 UTC, no wall time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from textual.app import App, ComposeResult

from tests.harness import FIXED_NOW, SIZE
from tui_planner.api.models import PlanStatus
from tui_planner.store.state import ConnectionPhase, PendingCommand, PlannerState, SyncStatus
from tui_planner.ui.widgets.status_bar import StatusBar

SnapCompare = Callable[..., bool]

ONLINE = SyncStatus(phase=ConnectionPhase.ONLINE, last_sync_at=FIXED_NOW - timedelta(seconds=12))


class StatusBarApp(App[None]):
    """Just the status bar, docked at the foot of an empty screen."""

    CSS = "StatusBar { dock: bottom; }"

    def __init__(self, state: PlannerState, now: datetime = FIXED_NOW) -> None:
        super().__init__()
        self._state = state
        self._now = now

    def compose(self) -> ComposeResult:
        yield StatusBar(self._state, self._now, generate_key="ctrl+g")


def _state(**changes: object) -> PlannerState:
    return replace(PlannerState(loaded=True, sync=ONLINE), **changes)  # type: ignore[arg-type]


def _pending(description: str) -> PendingCommand:
    return PendingCommand(1, description, FIXED_NOW)


def test_status_bar_never_created_names_the_generate_key(snap_compare: SnapCompare) -> None:
    """Shows "No plan yet · press ctrl+g to generate one" in the warning colour."""
    state = _state(plan_status=PlanStatus.NEVER_CREATED)
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_generating_shows_spinner_elapsed_and_pending(
    snap_compare: SnapCompare,
) -> None:
    """Shows a spinner frame, "GENERATING · 0:12" and "saving: Generate the plan"."""
    state = _state(
        plan_status=PlanStatus.GENERATING,
        generation_started_at=FIXED_NOW - timedelta(seconds=12),
        pending=(_pending("Generate the plan"),),
    )
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_active_shows_sync_age_and_posts_generating(snap_compare: SnapCompare) -> None:
    """Shows "ACTIVE · synced 12 s ago" in green and "posts generating for 3 activities"."""
    state = _state(plan_status=PlanStatus.ACTIVE, posts_generating=frozenset({"a", "b", "c"}))
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_inactive_offers_reactivation(snap_compare: SnapCompare) -> None:
    """Shows "INACTIVE · press ctrl+g to reactivate" in the warning colour."""
    state = _state(plan_status=PlanStatus.INACTIVE)
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_failed_offers_retry(snap_compare: SnapCompare) -> None:
    """Shows "FAILED · press ctrl+g to retry" in the error colour."""
    state = _state(plan_status=PlanStatus.FAILED)
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_retrying_counts_down(snap_compare: SnapCompare) -> None:
    """Shows "ACTIVE · synced 12 s ago" and, at the right, "offline · retrying in 8 s"."""
    sync = replace(
        ONLINE,
        phase=ConnectionPhase.RETRYING,
        retry_at=FIXED_NOW + timedelta(seconds=8),
        failures=3,
    )
    state = _state(plan_status=PlanStatus.ACTIVE, sync=sync)
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)


def test_status_bar_auth_failed_says_how_to_fix(snap_compare: SnapCompare) -> None:
    """Shows "ACTIVE" and the refusal as one whole sentence in red, naming the config file."""
    sync = replace(
        ONLINE,
        phase=ConnectionPhase.AUTH_FAILED,
        message=(
            "The API key was refused (401): check WIX_API_KEY or [api] api_key in "
            "~/.config/planner-tui/config.toml"
        ),
    )
    state = _state(plan_status=PlanStatus.ACTIVE, sync=sync)
    assert snap_compare(StatusBarApp(state), terminal_size=SIZE)

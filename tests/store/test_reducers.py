"""Reducers return new snapshots and record what a status bar needs to know."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from tui_planner.api.models import PlanMarketingActivity, PlanStatus
from tui_planner.store import PlannerState, SyncStatus
from tui_planner.store import reducers as r

NOW = datetime(2026, 7, 1, 9, tzinfo=UTC)


def activity(activity_id: str) -> PlanMarketingActivity:
    return PlanMarketingActivity(marketing_activity_id=activity_id, date=NOW, title=activity_id)


def plan(state: PlannerState, status: PlanStatus, *ids: str, now: datetime = NOW) -> PlannerState:
    kept = {key: state.activities[key] for key in ids if key in state.activities}
    fresh = {key: kept.get(key) or activity(key) for key in ids}
    return r.set_plan_data(
        state,
        plan_status=status,
        activities=MappingProxyType(fresh),
        events=state.events,
        settings=state.settings,
        now=now,
    )


def test_generation_start_is_kept_while_generating_and_cleared_after() -> None:
    state = plan(PlannerState(), PlanStatus.GENERATING)
    assert state.generation_started_at == NOW

    later = plan(state, PlanStatus.GENERATING, "a1", now=NOW + timedelta(seconds=9))
    assert later.generation_started_at == NOW

    done = plan(later, PlanStatus.ACTIVE, "a1")
    assert done.generation_started_at is None


def test_every_change_bumps_the_revision_and_leaves_the_old_snapshot_alone() -> None:
    first = PlannerState()

    second = plan(first, PlanStatus.ACTIVE, "a1", "a2")

    assert second.revision == first.revision + 1
    assert first.activities == {}
    assert set(second.activities) == {"a1", "a2"}


def test_the_same_data_returns_the_same_snapshot() -> None:
    state = plan(PlannerState(), PlanStatus.ACTIVE, "a1")

    assert plan(state, PlanStatus.ACTIVE, "a1") is state
    assert r.set_sync_status(state, state.sync) is state


def test_removed_activities_are_news_for_one_snapshot_only() -> None:
    state = plan(plan(PlannerState(), PlanStatus.ACTIVE, "a1", "a2"), PlanStatus.ACTIVE, "a1")
    assert state.removed_activity_ids == frozenset({"a2"})

    state = r.set_sync_status(state, SyncStatus(last_sync_at=NOW))

    assert state.removed_activity_ids == frozenset()


def test_pending_commands_come_and_go() -> None:
    from tui_planner.store import PendingCommand

    pending = PendingCommand(1, "Delete the event", NOW)
    state = r.add_pending(PlannerState(), pending)
    assert state.pending == (pending,)

    state = r.remove_pending(state, 1)
    assert state.pending == ()
    assert r.remove_pending(state, 1) is state

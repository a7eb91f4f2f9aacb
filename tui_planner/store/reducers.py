"""Reducers: pure functions from one :class:`PlannerState` to the next.

Each takes a snapshot (and what changed) and returns a new snapshot with ``revision`` bumped,
or the very same snapshot when nothing changed, so the store tells nobody. None of them
deep-compares activities: callers hand in mappings whose unchanged activities are the same
objects as before (see ``tui_planner.sync.reconcile``), and identity checks are O(n) and cheap.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import PlanStatus

from .state import ConnectionPhase, PendingCommand, PlannerState, SyncStatus, frozen_mapping

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date, datetime

    from tui_planner.api.models import (
        CalendarEvent,
        ChannelName,
        FeatureDataResponse,
        MarketingSettings,
        PlanMarketingActivity,
        PostItem,
        TokenStatus,
    )

    from .state import Options

__all__ = [
    "acknowledge_posts",
    "add_pending",
    "mark_event_read_only",
    "mark_loaded",
    "remove_pending",
    "same_activities",
    "set_connections",
    "set_features",
    "set_last_error",
    "set_options",
    "set_plan_data",
    "set_plan_period",
    "set_posts_generating",
    "set_site_posts",
    "set_sync_status",
]


def _next(state: PlannerState, **changes: Any) -> PlannerState:
    # A removal is news for exactly one snapshot; later snapshots must not repeat it.
    changes.setdefault("removed_activity_ids", frozenset())
    return replace(state, revision=state.revision + 1, **changes)


def same_activities(
    old: Mapping[str, PlanMarketingActivity], new: Mapping[str, PlanMarketingActivity]
) -> bool:
    """Whether two activity mappings hold the very same objects under the same ids."""
    if old is new:
        return True
    if len(old) != len(new):
        return False
    return all(old.get(key) is value for key, value in new.items())


def set_plan_data(
    state: PlannerState,
    *,
    plan_status: PlanStatus,
    activities: Mapping[str, PlanMarketingActivity],
    events: tuple[CalendarEvent, ...],
    settings: MarketingSettings | None,
    now: datetime,
) -> PlannerState:
    """The plan as it should now be shown (server data with pending changes on top).

    ``generation_started_at`` is set when the status becomes GENERATING and cleared when it
    stops; activities that disappear are listed in ``removed_activity_ids``.
    """
    activities_same = same_activities(state.activities, activities)
    if (
        activities_same
        and plan_status == state.plan_status
        and events == state.events
        and settings == state.settings
    ):
        return state
    started_at = state.generation_started_at
    if plan_status == PlanStatus.GENERATING:
        if state.plan_status != PlanStatus.GENERATING or started_at is None:
            started_at = now
    else:
        started_at = None
    removed: frozenset[str] = frozenset()
    if not activities_same:
        removed = frozenset(state.activities.keys() - activities.keys())
        activities = frozen_mapping(activities)
    return _next(
        state,
        plan_status=plan_status,
        generation_started_at=started_at,
        activities=state.activities if activities_same else activities,
        events=state.events if events == state.events else events,
        settings=state.settings if settings == state.settings else settings,
        removed_activity_ids=removed,
    )


def set_plan_period(state: PlannerState, start: date, end: date) -> PlannerState:
    """The days the plan covers (today to the end of next month)."""
    if (state.plan_start, state.plan_end) == (start, end):
        return state
    return _next(state, plan_start=start, plan_end=end)


def set_posts_generating(state: PlannerState, activity_ids: Iterable[str]) -> PlannerState:
    """The activities whose posts are on their way."""
    ids = frozenset(activity_ids)
    if ids == state.posts_generating:
        return state
    return _next(state, posts_generating=ids)


def set_options(state: PlannerState, options: Options) -> PlannerState:
    """The choices the settings form offers."""
    if options == state.options:
        return state
    return _next(state, options=options)


def set_connections(
    state: PlannerState, connections: Mapping[ChannelName, TokenStatus]
) -> PlannerState:
    """Each channel's Publisher connection."""
    if dict(connections) == dict(state.connections):
        return state
    return _next(state, connections=frozen_mapping(connections))


def set_features(state: PlannerState, features: FeatureDataResponse) -> PlannerState:
    """The site's premium features."""
    if features == state.features:
        return state
    return _next(state, features=features)


def set_sync_status(state: PlannerState, sync: SyncStatus) -> PlannerState:
    """What the sync engine is doing."""
    if sync == state.sync:
        return state
    return _next(state, sync=sync)


def mark_plan_read(state: PlannerState, now: datetime) -> PlannerState:
    """The first load has read the plan itself, at ``now``: what is shown is in step."""
    if state.plan_read:
        return state
    sync = replace(state.sync, phase=ConnectionPhase.ONLINE, last_sync_at=now)
    return _next(state, plan_read=True, sync=sync)


def mark_loaded(state: PlannerState) -> PlannerState:
    """The first full sync has answered."""
    if state.loaded:
        return state
    return _next(state, loaded=True)


def add_pending(state: PlannerState, pending: PendingCommand) -> PlannerState:
    """A command has been applied optimistically and sent."""
    return _next(state, pending=(*state.pending, pending))


def remove_pending(state: PlannerState, pending_id: int) -> PlannerState:
    """A command was confirmed or rolled back."""
    remaining = tuple(p for p in state.pending if p.id != pending_id)
    if len(remaining) == len(state.pending):
        return state
    return _next(state, pending=remaining)


def set_last_error(state: PlannerState, message: str | None) -> PlannerState:
    """The latest failure, as a sentence (``None`` clears it)."""
    if message == state.last_error:
        return state
    return _next(state, last_error=message)


def mark_event_read_only(state: PlannerState, event_id: str) -> PlannerState:
    """The server refused to change this event: it is not offered for editing again."""
    if event_id in state.read_only_event_ids:
        return state
    return _next(state, read_only_event_ids=state.read_only_event_ids | {event_id})


def set_site_posts(
    state: PlannerState,
    items: Mapping[str, PostItem],
    *,
    read_at: datetime | None,
    complete: bool,
) -> PlannerState:
    """Every post of the site as it should now be shown; posts that went out are noted.

    ``items`` keeps the identity of unchanged posts (and is the same mapping when none
    changed), so this compares statuses only where something changed.
    """
    posts = state.site_posts.updated(items, read_at=read_at, complete=complete)
    if posts is state.site_posts:
        return state
    return _next(state, site_posts=posts)


def acknowledge_posts(state: PlannerState, item_ids: Iterable[str] | None = None) -> PlannerState:
    """The user has been told about these posts going out (all of them, when ``None``)."""
    posts = state.site_posts.acknowledged(item_ids)
    if posts is state.site_posts:
        return state
    return _next(state, site_posts=posts)

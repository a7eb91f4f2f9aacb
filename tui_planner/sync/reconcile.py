"""Reconciliation: fold what the server said into what the app already holds.

The engine keeps the last server truth as :class:`PlanData`. New answers are merged so that an
activity the server sent back unchanged stays the *same object*: the UI compares by identity
and skips re-rendering it, and the reducers never deep-compare a thousand activities on the
event loop. Pending optimistic changes are layered on top afterwards (``optimistic.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from tui_planner.api.models import PlanStatus
from tui_planner.store.state import EMPTY_MAPPING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from tui_planner.api.models import (
        ActivityPosts,
        CalendarEvent,
        MarketingSettings,
        PlanMarketingActivity,
        PostItem,
    )

__all__ = [
    "PlanData",
    "fold_plan_items",
    "fold_queried_items",
    "layer",
    "merge_activity_posts",
    "reconcile_activities",
    "replace_items",
    "with_activities",
    "with_item",
    "without_item",
    "without_plan",
]


@dataclass(frozen=True, slots=True)
class PlanData:
    """The plan-related part of the server's truth: what optimistic changes are layered on."""

    plan_status: PlanStatus = PlanStatus.NEVER_CREATED
    activities: Mapping[str, PlanMarketingActivity] = field(default_factory=lambda: EMPTY_MAPPING)
    events: tuple[CalendarEvent, ...] = ()
    settings: MarketingSettings | None = None
    items: Mapping[str, PostItem] = field(default_factory=lambda: EMPTY_MAPPING)
    """Every post of the site by id: Query Items' answer with the plan's items folded in."""


def layer(base: PlanData, patches: Iterable[Callable[[PlanData], PlanData]]) -> PlanData:
    """The server's truth with every pending change applied, oldest first (the changes
    :func:`~tui_planner.sync.optimistic.optimistic_patch` makes)."""
    for patch in patches:
        base = patch(base)
    return base


def reconcile_activities(
    previous: Mapping[str, PlanMarketingActivity], incoming: Iterable[PlanMarketingActivity]
) -> Mapping[str, PlanMarketingActivity]:
    """The server's activities, reusing each previous object the server sent back unchanged.

    Returns ``previous`` itself when nothing changed at all, so callers can tell by identity.
    """
    merged: dict[str, PlanMarketingActivity] = {}
    changed = False
    for activity in incoming:
        old = previous.get(activity.id)
        if old is not None and (old is activity or old == activity):
            merged[activity.id] = old
        else:
            merged[activity.id] = activity
            changed = True
    if not changed and len(merged) == len(previous):
        return previous
    return MappingProxyType(merged)


def with_activities(
    activities: Mapping[str, PlanMarketingActivity],
    changed: Iterable[PlanMarketingActivity] = (),
    removed: Iterable[str] = (),
) -> Mapping[str, PlanMarketingActivity]:
    """``activities`` with some replaced or added and some taken away (a new mapping)."""
    merged = dict(activities)
    for activity in changed:
        merged[activity.id] = activity
    for activity_id in removed:
        merged.pop(activity_id, None)
    return MappingProxyType(merged)


def merge_activity_posts(
    activities: Mapping[str, PlanMarketingActivity], posts: Iterable[ActivityPosts]
) -> Mapping[str, PlanMarketingActivity]:
    """Give each listed activity the items GetMarketingActivityPosts returned for it.

    Activities not in the plan are ignored; an activity whose items did not change keeps its
    identity, and ``activities`` itself comes back when none changed.
    """
    changed: list[PlanMarketingActivity] = []
    for entry in posts:
        current = activities.get(entry.marketing_activity_id)
        if current is not None and current.items != entry.items:
            changed.append(current.model_copy(update={"items": entry.items}))
    return with_activities(activities, changed) if changed else activities


def replace_items(
    activities: Mapping[str, PlanMarketingActivity], items: Iterable[PostItem]
) -> Mapping[str, PlanMarketingActivity]:
    """Swap in new versions of individual items (matched by id) wherever they live.

    An activity whose items all read the same keeps its identity, and ``activities`` itself
    comes back when none changed: reading every post of the site then costs the UI nothing.
    """
    by_id = {entry.id: entry for entry in items}
    if not by_id:
        return activities
    changed: list[PlanMarketingActivity] = []
    for activity in activities.values():
        new_items = tuple(by_id.get(entry.id, entry) for entry in activity.items)
        if new_items != activity.items:
            changed.append(activity.model_copy(update={"items": new_items}))
    return with_activities(activities, changed) if changed else activities


def fold_plan_items(
    items: Mapping[str, PostItem],
    before: Mapping[str, PlanMarketingActivity],
    after: Mapping[str, PlanMarketingActivity],
) -> Mapping[str, PostItem]:
    """The site's posts with what a plan read said of the plan's own (``before`` -> ``after``).

    Only activities that changed are looked at. An item an activity no longer holds (a
    cleared draft) goes; the items of an activity that left the plan stay (its day passed,
    its posts did not), until Query Items says otherwise. ``items`` itself comes back when
    nothing changed.
    """
    if after is before:
        return items
    merged: dict[str, PostItem] | None = None
    for key, activity in after.items():
        old = before.get(key)
        if old is activity:
            continue
        for entry in activity.items:
            if items.get(entry.id) is not entry and items.get(entry.id) != entry:
                merged = merged if merged is not None else dict(items)
                merged[entry.id] = entry
        if old is not None:
            kept = {entry.id for entry in activity.items}
            for entry in old.items:
                if entry.id not in kept and entry.id in items:
                    merged = merged if merged is not None else dict(items)
                    merged.pop(entry.id, None)
    return MappingProxyType(merged) if merged is not None else items


def fold_queried_items(
    items: Mapping[str, PostItem],
    found: Iterable[PostItem],
    activities: Mapping[str, PlanMarketingActivity],
    *,
    complete: bool,
) -> Mapping[str, PostItem]:
    """The site's posts after Query Items answered ``found``.

    A complete answer is the whole truth: a post missing from it is gone, unless the plan
    holds it (the plan was read too). A capped answer only adds and updates. Unchanged
    posts keep their identity; ``items`` itself comes back when nothing changed.
    """
    merged: dict[str, PostItem] = {} if complete else dict(items)
    for entry in found:
        old = items.get(entry.id)
        merged[entry.id] = old if old is not None and old == entry else entry
    if complete:
        for activity in activities.values():
            for entry in activity.items:
                if entry.id not in merged and entry.id in items:
                    merged[entry.id] = items[entry.id]
    if len(merged) == len(items) and all(items.get(k) is v for k, v in merged.items()):
        return items
    return MappingProxyType(merged)


def with_item(data: PlanData, entry: PostItem) -> PlanData:
    """``data`` with the new version of one post, wherever it shows."""
    items = dict(data.items)
    items[entry.id] = entry
    return replace(
        data,
        activities=replace_items(data.activities, (entry,)),
        items=MappingProxyType(items),
    )


def without_item(data: PlanData, item_id: str) -> PlanData:
    """``data`` without one post, wherever it showed."""
    changed = [
        activity.model_copy(update={"items": tuple(e for e in activity.items if e.id != item_id)})
        for activity in data.activities.values()
        if any(e.id == item_id for e in activity.items)
    ]
    activities = with_activities(data.activities, changed) if changed else data.activities
    if item_id not in data.items and not changed:
        return data
    items = MappingProxyType({k: v for k, v in data.items.items() if k != item_id})
    return replace(data, activities=activities, items=items)


def without_plan(data: PlanData) -> PlanData:
    """The plan deleted: no activities, never created."""
    return replace(data, plan_status=PlanStatus.NEVER_CREATED, activities=EMPTY_MAPPING)

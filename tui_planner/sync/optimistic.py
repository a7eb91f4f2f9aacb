"""Optimistic changes: what each command looks like before the server has answered.

A patch is a pure function of :class:`PlanData`. The engine keeps one per pending command and
lays them over the latest server truth every time it publishes a snapshot, so a poll that
lands mid-command does not undo what the user just did, and rolling a failed command back is
nothing more than dropping its patch and publishing again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias, assert_never

from tui_planner.api.field_mask import normalise_paths
from tui_planner.api.models import (
    ItemStatus,
    MarketingSettings,
    Media,
    MediaType,
    MediaWrapper,
    PlanMarketingActivity,
    PlanStatus,
    PostItem,
    SchedulingInfo,
)

from .commands import (
    CancelItem,
    ClearPosts,
    ClearStories,
    CreateActivity,
    CreateEvent,
    DeleteActivity,
    DeleteEvent,
    DeleteItem,
    DeletePlan,
    GeneratePlan,
    GeneratePosts,
    RegeneratePlan,
    RegeneratePlanWithResearch,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
    RescheduleItem,
    ScheduleDrafts,
    UpdateActivity,
    UpdateEvent,
    UpdateItemCaption,
    UpdatePostsMedia,
    UpsertSettings,
)
from .reconcile import PlanData, layer, with_activities, without_item, without_plan

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .commands import Command

__all__ = ["Patch", "layer", "optimistic_patch", "settings_with_mask"]

Patch: TypeAlias = Callable[[PlanData], PlanData]
"""One pending command's change to the plan as shown."""


def optimistic_patch(command: Command, local_id: str) -> Patch:
    """The change ``command`` makes to the plan as shown, until the server answers.

    ``local_id`` names an activity or event the command creates, until the server gives it a
    real id. Commands whose effect only the server can produce (generating posts) change
    nothing here; the engine tracks them as posts being generated instead.
    """
    match command:
        case GeneratePlan() | RegeneratePlan() | RegeneratePlanWithResearch():
            return lambda data: replace(data, plan_status=PlanStatus.GENERATING)
        case DeletePlan():
            return without_plan
        case ScheduleDrafts(draft_ids=draft_ids):
            wanted = frozenset(draft_ids)
            return _edit_items(
                lambda entry: (
                    _with_status(entry, ItemStatus.SCHEDULED)
                    if entry.id in wanted and entry.status == ItemStatus.DRAFT
                    else entry
                )
            )
        case RescheduleItem(item_id=item_id, when=when):
            return _edit_items(
                lambda entry: (
                    entry.model_copy(
                        update={"scheduling_info": SchedulingInfo(scheduled_date=when)}
                    )
                    if entry.id == item_id
                    else entry
                )
            )
        case CancelItem(item_id=item_id):
            return _edit_items(
                lambda entry: (
                    _with_status(entry, ItemStatus.CANCELED) if entry.id == item_id else entry
                )
            )
        case UpdateItemCaption(item_id=item_id, caption=caption):
            return _edit_items(
                lambda entry: entry.with_text(caption) if entry.id == item_id else entry
            )
        case DeleteItem(item_id=item_id):
            return lambda data: without_item(data, item_id)
        case UpdatePostsMedia(activity_id=activity_id, media_url=url):
            return _edit_activity(activity_id, lambda a: _with_posts_media(a, url))
        case ClearPosts(activity_id=activity_id):
            return _edit_activity(activity_id, lambda a: _without_drafts(a, stories=False))
        case ClearStories(activity_id=activity_id):
            return _edit_activity(activity_id, lambda a: _without_drafts(a, stories=True))
        case CreateActivity():
            placeholder = PlanMarketingActivity(
                marketing_activity_id=local_id,
                date=command.target_date,
                title=command.title,
                description=command.description,
                marketing_activity_type=command.activity_type,
            )
            return lambda data: replace(
                data, activities=with_activities(data.activities, [placeholder])
            )
        case UpdateActivity():
            changes: dict[str, Any] = {
                name: value
                for name, value in (
                    ("title", command.title),
                    ("description", command.description),
                    ("date", command.target_date),
                )
                if value is not None
            }
            return _edit_activity(command.activity_id, lambda a: a.model_copy(update=changes))
        case DeleteActivity(activity_id=activity_id):
            return lambda data: replace(
                data, activities=with_activities(data.activities, removed=[activity_id])
            )
        case CreateEvent(event=event):
            shown = event if event.id else event.model_copy(update={"id": local_id})
            return lambda data: replace(data, events=(*data.events, shown))
        case UpdateEvent(event=event):
            return lambda data: replace(
                data, events=tuple(event if e.id == event.id else e for e in data.events)
            )
        case DeleteEvent(event_id=event_id):
            return lambda data: replace(
                data, events=tuple(e for e in data.events if e.id != event_id)
            )
        case UpsertSettings(settings=settings, field_mask=field_mask):
            return lambda data: replace(
                data, settings=settings_with_mask(data.settings, settings, field_mask)
            )
        case GeneratePosts() | RegeneratePosts() | RegeneratePostsMedia() | RegenerateStories():
            # Only the server writes posts; the engine watches for them once it has confirmed.
            return _unchanged
        case _:
            assert_never(command)


def settings_with_mask(
    current: MarketingSettings | None, sent: MarketingSettings, field_mask: Iterable[str]
) -> MarketingSettings:
    """``current`` with the paths in ``field_mask`` taken from ``sent``, as Upsert does."""
    if current is None:
        return sent
    target = current.model_dump(by_alias=True, mode="json", exclude_none=True)
    source = sent.model_dump(by_alias=True, mode="json", exclude_none=True)
    for path in normalise_paths(field_mask):
        *parents, leaf = path.split(".")
        src: Any = source
        dst = target
        for segment in parents:
            src = src.get(segment) if isinstance(src, dict) else None
            child = dst.get(segment)
            if not isinstance(child, dict):
                child = dst[segment] = {}
            dst = child
        value = src.get(leaf) if isinstance(src, dict) else None
        if value is None:
            dst.pop(leaf, None)
        else:
            dst[leaf] = value
    return MarketingSettings.model_validate(target)


def _unchanged(data: PlanData) -> PlanData:
    return data


def _with_status(entry: PostItem, status: ItemStatus) -> PostItem:
    return entry.model_copy(update={"status": status})


def _edit_items(edit: Callable[[PostItem], PostItem]) -> Patch:
    """A patch that edits posts wherever they show: in the plan and among the site's posts."""

    def patch(data: PlanData) -> PlanData:
        changed = []
        for activity in data.activities.values():
            items = tuple(edit(entry) for entry in activity.items)
            if any(new is not old for new, old in zip(items, activity.items, strict=True)):
                changed.append(activity.model_copy(update={"items": items}))
        edited = {key: edit(entry) for key, entry in data.items.items()}
        posts_changed = any(edited[key] is not entry for key, entry in data.items.items())
        if not changed and not posts_changed:
            return data
        return replace(
            data,
            activities=with_activities(data.activities, changed) if changed else data.activities,
            items=MappingProxyType(edited) if posts_changed else data.items,
        )

    return patch


def _edit_activity(
    activity_id: str, edit: Callable[[PlanMarketingActivity], PlanMarketingActivity]
) -> Patch:
    def patch(data: PlanData) -> PlanData:
        current = data.activities.get(activity_id)
        if current is None:
            return data
        return replace(data, activities=with_activities(data.activities, [edit(current)]))

    return patch


def _with_posts_media(activity: PlanMarketingActivity, url: str) -> PlanMarketingActivity:
    wrapper = MediaWrapper(media=(Media(type=MediaType.IMAGE, url=url),))
    items = []
    for entry in activity.items:
        key = entry.content_key
        if entry.is_story or key is None:
            items.append(entry)
            continue
        content = entry.content.model_copy(update={"media_wrapper": wrapper, "image_url": None})
        items.append(entry.model_copy(update={key: content}))
    return activity.model_copy(update={"items": tuple(items)})


def _without_drafts(activity: PlanMarketingActivity, *, stories: bool) -> PlanMarketingActivity:
    # Only drafts go: the service leaves scheduled and published items where they are.
    kept = tuple(
        entry
        for entry in activity.items
        if entry.is_story != stories or entry.status != ItemStatus.DRAFT
    )
    return activity.model_copy(update={"items": kept})

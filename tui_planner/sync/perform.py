"""Carrying a command to the API, and what the server's answer changes in the plan.

:func:`perform` makes the calls one command needs and returns a :class:`Performed`: a pure
update to fold into the server truth (applied when the engine confirms, to whatever the truth
is by then), a sentence for the notification, and what the poller should watch next. API
failures propagate as :class:`~tui_planner.api.errors.ApiError`; the engine turns them into a
rollback and a message. The one exception is ScheduleDrafts, sent in batches: when a batch
fails, the posts are read back and the :class:`Performed` carries both what stands and the
``failure``, so the report says exactly which drafts were scheduled and why the rest were not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, assert_never

from tui_planner.api.errors import ApiError, FailedPreconditionError, NotFoundError
from tui_planner.api.id_lists import chunked_ids
from tui_planner.api.models import (
    ItemStatus,
    MarketingActivity,
    PlanMarketingActivity,
    PlanStatus,
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
from .optimistic import optimistic_patch
from .reconcile import (
    PlanData,
    merge_activity_posts,
    replace_items,
    with_activities,
    with_item,
    without_item,
    without_plan,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tui_planner.api.models import (
        ActivityPosts,
        ActivitySnapshotResponse,
        CalendarEvent,
        PostItem,
    )
    from tui_planner.api.plan_client import MarketingPlanClient
    from tui_planner.api.publisher_client import PublisherClient

    from .commands import Command
    from .optimistic import Patch

__all__ = ["Performed", "perform"]


def _keep(data: PlanData) -> PlanData:
    return data


@dataclass(frozen=True, slots=True)
class Performed:
    """What a command did, as the server confirmed it."""

    message: str
    """The sentence for the notification ("Scheduled 3 of 5 drafts")."""
    update: Patch = _keep
    """Folds the server's answer into the server truth."""
    watch_posts: tuple[str, ...] = ()
    """Activities whose posts are now on their way."""
    scheduled_ids: tuple[str, ...] = ()
    refresh: bool = False
    """Whether events and settings should be read again on the next poll."""
    refresh_events: bool = False
    """Whether the events (alone) should be read again on the next poll: an event's change
    moves its occurrences, and nothing else."""
    failure: ApiError | None = None
    """A call that failed part-way: what came before it stands (``update``), the command as
    a whole did not succeed, and ``message`` says both."""


async def perform(
    command: Command, plan: MarketingPlanClient, publisher: PublisherClient, truth: PlanData
) -> Performed:
    """Make the API calls for ``command``; ``truth`` is the server truth when it was sent."""
    match command:
        case GeneratePlan():
            return _generation(await plan.generate_marketing_plan(), "Generating the plan")
        case RegeneratePlan():
            return _generation(await plan.regenerate_marketing_plan(), "Regenerating the plan")
        case RegeneratePlanWithResearch():
            status = await plan.regenerate_marketing_plan_with_keyword_research()
            return _generation(status, "Regenerating the plan with fresh keyword research")
        case DeletePlan():
            await plan.delete_marketing_plan()
            return Performed("Deleted the plan", update=without_plan)
        case GeneratePosts(activity_ids=activity_ids):
            await plan.generate_social_posts(activity_ids)
            noun = "activity" if len(activity_ids) == 1 else "activities"
            return Performed(
                f"Generating posts for {len(activity_ids)} {noun}", watch_posts=activity_ids
            )
        case RegeneratePosts(activity_id=activity_id):
            snapshot = await plan.regenerate_marketing_activity_posts(activity_id)
            return _regenerating(snapshot, activity_id, "Regenerating the posts")
        case RegeneratePostsMedia(activity_id=activity_id):
            snapshot = await plan.regenerate_marketing_activity_posts_media(activity_id)
            return _regenerating(snapshot, activity_id, "Regenerating the image")
        case RegenerateStories(activity_id=activity_id):
            had_stories = _has_stories(truth, activity_id)
            snapshot = await plan.regenerate_marketing_activity_stories(activity_id)
            # Without a planned story nothing happens and the snapshot is final (§2.7).
            if not had_stories:
                return Performed("This activity has no stories to regenerate")
            return _regenerating(snapshot, activity_id, "Regenerating the stories")
        case UpdatePostsMedia(activity_id=activity_id, media_url=url):
            await plan.update_marketing_activity_posts_media(activity_id, url)
            return await _reread("Set the image", plan, (activity_id,), _known(command))
        case ClearPosts(activity_id=activity_id):
            await plan.clear_marketing_activity_posts(activity_id)
            return await _reread("Cleared the posts", plan, (activity_id,), _known(command))
        case ClearStories(activity_id=activity_id):
            await plan.clear_marketing_activity_stories(activity_id)
            return await _reread("Cleared the stories", plan, (activity_id,), _known(command))
        case ScheduleDrafts(draft_ids=draft_ids):
            return await _schedule(draft_ids, plan, truth)
        case RescheduleItem(item_id=item_id, when=when):
            moved = await publisher.reschedule_item(item_id, when)
            return await _item_answer("Rescheduled the post", moved, command, plan, truth)
        case CancelItem(item_id=item_id):
            canceled = await publisher.cancel_scheduled_item(item_id)
            message = "Canceled the scheduled post"
            return await _item_answer(message, canceled, command, plan, truth)
        case UpdateItemCaption():
            return await _update_caption(command, publisher, truth)
        case DeleteItem(item_id=item_id):
            return await _delete_item(item_id, publisher)
        case CreateActivity():
            created = await plan.create_marketing_activity(
                MarketingActivity(
                    title=command.title,
                    description=command.description,
                    target_date=command.target_date,
                    marketing_activity_type=command.activity_type,
                )
            )
            return Performed(
                f"Created the activity “{command.title}”",
                update=_add_activity(created, command),
            )
        case UpdateActivity():
            updated = await plan.update_marketing_activity(
                MarketingActivity(
                    id=command.activity_id,
                    title=command.title,
                    description=command.description,
                    target_date=command.target_date,
                ),
                command.field_mask,
            )
            return Performed("Updated the activity", update=_patch_activity(updated, command))
        case DeleteActivity(activity_id=activity_id):
            await plan.delete_plan_marketing_activity(activity_id)
            return Performed(
                "Deleted the activity",
                update=lambda data: replace(
                    data, activities=with_activities(data.activities, removed=[activity_id])
                ),
            )
        case CreateEvent():
            event = await plan.create_event(command.event)
            return Performed(
                f"Created the event “{event.name}”", update=_put_event(event), refresh_events=True
            )
        case UpdateEvent():
            event = await plan.update_event(command.event)
            return Performed(
                f"Updated the event “{event.name}”", update=_put_event(event), refresh_events=True
            )
        case DeleteEvent(event_id=event_id):
            await plan.delete_event(event_id)
            return Performed(
                "Deleted the event",
                update=lambda data: replace(
                    data, events=tuple(e for e in data.events if e.id != event_id)
                ),
                refresh_events=True,
            )
        case UpsertSettings(settings=settings, field_mask=field_mask):
            saved = await plan.upsert_marketing_settings(settings, field_mask)
            return Performed(
                "Saved the settings", update=lambda data: replace(data, settings=saved)
            )
        case _:
            assert_never(command)


def _generation(status: PlanStatus, message: str) -> Performed:
    return Performed(message, update=lambda data: replace(data, plan_status=status))


def _has_stories(truth: PlanData, activity_id: str) -> bool:
    activity = truth.activities.get(activity_id)
    return activity is not None and bool(activity.stories)


def _regenerating(snapshot: ActivitySnapshotResponse, activity_id: str, message: str) -> Performed:
    posts = snapshot.marketing_activity
    if posts is None or posts.marketing_activity_id != activity_id:
        return Performed(message, watch_posts=(activity_id,))
    return Performed(message, update=_with_posts((posts,)), watch_posts=(activity_id,))


def _known(command: Command) -> Patch:
    """What a write is known to have done once the server accepted it: its optimistic change."""
    return optimistic_patch(command, local_id="")


async def _reread(
    message: str, plan: MarketingPlanClient, activity_ids: Iterable[str], known: Patch
) -> Performed:
    """The posts as the server has them after a write; ``known`` if they cannot be read."""
    try:
        answer = await plan.get_marketing_activity_posts(activity_ids)
    except ApiError:
        # The write went through; only the read after it failed. Show what the write is
        # known to do: the poll this command wakes brings the server's own view.
        return Performed(message, update=known)
    fresh = answer.marketing_activities
    return Performed(
        message,
        update=lambda data: replace(data, activities=merge_activity_posts(data.activities, fresh)),
    )


async def _schedule(
    draft_ids: tuple[str, ...], plan: MarketingPlanClient, truth: PlanData
) -> Performed:
    """Schedule ``draft_ids`` batch by batch, then read back what the server holds.

    A batch that fails stops the rest; the batches before it stand. Either way the posts
    are read again, so the outcome names exactly the drafts now SCHEDULED, however the
    calls ended (a timed-out batch may have taken effect after all).
    """
    answered: list[PostItem] = []
    failure: ApiError | None = None
    for batch in chunked_ids(draft_ids):
        try:
            answered.extend((await plan.schedule_drafts(batch)).items)
        except ApiError as error:
            failure = error
            break
    owners = tuple(dict.fromkeys(_owner_ids(truth, draft_ids)))
    wanted = set(draft_ids)
    try:
        # ScheduleDrafts skips drafts silently; only a fresh read says what really happened.
        fresh = (await plan.get_marketing_activity_posts(owners)).marketing_activities
    except ApiError:
        # Without the re-read, trust the answers of the batches that were confirmed.
        scheduled = tuple(i.id for i in answered if i.id in wanted)
        update = _with_items(tuple(answered))
    else:
        scheduled = tuple(
            entry.id
            for posts in fresh
            for entry in posts.items
            if entry.id in wanted and entry.status == ItemStatus.SCHEDULED
        )
        update = _with_posts(fresh)
    return Performed(
        _schedule_sentence(len(scheduled), len(draft_ids), failure),
        update=update,
        scheduled_ids=scheduled,
        failure=failure,
    )


def _schedule_sentence(scheduled: int, asked: int, failure: ApiError | None) -> str:
    """ "Scheduled 3 of 5 drafts", and when a batch failed, what is left and why."""
    noun = "draft" if asked == 1 else "drafts"
    if failure is None:
        return f"Scheduled {scheduled} of {asked} {noun}"
    if not scheduled:
        return f"Could not schedule {asked} {noun}: {failure}"
    left = asked - scheduled
    still = "1 is still a draft" if left == 1 else f"{left} are still drafts"
    return f"Scheduled {scheduled} of {asked} {noun}; {still}: {failure}"


def _with_items(items: tuple[PostItem, ...]) -> Patch:
    return lambda data: replace(data, activities=replace_items(data.activities, items))


def _with_posts(posts: tuple[ActivityPosts, ...]) -> Patch:
    return lambda data: replace(data, activities=merge_activity_posts(data.activities, posts))


def _owner_ids(truth: PlanData, item_ids: Iterable[str]) -> Iterable[str]:
    wanted = set(item_ids)
    for activity in truth.activities.values():
        if any(entry.id in wanted for entry in activity.items):
            yield activity.id


async def _item_answer(
    message: str,
    answered: PostItem | None,
    command: RescheduleItem | CancelItem,
    plan: MarketingPlanClient,
    truth: PlanData,
) -> Performed:
    if answered is not None:
        return Performed(message, update=_with_items((answered,)))
    # The Publisher answered with a partial item: read the posts to see the new state.
    owners = tuple(_owner_ids(truth, [command.item_id]))
    return await _reread(message, plan, owners, _known(command))


# What Delete Item says when the post is gone already: the command's wish holds.
_ALREADY_GONE = frozenset({"ITEM_NOT_EXISTS", "ITEM_IS_DELETED"})


def _known_item(truth: PlanData, item_id: str) -> PostItem | None:
    """The post as the app last read it, from the site's posts or the plan."""
    found = truth.items.get(item_id)
    if found is not None:
        return found
    for activity in truth.activities.values():
        for entry in activity.items:
            if entry.id == item_id:
                return entry
    return None


async def _update_caption(
    command: UpdateItemCaption, publisher: PublisherClient, truth: PlanData
) -> Performed:
    current = _known_item(truth, command.item_id)
    if current is None:
        raise ValueError("the post is no longer there")
    message = "Saved the caption"
    answered = await publisher.update_item_text(current, command.caption)
    if answered is None:
        # The answer held no item ({} or a partial one): read the post back.
        try:
            answered = await publisher.get_item(command.item_id)
        except ApiError:
            # The change was accepted: show it; the next read of the posts brings the rest.
            return Performed(message, update=_known(command))
    saved = answered
    return Performed(message, update=lambda data: with_item(data, saved))


async def _delete_item(item_id: str, publisher: PublisherClient) -> Performed:
    message = "Deleted the post"
    try:
        await publisher.delete_item(item_id)
    except (NotFoundError, FailedPreconditionError) as error:
        # A retried delete, or one made elsewhere: the post is gone either way.
        if error.application_code not in _ALREADY_GONE:
            raise
        message = "The post was already deleted"
    return Performed(message, update=lambda data: without_item(data, item_id))


def _add_activity(created: MarketingActivity, command: CreateActivity) -> Patch:
    if not created.id:
        return _keep
    activity = PlanMarketingActivity(
        marketing_activity_id=created.id,
        date=created.target_date or command.target_date,
        title=created.title if created.title is not None else command.title,
        description=(
            created.description if created.description is not None else command.description
        ),
        marketing_activity_type=created.marketing_activity_type or command.activity_type,
    )
    return lambda data: replace(data, activities=with_activities(data.activities, [activity]))


def _patch_activity(updated: MarketingActivity, command: UpdateActivity) -> Patch:
    changes = {
        name: value
        for name, value in (
            ("title", updated.title if command.title is not None else None),
            ("description", updated.description if command.description is not None else None),
            ("date", updated.target_date if command.target_date is not None else None),
        )
        if value is not None
    }

    def update(data: PlanData) -> PlanData:
        current = data.activities.get(command.activity_id)
        if current is None:
            return data
        changed = current.model_copy(update=changes)
        return replace(data, activities=with_activities(data.activities, [changed]))

    return update


def _put_event(event: CalendarEvent) -> Patch:
    def update(data: PlanData) -> PlanData:
        if any(e.id == event.id for e in data.events):
            events = tuple(event if e.id == event.id else e for e in data.events)
        else:
            events = (*data.events, event)
        return replace(data, events=events)

    return update

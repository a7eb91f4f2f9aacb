"""A small in-memory stand-in for both API clients, for the sync engine tests.

``FakeApi`` answers the client methods the sync engine calls from plain Python state, records
every call, and raises queued :class:`ApiError`s on demand, so engine tests control exactly
what the server says and when.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from tui_planner.api.errors import ApiError, FailedPreconditionError, NotFoundError
from tui_planner.api.models import (
    PLAN_CHANNELS,
    ActivityPosts,
    ActivityPostsResponse,
    ActivitySnapshotResponse,
    CalendarEvent,
    CalendarOption,
    Channel,
    ChannelName,
    Feature,
    FeatureDataResponse,
    FeatureType,
    ItemQuery,
    ItemsQueryResult,
    ItemStatus,
    ItemType,
    MarketingActivity,
    MarketingActivityType,
    MarketingSettings,
    MarketingSettingsDefaults,
    Media,
    MediaWrapper,
    PlanGoal,
    PlanGoalOption,
    PlanMarketingActivity,
    PlanStatus,
    PointOfView,
    PointOfViewOption,
    PostContent,
    PostItem,
    ScheduleDraftsResponse,
    SchedulingInfo,
    Settings,
    SocialMarketingPlan,
    TokenStatus,
)

START = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)

CONNECTED = (ChannelName.FACEBOOK, ChannelName.INSTAGRAM)


def make_item(
    item_id: str,
    channel: ChannelName = ChannelName.FACEBOOK,
    status: ItemStatus = ItemStatus.DRAFT,
    caption: str = "Hello",
) -> PostItem:
    """A post item with a caption."""
    return PostItem(
        id=item_id,
        channel=Channel(name=channel),
        status=status,
        facebook_post=PostContent(caption=caption),
    )


def make_story(item_id: str, channel: ChannelName = ChannelName.INSTAGRAM) -> PostItem:
    """A story draft with one frame."""
    return PostItem(
        id=item_id,
        channel=Channel(name=channel),
        type=ItemType.STORY,
        instagram_story=PostContent(
            media_wrapper=MediaWrapper(media=(Media(url=f"https://img.test/{item_id}.png"),))
        ),
    )


def make_activity(
    activity_id: str,
    when: datetime = START + timedelta(days=1),
    title: str | None = None,
    items: tuple[PostItem, ...] = (),
) -> PlanMarketingActivity:
    """A plan activity."""
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=when,
        title=title or f"Activity {activity_id}",
        description="",
        items=items,
    )


class FakeApi:
    """Both clients in one: the methods the engine calls, over in-memory state."""

    def __init__(self) -> None:
        self.status = PlanStatus.ACTIVE
        self.activities: dict[str, PlanMarketingActivity] = {}
        self.events: list[CalendarEvent] = [
            CalendarEvent(id="ev1", name="Summer sale", date=START + timedelta(days=3))
        ]
        self.settings = MarketingSettings(id="s1", settings=Settings(tone_of_voice="warm"))
        self.connections = {
            channel: TokenStatus.VALID if channel in CONNECTED else TokenStatus.NEVER_CREATED
            for channel in PLAN_CHANNELS
        }
        self.calls: list[str] = []
        self.arguments: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self.failures: dict[str, list[ApiError | None]] = defaultdict(list)
        self.gates: dict[str, asyncio.Event] = {}
        self.plan_hides_stories = False
        """Whether the plan answer leaves stories out (only GetMarketingActivityPosts has them),
        as the documented shape does."""
        self.activity_types: dict[str, MarketingActivityType] = {}
        """Types QueryMarketingActivities answers (social unless set)."""
        self.pending_posts: dict[str, tuple[PostItem, ...]] = {}
        """Posts that appear on the next read after GenerateSocialPosts."""
        self.other_posts: dict[str, PostItem] = {}
        """Posts outside the plan (made on the dashboard, imported): only Query Items has them."""
        self.deleted: set[str] = set()
        self.update_answers_item = True
        """Whether Update Item answers with the item (else ``None``, as for ``{}``)."""
        self.next_id = 100

    # -- test controls -------------------------------------------------------------------

    def fail(self, method: str, error: ApiError, times: int = 1, after: int = 0) -> None:
        """Make ``times`` calls of ``method`` raise ``error``, once ``after`` calls worked."""
        self.failures[method].extend([None] * after + [error] * times)

    def hold(self, method: str) -> asyncio.Event:
        """Make ``method`` wait until the returned event is set."""
        gate = asyncio.Event()
        self.gates[method] = gate
        return gate

    def count(self, method: str) -> int:
        """How many times ``method`` was called."""
        return self.calls.count(method)

    async def _enter(self, method: str, *args: Any) -> None:
        self.calls.append(method)
        self.arguments[method].append(args)
        gate = self.gates.get(method)
        if gate is not None:
            await gate.wait()
        if self.failures[method]:
            failure = self.failures[method].pop(0)
            if failure is not None:
                raise failure

    def _plan(self) -> SocialMarketingPlan:
        activities = () if self.status != PlanStatus.ACTIVE else tuple(self.activities.values())
        if self.plan_hides_stories:
            activities = tuple(
                activity.model_copy(update={"items": activity.posts}) for activity in activities
            )
        return SocialMarketingPlan(status=self.status, marketing_activities=activities)

    # -- reads -----------------------------------------------------------------------------

    async def get_social_marketing_plan(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> SocialMarketingPlan:
        await self._enter("get_social_marketing_plan", start, end)
        return self._plan()

    async def get_marketing_activity_posts(self, ids: Any) -> ActivityPostsResponse:
        ids = tuple(ids)
        await self._enter("get_marketing_activity_posts", ids)
        for activity_id in ids:
            if activity_id in self.pending_posts and activity_id in self.activities:
                items = self.pending_posts.pop(activity_id)
                self.activities[activity_id] = self.activities[activity_id].model_copy(
                    update={"items": items}
                )
        return ActivityPostsResponse(
            marketing_activities=tuple(
                ActivityPosts(marketing_activity_id=a, items=self.activities[a].items)
                for a in ids
                if a in self.activities
            )
        )

    async def query_marketing_activities(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        activity_type: MarketingActivityType | None = None,
        ids: Any = None,
    ) -> tuple[MarketingActivity, ...]:
        await self._enter("query_marketing_activities", start, end, ids)
        wanted = set(ids) if ids is not None else None
        return tuple(
            MarketingActivity(
                id=activity.id,
                title=activity.title,
                description=activity.description,
                target_date=activity.date,
                marketing_activity_type=self.activity_types.get(
                    activity.id, MarketingActivityType.SOCIAL_MARKETING
                ),
            )
            for activity in self.activities.values()
            if (wanted is None or activity.id in wanted)
            and (start is None or activity.date >= start)
            and (end is None or activity.date <= end)
        )

    async def query_events(self, start: datetime, end: datetime) -> tuple[CalendarEvent, ...]:
        await self._enter("query_events", start, end)
        return tuple(self.events)

    async def get_marketing_settings(self) -> MarketingSettings:
        await self._enter("get_marketing_settings")
        return self.settings

    async def get_plan_goal_options(self) -> tuple[PlanGoalOption, ...]:
        await self._enter("get_plan_goal_options")
        return (PlanGoalOption(plan_goal_key=PlanGoal.BOOST_SALES),)

    async def get_point_of_view_options(self) -> tuple[PointOfViewOption, ...]:
        await self._enter("get_point_of_view_options")
        return (PointOfViewOption(point_of_view=PointOfView.FIRST_PERSON),)

    async def get_calendar_options(self) -> tuple[CalendarOption, ...]:
        await self._enter("get_calendar_options")
        return (CalendarOption(id="cal1", name="Holidays"),)

    async def get_marketing_settings_defaults(self) -> MarketingSettingsDefaults:
        await self._enter("get_marketing_settings_defaults")
        return MarketingSettingsDefaults()

    async def get_token_status(self, channel: ChannelName) -> TokenStatus:
        await self._enter("get_token_status", channel)
        return self.connections[channel]

    async def get_feature_data(self) -> FeatureDataResponse:
        await self._enter("get_feature_data")
        return FeatureDataResponse(
            features=(Feature(type=FeatureType.SCHEDULE_POST, enabled=True),)
        )

    def _all_posts(self) -> dict[str, PostItem]:
        posts = {e.id: e for a in self.activities.values() for e in a.items}
        posts.update(self.other_posts)
        return posts

    async def query_items(
        self,
        query: ItemQuery | None = None,
        *,
        page_size: int = 100,
        max_items: int = 1000,
        known: Mapping[str, PostItem] | None = None,
    ) -> ItemsQueryResult:
        await self._enter("query_items", query, max_items)
        posts = list(self._all_posts().values())
        return ItemsQueryResult(tuple(posts[:max_items]), complete=len(posts) <= max_items)

    async def get_item(self, item_id: str) -> PostItem:
        await self._enter("get_item", item_id)
        found = self._all_posts().get(item_id)
        if found is None:
            raise NotFoundError("No such item", status=404, application_code="ITEM_NOT_EXISTS")
        return found

    def _editable(self, item_id: str) -> PostItem:
        if item_id in self.deleted:
            raise FailedPreconditionError(
                "Item is deleted", status=428, application_code="ITEM_IS_DELETED"
            )
        found = self._all_posts().get(item_id)
        if found is None:
            raise NotFoundError("No such item", status=404, application_code="ITEM_NOT_EXISTS")
        if found.status not in (ItemStatus.DRAFT, ItemStatus.SCHEDULED):
            raise FailedPreconditionError(
                "Item is published", status=428, application_code="ITEM_IS_PUBLISHED"
            )
        return found

    async def update_item_text(self, entry: PostItem, text: str) -> PostItem | None:
        await self._enter("update_item_text", entry.id, text)
        self._editable(entry.id)
        changed = self._edit_post(entry.id, lambda e: e.with_text(text))
        return changed if self.update_answers_item else None

    async def delete_item(self, item_id: str) -> None:
        await self._enter("delete_item", item_id)
        self._editable(item_id)
        self.deleted.add(item_id)
        self.other_posts.pop(item_id, None)
        for key, activity in self.activities.items():
            kept = tuple(e for e in activity.items if e.id != item_id)
            if len(kept) != len(activity.items):
                self.activities[key] = activity.model_copy(update={"items": kept})

    def _edit_post(self, item_id: str, edit: Callable[[PostItem], PostItem]) -> PostItem | None:
        if item_id in self.other_posts:
            self.other_posts[item_id] = edit(self.other_posts[item_id])
            return self.other_posts[item_id]
        return self._edit_item(item_id, edit)

    # -- writes ----------------------------------------------------------------------------

    async def generate_marketing_plan(self) -> PlanStatus:
        await self._enter("generate_marketing_plan")
        self.status = PlanStatus.GENERATING
        return self.status

    async def regenerate_marketing_plan(self) -> PlanStatus:
        await self._enter("regenerate_marketing_plan")
        self.status = PlanStatus.GENERATING
        return self.status

    async def regenerate_marketing_plan_with_keyword_research(self) -> PlanStatus:
        await self._enter("regenerate_marketing_plan_with_keyword_research")
        self.status = PlanStatus.GENERATING
        return self.status

    async def delete_marketing_plan(self) -> None:
        await self._enter("delete_marketing_plan")
        self.status = PlanStatus.NEVER_CREATED
        self.activities.clear()

    async def generate_social_posts(self, ids: Any) -> None:
        await self._enter("generate_social_posts", tuple(ids))

    async def regenerate_marketing_activity_posts(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        await self._enter("regenerate_marketing_activity_posts", activity_id)
        return ActivitySnapshotResponse()

    async def regenerate_marketing_activity_posts_media(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        await self._enter("regenerate_marketing_activity_posts_media", activity_id)
        return ActivitySnapshotResponse()

    async def regenerate_marketing_activity_stories(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        await self._enter("regenerate_marketing_activity_stories", activity_id)
        return ActivitySnapshotResponse()

    async def update_marketing_activity_posts_media(
        self, activity_id: str, media_url: str
    ) -> ActivitySnapshotResponse:
        await self._enter("update_marketing_activity_posts_media", activity_id, media_url)
        wrapper = MediaWrapper(media=(Media(url=media_url),))

        def new_image(entry: PostItem) -> PostItem:
            key = entry.content_key
            if entry.is_story or key is None:
                return entry
            return entry.model_copy(
                update={key: entry.content.model_copy(update={"media_wrapper": wrapper})}
            )

        self._edit_items(activity_id, new_image)
        return ActivitySnapshotResponse()

    async def clear_marketing_activity_posts(self, activity_id: str) -> None:
        await self._enter("clear_marketing_activity_posts", activity_id)
        self._drop_drafts(activity_id, stories=False)

    async def clear_marketing_activity_stories(self, activity_id: str) -> None:
        await self._enter("clear_marketing_activity_stories", activity_id)
        self._drop_drafts(activity_id, stories=True)

    async def reschedule_item(self, item_id: str, when: datetime) -> PostItem | None:
        await self._enter("reschedule_item", item_id, when)
        info = SchedulingInfo(scheduled_date=when)
        return self._edit_item(item_id, lambda e: e.model_copy(update={"scheduling_info": info}))

    async def cancel_scheduled_item(self, item_id: str) -> PostItem | None:
        await self._enter("cancel_scheduled_item", item_id)
        self._edit_item(item_id, lambda e: e.model_copy(update={"status": ItemStatus.CANCELED}))
        # The contract's example answers with the id and status only: a partial item.
        return None

    async def schedule_drafts(self, ids: Any) -> ScheduleDraftsResponse:
        ids = tuple(ids)
        await self._enter("schedule_drafts", ids)
        scheduled: list[PostItem] = []
        for key, activity in self.activities.items():
            items = []
            for entry in activity.items:
                if (
                    entry.id in ids
                    and entry.status == ItemStatus.DRAFT
                    and self.connections[entry.channel.name] == TokenStatus.VALID
                ):
                    entry = entry.model_copy(update={"status": ItemStatus.SCHEDULED})
                    scheduled.append(entry)
                items.append(entry)
            self.activities[key] = activity.model_copy(update={"items": tuple(items)})
        return ScheduleDraftsResponse(items=tuple(scheduled))

    async def delete_plan_marketing_activity(self, activity_id: str) -> None:
        await self._enter("delete_plan_marketing_activity", activity_id)
        self.activities.pop(activity_id, None)

    async def create_marketing_activity(self, activity: MarketingActivity) -> MarketingActivity:
        await self._enter("create_marketing_activity", activity)
        self.next_id += 1
        created = activity.model_copy(update={"id": f"a{self.next_id}"})
        assert created.id is not None
        assert created.target_date is not None
        self.activities[created.id] = make_activity(
            created.id, created.target_date, created.title
        ).model_copy(update={"description": created.description or ""})
        return created

    async def update_marketing_activity(
        self, activity: MarketingActivity, field_mask: Any
    ) -> MarketingActivity:
        if not field_mask:
            raise ValueError("Name at least one field to update")
        await self._enter("update_marketing_activity", activity, tuple(field_mask))
        assert activity.id is not None
        current = self.activities[activity.id]
        changes = {
            "title": activity.title,
            "description": activity.description,
            "date": activity.target_date,
        }
        wire = {"title": "title", "description": "description", "targetDate": "date"}
        update = {wire[path]: changes[wire[path]] for path in field_mask}
        self.activities[activity.id] = current.model_copy(update=update)
        now = self.activities[activity.id]
        return MarketingActivity(
            id=now.id, title=now.title, description=now.description, target_date=now.date
        )

    async def create_event(self, event: CalendarEvent) -> CalendarEvent:
        await self._enter("create_event", event)
        self.next_id += 1
        created = event.model_copy(update={"id": f"ev{self.next_id}"})
        self.events.append(created)
        return created

    async def update_event(self, event: CalendarEvent) -> CalendarEvent:
        await self._enter("update_event", event)
        self.events = [event if e.id == event.id else e for e in self.events]
        return event

    async def delete_event(self, event_id: str) -> None:
        await self._enter("delete_event", event_id)
        self.events = [e for e in self.events if e.id != event_id]

    async def upsert_marketing_settings(
        self, settings: MarketingSettings, field_mask: Any
    ) -> MarketingSettings:
        await self._enter("upsert_marketing_settings", settings, tuple(field_mask))
        saved = self.settings.model_dump(by_alias=True, exclude_none=True)
        sent = settings.model_dump(by_alias=True, exclude_none=True)
        for path in field_mask:
            # Only top-level sections and their direct fields: all these tests mask.
            section, _, name = path.partition(".")
            value = sent.get(section, {}).get(name) if name else sent.get(section)
            target = saved.setdefault(section, {}) if name else saved
            key = name or section
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
        self.settings = MarketingSettings.model_validate(saved)
        return self.settings

    # -- state edits ---------------------------------------------------------------------------

    def _edit_items(self, activity_id: str, edit: Callable[[PostItem], PostItem]) -> None:
        activity = self.activities[activity_id]
        items = tuple(edit(entry) for entry in activity.items)
        self.activities[activity_id] = activity.model_copy(update={"items": items})

    def _edit_item(self, item_id: str, edit: Callable[[PostItem], PostItem]) -> PostItem | None:
        for activity_id, activity in self.activities.items():
            if any(entry.id == item_id for entry in activity.items):
                self._edit_items(activity_id, lambda e: edit(e) if e.id == item_id else e)
                return next(e for e in self.activities[activity_id].items if e.id == item_id)
        return None

    def _drop_drafts(self, activity_id: str, *, stories: bool) -> None:
        activity = self.activities[activity_id]
        kept = tuple(
            entry
            for entry in activity.items
            if entry.is_story != stories or entry.status != ItemStatus.DRAFT
        )
        self.activities[activity_id] = activity.model_copy(update={"items": kept})


async def settle(max_turns: int = 1000) -> None:
    """Let every other task run until all of them wait (on the clock, an event, a reply).

    Fails after ``max_turns`` turns of the event loop with work still ready: a task that
    never waits would otherwise make every assertion after this a matter of luck.
    """
    loop = asyncio.get_running_loop()
    for _ in range(max_turns):
        await asyncio.sleep(0)
        if not _ready_callbacks(loop):
            return
    raise AssertionError(
        f"the event loop still had work ready after {max_turns} turns: some task never waits"
    )


def _ready_callbacks(loop: asyncio.AbstractEventLoop) -> int:
    """How many callbacks wait for their turn, this task's next step excepted.

    asyncio has no public count of them; CPython's loops keep them in ``_ready``.
    """
    ready = getattr(loop, "_ready", None)
    if ready is None:
        raise RuntimeError(f"settle() needs asyncio's own event loop, not {type(loop).__name__}")
    return len(ready)

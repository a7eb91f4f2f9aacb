"""Every command, through the engine and the real clients, against the fake API on the wire.

One case per member of the :data:`Command` union (a test fails when a command has none):
what it puts on the wire (verb, path, body), how the plan looks while the server has not
answered, once it has, and after the server refused it (rolled back, nothing lost).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, get_args

import pytest

from tests.sync.fake_wire import PLAN, PUBLISHER, FakeWire, Sent, wire_clients
from tests.sync.sync_fakes import START, FakeApi, make_activity, make_item, settle
from tui_planner.api.errors import FailedPreconditionError
from tui_planner.api.models import (
    CalendarEvent,
    ChannelName,
    ItemStatus,
    ItemType,
    MarketingActivityType,
    MarketingSettings,
    Media,
    MediaWrapper,
    PlanStatus,
    PostItem,
    SchedulingInfo,
    Settings,
)
from tui_planner.clock import ManualClock
from tui_planner.store import PlannerState, Store
from tui_planner.store.selectors import item
from tui_planner.sync import (
    CancelItem,
    ClearPosts,
    ClearStories,
    Command,
    CreateActivity,
    CreateEvent,
    DeleteActivity,
    DeleteEvent,
    DeleteItem,
    DeletePlan,
    GeneratePlan,
    GeneratePosts,
    PollPolicy,
    RegeneratePlan,
    RegeneratePlanWithResearch,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
    RescheduleItem,
    ScheduleDrafts,
    SyncEngine,
    UpdateActivity,
    UpdateEvent,
    UpdateItemCaption,
    UpdatePostsMedia,
    UpsertSettings,
)

SCHEDULED_AT = START + timedelta(days=2)
MOVED_TO = START + timedelta(days=3, hours=4)
NEW_IMAGE = "https://static.example/new.png"
OLD_IMAGE = "https://static.example/old.png"
OPEN_DAY = START + timedelta(days=4)
LAUNCH = START + timedelta(days=9)


def story(item_id: str) -> PostItem:
    """An Instagram story draft with one frame."""
    frame = MediaWrapper(media=(Media(url="https://static.example/frame.png"),))
    return PostItem.model_validate(
        {
            "id": item_id,
            "channel": {"name": "INSTAGRAM"},
            "type": ItemType.STORY.value,
            "instagramStory": {"mediaWrapper": frame.to_wire()},
        }
    )


def pictured(entry: PostItem) -> PostItem:
    """``entry`` with OLD_IMAGE as its picture."""
    wrapper = MediaWrapper(media=(Media(url=OLD_IMAGE),))
    key = entry.content_key
    assert key is not None
    return entry.model_copy(
        update={key: entry.content.model_copy(update={"media_wrapper": wrapper})}
    )


@pytest.fixture
def wired_api() -> FakeApi:
    """a1 has a draft on three channels and a story; a2 has a scheduled post; a3 nothing."""
    fake = FakeApi()
    fake.activities = {
        "a1": make_activity(
            "a1",
            items=(
                pictured(make_item("fb1", ChannelName.FACEBOOK)),
                pictured(make_item("ig1", ChannelName.INSTAGRAM)),
                pictured(make_item("li1", ChannelName.LINKEDIN)),
                story("st1"),
            ),
        ),
        "a2": make_activity(
            "a2",
            START + timedelta(days=2),
            items=(
                make_item("fb2", ChannelName.FACEBOOK, ItemStatus.SCHEDULED).model_copy(
                    update={"scheduling_info": SchedulingInfo(scheduled_date=SCHEDULED_AT)}
                ),
            ),
        ),
        "a3": make_activity("a3", START + timedelta(days=5)),
    }
    return fake


@pytest.fixture
async def wired(
    wired_api: FakeApi, clock: ManualClock
) -> AsyncIterator[tuple[SyncEngine, Store, FakeWire]]:
    """An engine on the real clients, whose requests land in ``wired_api``; loaded once."""
    wire = FakeWire(wired_api)
    http, plan, publisher = wire_clients(wire, clock)
    store = Store()
    engine = SyncEngine(store, plan, publisher, clock, PollPolicy(), rng=random.Random(1))
    async with http:
        await engine.run_once()
        assert store.state.loaded
        wire.sent.clear()
        yield engine, store, wire


# -- what a case looks at ------------------------------------------------------------------


def statuses(*item_ids: str) -> Callable[[PlannerState], object]:
    def view(state: PlannerState) -> object:
        found = [item(state, item_id) for item_id in item_ids]
        return tuple(entry[1].status if entry else None for entry in found)

    return view


def items_of(activity_id: str) -> Callable[[PlannerState], object]:
    return lambda state: tuple(e.id for e in state.activities[activity_id].items)


def images_of(activity_id: str) -> Callable[[PlannerState], object]:
    return lambda state: tuple(e.image for e in state.activities[activity_id].posts)


def scheduled_date_of(item_id: str) -> Callable[[PlannerState], object]:
    def view(state: PlannerState) -> object:
        found = item(state, item_id)
        return found[1].scheduled_date if found else None

    return view


def caption_everywhere(item_id: str) -> Callable[[PlannerState], object]:
    """The post's caption in the plan and among the site's posts (the same, or both gone)."""

    def view(state: PlannerState) -> object:
        found = item(state, item_id)
        posted = state.site_posts.items.get(item_id)
        return (found[1].text if found else None, posted.text if posted else None)

    return view


def plan_status(state: PlannerState) -> object:
    return state.plan_status


def plan_and_activities(state: PlannerState) -> object:
    return state.plan_status, tuple(sorted(state.activities))


def posts_generating(state: PlannerState) -> object:
    return state.posts_generating


def titles(state: PlannerState) -> object:
    return tuple(sorted((a.id, a.title) for a in state.activities.values()))


def events(state: PlannerState) -> object:
    return tuple((e.id, e.name) for e in state.events)


def tone(state: PlannerState) -> object:
    assert state.settings is not None
    return state.settings.settings.tone_of_voice


@dataclass(frozen=True)
class Case:
    """One command: its requests, and a view of the plan before, while pending and after."""

    command: Command
    requests: tuple[Sent, ...]
    view: Callable[[PlannerState], object]
    before: object
    shown: object
    """While the command is pending (its optimistic change)."""
    confirmed: object
    """Once the server has answered."""
    reads_back_after_refusal: bool = False
    """Whether a refusal is followed by a read of what stands (ScheduleDrafts, in batches)."""

    @property
    def id(self) -> str:
        return type(self.command).__name__


def _posts_read(*activity_ids: str) -> Sent:
    return Sent(
        "POST", f"{PLAN}/marketing-activity-posts", {"marketingActivityIds": [*activity_ids]}
    )


A1_ITEMS = ("fb1", "ig1", "li1", "st1")
TITLES = (("a1", "Activity a1"), ("a2", "Activity a2"), ("a3", "Activity a3"))
GENERATING = PlanStatus.GENERATING
ACTIVE = PlanStatus.ACTIVE

CASES = (
    Case(
        GeneratePlan(),
        (Sent("POST", f"{PLAN}/marketing-plan/generate-marketing-plan", {}),),
        plan_status,
        ACTIVE,
        GENERATING,
        GENERATING,
    ),
    Case(
        RegeneratePlan(),
        (Sent("POST", f"{PLAN}/marketing-plan/regenerate-marketing-plan", {}),),
        plan_status,
        ACTIVE,
        GENERATING,
        GENERATING,
    ),
    Case(
        RegeneratePlanWithResearch(),
        (
            Sent(
                "POST", f"{PLAN}/marketing-plan/regenerate-marketing-plan-with-keyword-research", {}
            ),
        ),
        plan_status,
        ACTIVE,
        GENERATING,
        GENERATING,
    ),
    Case(
        DeletePlan(),
        (Sent("DELETE", f"{PLAN}/marketing-plan"),),
        plan_and_activities,
        (ACTIVE, ("a1", "a2", "a3")),
        (PlanStatus.NEVER_CREATED, ()),
        (PlanStatus.NEVER_CREATED, ()),
    ),
    Case(
        GeneratePosts(("a3",)),
        (
            Sent(
                "POST",
                f"{PLAN}/marketing-plan/generate-social-posts",
                {"marketingActivityIds": ["a3"]},
            ),
        ),
        posts_generating,
        frozenset(),
        frozenset(),
        frozenset({"a3"}),
    ),
    Case(
        RegeneratePosts("a1"),
        (
            Sent(
                "POST",
                f"{PLAN}/marketing-plan/regenerate-marketing-activity-posts",
                {"marketingActivityId": "a1"},
            ),
        ),
        posts_generating,
        frozenset(),
        frozenset(),
        frozenset({"a1"}),
    ),
    Case(
        RegeneratePostsMedia("a1"),
        (
            Sent(
                "POST",
                f"{PLAN}/marketing-plan/regenerate-marketing-activity-posts-media",
                {"marketingActivityId": "a1"},
            ),
        ),
        posts_generating,
        frozenset(),
        frozenset(),
        frozenset({"a1"}),
    ),
    Case(
        UpdatePostsMedia("a1", NEW_IMAGE),
        (
            Sent(
                "PATCH",
                f"{PLAN}/marketing-plan/update-marketing-activity-posts-media",
                {"marketingActivityId": "a1", "mediaUrl": NEW_IMAGE},
            ),
            _posts_read("a1"),
        ),
        images_of("a1"),
        (OLD_IMAGE,) * 3,
        (NEW_IMAGE,) * 3,
        (NEW_IMAGE,) * 3,
    ),
    Case(
        ClearPosts("a1"),
        (
            Sent(
                "PATCH",
                f"{PLAN}/marketing-plan/clear-marketing-activity-posts",
                {"marketingActivityId": "a1"},
            ),
            _posts_read("a1"),
        ),
        items_of("a1"),
        A1_ITEMS,
        ("st1",),
        ("st1",),
    ),
    Case(
        RegenerateStories("a1"),
        (
            Sent(
                "POST",
                f"{PLAN}/marketing-plan/regenerate-marketing-activity-stories",
                {"marketingActivityId": "a1"},
            ),
        ),
        posts_generating,
        frozenset(),
        frozenset(),
        frozenset({"a1"}),
    ),
    Case(
        ClearStories("a1"),
        (
            Sent(
                "PATCH",
                f"{PLAN}/marketing-plan/clear-marketing-activity-stories",
                {"marketingActivityId": "a1"},
            ),
            _posts_read("a1"),
        ),
        items_of("a1"),
        A1_ITEMS,
        ("fb1", "ig1", "li1"),
        ("fb1", "ig1", "li1"),
    ),
    Case(
        ScheduleDrafts(("fb1", "li1")),
        (
            Sent("POST", f"{PLAN}/marketing-plan/schedule-drafts", {"draftIds": ["fb1", "li1"]}),
            _posts_read("a1"),
        ),
        statuses("fb1", "li1"),
        (ItemStatus.DRAFT, ItemStatus.DRAFT),
        (ItemStatus.SCHEDULED, ItemStatus.SCHEDULED),
        (ItemStatus.SCHEDULED, ItemStatus.DRAFT),
        reads_back_after_refusal=True,
    ),
    Case(
        RescheduleItem("fb2", MOVED_TO),
        (
            Sent(
                "POST",
                f"{PUBLISHER}/items/fb2/reschedule",
                {"scheduledDate": "2026-07-04T13:00:00.000Z"},
            ),
        ),
        scheduled_date_of("fb2"),
        SCHEDULED_AT,
        MOVED_TO,
        MOVED_TO,
    ),
    Case(
        CancelItem("fb2"),
        (Sent("PATCH", f"{PUBLISHER}/items/fb2/cancel", {}), _posts_read("a2")),
        statuses("fb2"),
        (ItemStatus.SCHEDULED,),
        (ItemStatus.CANCELED,),
        (ItemStatus.CANCELED,),
    ),
    Case(
        UpdateItemCaption("fb2", "Now with a discount"),
        (
            Sent(
                "PATCH",
                f"{PUBLISHER}/items/fb2",
                {"item": {"facebookPost": {"caption": "Now with a discount"}, "id": "fb2"}},
            ),
        ),
        caption_everywhere("fb2"),
        ("Hello", "Hello"),
        ("Now with a discount", "Now with a discount"),
        ("Now with a discount", "Now with a discount"),
    ),
    Case(
        DeleteItem("fb1"),
        (Sent("DELETE", f"{PUBLISHER}/items/fb1"),),
        caption_everywhere("fb1"),
        ("Hello", "Hello"),
        (None, None),
        (None, None),
    ),
    Case(
        CreateActivity("Open day", "Come and see", OPEN_DAY, MarketingActivityType.BLOG),
        (
            Sent(
                "POST",
                f"{PLAN}/items",
                {
                    "marketingActivity": {
                        "title": "Open day",
                        "description": "Come and see",
                        "targetDate": "2026-07-05T09:00:00.000Z",
                        "marketingActivityType": "BLOG",
                    }
                },
            ),
        ),
        titles,
        TITLES,
        (*TITLES, ("local-1", "Open day")),
        (TITLES[0], ("a101", "Open day"), *TITLES[1:]),
    ),
    Case(
        UpdateActivity("a2", title="Launch week"),
        (
            Sent(
                "PATCH",
                f"{PLAN}/items/a2",
                {"marketingActivity": {"id": "a2", "title": "Launch week"}, "fieldMask": "title"},
            ),
        ),
        titles,
        TITLES,
        (("a1", "Activity a1"), ("a2", "Launch week"), ("a3", "Activity a3")),
        (("a1", "Activity a1"), ("a2", "Launch week"), ("a3", "Activity a3")),
    ),
    Case(
        DeleteActivity("a2"),
        (Sent("DELETE", f"{PLAN}/marketing-plan/plan-marketing-activity?id=a2"),),
        titles,
        TITLES,
        (("a1", "Activity a1"), ("a3", "Activity a3")),
        (("a1", "Activity a1"), ("a3", "Activity a3")),
    ),
    Case(
        CreateEvent(CalendarEvent(name="Launch", date=LAUNCH)),
        (
            Sent(
                "POST",
                f"{PLAN}/events",
                {"calendarEvent": {"name": "Launch", "date": "2026-07-10T09:00:00.000Z"}},
            ),
        ),
        events,
        (("ev1", "Summer sale"),),
        (("ev1", "Summer sale"), ("local-1", "Launch")),
        (("ev1", "Summer sale"), ("ev101", "Launch")),
    ),
    Case(
        UpdateEvent(CalendarEvent(id="ev1", name="Winter sale", date=LAUNCH)),
        (
            Sent(
                "PUT",
                f"{PLAN}/events/ev1",
                {"event": {"id": "ev1", "name": "Winter sale", "date": "2026-07-10T09:00:00.000Z"}},
            ),
        ),
        events,
        (("ev1", "Summer sale"),),
        (("ev1", "Winter sale"),),
        (("ev1", "Winter sale"),),
    ),
    Case(
        DeleteEvent("ev1"),
        (Sent("DELETE", f"{PLAN}/events/ev1"),),
        events,
        (("ev1", "Summer sale"),),
        (),
        (),
    ),
    Case(
        UpsertSettings(
            MarketingSettings(settings=Settings(tone_of_voice="bold")), ("settings.toneOfVoice",)
        ),
        (
            Sent(
                "POST",
                f"{PLAN}/marketing-settings",
                {
                    "marketingSettings": {"settings": {"toneOfVoice": "bold"}},
                    "fieldMask": "settings.toneOfVoice",
                },
            ),
        ),
        tone,
        "warm",
        "bold",
        "bold",
    ),
)


def test_every_command_has_a_case() -> None:
    assert sorted(case.id for case in CASES) == sorted(kind.__name__ for kind in get_args(Command))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_command_sends_its_requests_shows_at_once_and_confirms(
    case: Case, wired: tuple[SyncEngine, Store, FakeWire]
) -> None:
    engine, store, wire = wired
    assert case.view(store.state) == case.before
    gate = wire.hold()

    running = asyncio.create_task(engine.execute(case.command))
    await settle()
    assert case.view(store.state) == case.shown, "the optimistic change, before any answer"
    assert [p.description for p in store.state.pending] == [case.command.describe()]
    gate.set()
    outcome = await running

    assert outcome.ok, outcome.message
    assert tuple(wire.sent) == case.requests
    assert case.view(store.state) == case.confirmed
    assert store.state.pending == ()
    assert store.state.last_error is None


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_command_refused_by_the_server_rolls_back(
    case: Case, wired: tuple[SyncEngine, Store, FakeWire], wired_api: FakeApi
) -> None:
    engine, store, wire = wired
    before = _plan_as_shown(store.state)
    wire.refuse_next(FailedPreconditionError("Not now", status=428, application_code="BUSY"))

    outcome = await engine.execute(case.command)

    assert not outcome.ok
    assert outcome.error is not None
    assert outcome.error.application_code == "BUSY"
    assert outcome.message.endswith(": Not now (FAILED_PRECONDITION, BUSY)")
    assert store.state.last_error == outcome.message
    if case.reads_back_after_refusal:
        assert tuple(wire.sent) == case.requests, "the refusal is checked against a read"
    else:
        assert tuple(wire.sent) == case.requests[:1], "nothing after the refused request"
    assert case.view(store.state) == case.before
    assert _plan_as_shown(store.state) == before
    assert store.state.pending == ()


def _plan_as_shown(state: PlannerState) -> dict[str, Any]:
    return {
        "status": state.plan_status,
        "activities": dict(state.activities),
        "events": state.events,
        "settings": state.settings,
        "posts_generating": state.posts_generating,
    }

"""Fuzzing every answer the clients read: a result or a typed ``ApiError``, nothing else.

Each client method gets answers built from its documented example: the example itself, the
example with keys dropped, values swapped for any JSON, types flipped and unknown keys added,
any JSON at all, bodies that are not JSON, JSON nested 100,000 deep, under every status the
API uses. Whatever comes back, the method returns or raises an :class:`ApiError`; a raw
``ValidationError``, ``KeyError``, ``TypeError`` or ``RecursionError`` past the client is a bug.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.api.test_client_activity_methods import CREATED_EXAMPLE as ACTIVITY_CREATED
from tests.api.test_client_activity_methods import QUERY_EXAMPLE as ACTIVITY_QUERY
from tests.api.test_client_activity_methods import UPDATED_EXAMPLE as ACTIVITY_UPDATED
from tests.api.test_client_event_methods import CREATED_EXAMPLE as EVENT_CREATED
from tests.api.test_client_event_methods import QUERY_EXAMPLE as EVENT_QUERY
from tests.api.test_client_event_methods import UPDATED_EXAMPLE as EVENT_UPDATED
from tests.api.test_client_plan_methods import (
    PLAN_EXAMPLE,
    POSTS_EXAMPLE,
    SCHEDULE_EXAMPLE,
    SNAPSHOT_EXAMPLE,
)
from tests.api.test_client_publisher_methods import ACCOUNTS_EXAMPLE, FEATURES_EXAMPLE, FULL_ITEM
from tests.api.test_client_settings_methods import GET_EXAMPLE as SETTINGS_GET
from tests.api.test_client_settings_methods import UPSERT_RESPONSE_EXAMPLE as SETTINGS_UPSERT
from tests.api.wix_double import API_KEY, BASE, SITE_ID
from tui_planner.api import ApiError, MarketingPlanClient, PublisherClient
from tui_planner.api.models import (
    CalendarEvent,
    ChannelName,
    MarketingActivity,
    MarketingSettings,
    PostItem,
)
from tui_planner.clock import ManualClock

DAY = datetime(2026, 7, 8, 9, 0, tzinfo=UTC)
FUZZ = settings(max_examples=100, deadline=None)

Clients = tuple[MarketingPlanClient, PublisherClient]
Call = Callable[[Clients], Awaitable[object]]

ITEM = FULL_ITEM["item"]
STATUS = {"status": "GENERATING"}


async def _all_pages(clients: Clients) -> None:
    async for _page in clients[1].query_item_pages():
        pass


# Every method that reads an answer, with the documented (or sandbox-shaped) example of it.
CALLS: dict[str, tuple[Call, Any]] = {
    "GenerateMarketingPlan": (lambda c: c[0].generate_marketing_plan(), STATUS),
    "RegenerateMarketingPlan": (lambda c: c[0].regenerate_marketing_plan(), STATUS),
    "RegenerateWithResearch": (
        lambda c: c[0].regenerate_marketing_plan_with_keyword_research(),
        STATUS,
    ),
    "GetSocialMarketingPlan": (lambda c: c[0].get_social_marketing_plan(DAY, DAY), PLAN_EXAMPLE),
    "DeleteMarketingPlan": (lambda c: c[0].delete_marketing_plan(), {}),
    "DeletePlanMarketingActivity": (lambda c: c[0].delete_plan_marketing_activity("a1"), {}),
    "GenerateSocialPosts": (lambda c: c[0].generate_social_posts(["a1"]), {}),
    "GetMarketingActivityPosts": (
        lambda c: c[0].get_marketing_activity_posts(["a1"]),
        POSTS_EXAMPLE,
    ),
    "ScheduleDrafts": (lambda c: c[0].schedule_drafts(["d1"]), SCHEDULE_EXAMPLE),
    "RegeneratePosts": (
        lambda c: c[0].regenerate_marketing_activity_posts("a1"),
        SNAPSHOT_EXAMPLE,
    ),
    "RegeneratePostsMedia": (
        lambda c: c[0].regenerate_marketing_activity_posts_media("a1"),
        SNAPSHOT_EXAMPLE,
    ),
    "UpdatePostsMedia": (
        lambda c: c[0].update_marketing_activity_posts_media("a1", "https://x.test/a.png"),
        SNAPSHOT_EXAMPLE,
    ),
    "ClearPosts": (lambda c: c[0].clear_marketing_activity_posts("a1"), SNAPSHOT_EXAMPLE),
    "RegenerateStories": (
        lambda c: c[0].regenerate_marketing_activity_stories("a1"),
        SNAPSHOT_EXAMPLE,
    ),
    "ClearStories": (lambda c: c[0].clear_marketing_activity_stories("a1"), SNAPSHOT_EXAMPLE),
    "CreateMarketingActivity": (
        lambda c: c[0].create_marketing_activity(MarketingActivity(title="t", description="d")),
        ACTIVITY_CREATED,
    ),
    "GetMarketingActivity": (lambda c: c[0].get_marketing_activity("a1"), ACTIVITY_CREATED),
    "UpdateMarketingActivity": (
        lambda c: c[0].update_marketing_activity(MarketingActivity(id="a1", title="t"), ["title"]),
        ACTIVITY_UPDATED,
    ),
    "QueryMarketingActivities": (lambda c: c[0].query_marketing_activities(), ACTIVITY_QUERY),
    "CreateEvent": (
        lambda c: c[0].create_event(CalendarEvent(name="Sale", date=DAY)),
        EVENT_CREATED,
    ),
    "UpdateEvent": (
        lambda c: c[0].update_event(CalendarEvent(id="e1", name="Sale", date=DAY)),
        EVENT_UPDATED,
    ),
    "DeleteEvent": (lambda c: c[0].delete_event("e1"), {}),
    "QueryEvents": (lambda c: c[0].query_events(DAY, DAY), EVENT_QUERY),
    "GetMarketingSettings": (lambda c: c[0].get_marketing_settings(), SETTINGS_GET),
    "UpsertMarketingSettings": (
        lambda c: c[0].upsert_marketing_settings(MarketingSettings(), ["settings.toneOfVoice"]),
        SETTINGS_UPSERT,
    ),
    "GetMarketingSettingsDefaults": (
        lambda c: c[0].get_marketing_settings_defaults(),
        {"marketingSettingsDefaults": {"socialChannels": ["INSTAGRAM"]}},
    ),
    "GetPlanGoalOptions": (
        lambda c: c[0].get_plan_goal_options(),
        {"planGoalOptions": [{"planGoalKey": "BOOST_SALES", "label": "Boost sales"}]},
    ),
    "GetPointOfViewOptions": (
        lambda c: c[0].get_point_of_view_options(),
        {"pointOfViewOptions": [{"pointOfView": "FIRST_PERSON_SINGULAR", "label": "I"}]},
    ),
    "GetCalendarOptions": (
        lambda c: c[0].get_calendar_options(),
        {"calendarOptions": [{"id": "c1", "name": "Shop"}]},
    ),
    "GetTokenStatus": (
        lambda c: c[1].get_token_status(ChannelName.INSTAGRAM),
        {"status": "VALID"},
    ),
    "ListAccounts": (lambda c: c[1].list_accounts(ChannelName.FACEBOOK), ACCOUNTS_EXAMPLE),
    "GetFeatureData": (lambda c: c[1].get_feature_data(), FEATURES_EXAMPLE),
    "GetConnectUrl": (
        lambda c: c[1].get_connect_url(ChannelName.INSTAGRAM),
        {"connectUrl": "https://x.test/connect"},
    ),
    "PublishById": (lambda c: c[1].publish_item_by_id("i1"), FULL_ITEM),
    "Reschedule": (lambda c: c[1].reschedule_item("i1", DAY), FULL_ITEM),
    "Cancel": (lambda c: c[1].cancel_scheduled_item("i1"), FULL_ITEM),
    "GetItem": (lambda c: c[1].get_item("i1"), FULL_ITEM),
    "GetItems": (lambda c: c[1].get_items(["i1", "i2"]), {"items": [ITEM]}),
    "UpdateItem": (lambda c: c[1].update_item("i1", {"status": "DRAFT"}), FULL_ITEM),
    "UpdateItemText": (
        lambda c: c[1].update_item_text(PostItem.model_validate(ITEM), "Hello"),
        FULL_ITEM,
    ),
    "DeleteItem": (lambda c: c[1].delete_item("i1"), {}),
    "QueryItems": (lambda c: c[1].query_items(), {"items": [ITEM]}),
    "QueryItemPages": (_all_pages, {"items": [ITEM], "pagingMetadata": {"count": 1}}),
}

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", "ACTIVE", "DRAFT", "INSTAGRAM", "2026-07-08T09:00:00Z", "not-a-date"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def near(draw: st.DrawFn, value: Any) -> Any:
    """``value`` with a few things wrong: dropped keys, other values, flipped types."""
    roll = draw(st.integers(0, 11))
    if roll == 0:
        return draw(JSON)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if draw(st.integers(0, 6)) == 0:
                continue
            out[key] = draw(near(item))
        if roll == 1:
            out[draw(st.text(max_size=8))] = draw(JSON)
        return out
    if isinstance(value, list):
        items = [draw(near(item)) for item in value]
        if roll == 1:
            items.append(draw(JSON))
        return items
    if roll == 1:  # the same value as another type
        return [value] if draw(st.booleans()) else {"value": value}
    if roll == 2 and isinstance(value, str):
        return len(value)
    if roll == 3 and not isinstance(value, str):
        return str(value)
    return value


DEEP = b"[" * 100_000 + b"]" * 100_000
# Bodies that are not a JSON object at all, drawn by name: Hypothesis keeps a repr of every
# value drawn, and a 200 kB repr per example would cost more than the call.
BROKEN: dict[str, bytes] = {
    "empty": b"",
    "html": b"<html>Bad gateway</html>",
    "truncated": b"{",
    "null": b"null",
    "string": b'"text"',
    "deep": DEEP,
    "deep inside": b'{"status": ' + DEEP + b"}",
    "not utf-8": b"\xff\xfe not utf-8",
}

Body = tuple[str, Any]
"""``("json", value)`` or ``("broken", name in BROKEN)``."""


def bodies(example: Any) -> st.SearchStrategy[Body]:
    """Answer bodies for a method whose documented answer is ``example``."""
    as_json = (st.just(example) | near(example) | JSON).map(lambda v: ("json", v))
    broken = st.sampled_from(sorted(BROKEN)).map(lambda name: ("broken", name))
    return st.one_of(as_json, as_json, as_json, broken)


def raw(body: Body) -> bytes:
    """The bytes on the wire for a drawn body."""
    kind, value = body
    return BROKEN[value] if kind == "broken" else json.dumps(value).encode()


def _shapes() -> dict[str, tuple[Any, tuple[Call, ...]]]:
    """The calls grouped by the answer they read, named after the first: one fuzz per shape."""
    groups: dict[str, tuple[Any, tuple[Call, ...]]] = {}
    for name, (call, example) in CALLS.items():
        same = next((key for key, (known, _) in groups.items() if known == example), None)
        if same is None:
            groups[name] = (example, (call,))
        else:
            groups[same] = (example, (*groups[same][1], call))
    return groups


SHAPES = _shapes()
BODIES = {name: bodies(example) for name, (example, _calls) in SHAPES.items()}

STATUSES = st.sampled_from(
    [200, 200, 200, 200, 201, 204, 400, 401, 403, 404, 409, 428, 429, 500, 503]
)


def _answer(clients_call: Call, status: int, body: bytes) -> BaseException | None:
    """Run one call against a server that always answers ``status`` with ``body``."""
    requests = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal requests
        requests += 1
        if requests > 50:
            raise AssertionError("the client keeps asking: a paging or retry loop")
        return httpx.Response(status, content=body, headers={"Retry-After": "1"})

    async def run() -> BaseException | None:
        clock = ManualClock(DAY)
        async with httpx.AsyncClient(transport=httpx.MockTransport(handle)) as http:
            options: dict[str, Any] = {
                "base_url": BASE,
                "api_key": API_KEY,
                "site_id": SITE_ID,
                "clock": clock,
                "max_retries": 0,
            }
            clients = (MarketingPlanClient(http, **options), PublisherClient(http, **options))
            try:
                await clients_call(clients)
            except ApiError as error:
                return error
        return None

    return asyncio.run(run())


@pytest.mark.parametrize("shape", sorted(SHAPES))
@FUZZ
@given(data=st.data())
def test_every_answer_is_a_result_or_a_typed_error(shape: str, data: st.DataObject) -> None:
    _example, calls = SHAPES[shape]
    status = data.draw(STATUSES, label="status")
    body = raw(data.draw(BODIES[shape], label="body"))
    for call in calls:
        error = _answer(call, status, body)
        if error is not None:
            assert str(error).strip(), "an ApiError always reads as a sentence"
            assert API_KEY not in str(error)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_documented_example_is_read(name: str) -> None:
    call, example = CALLS[name]
    assert _answer(call, 200, json.dumps(example).encode()) is None

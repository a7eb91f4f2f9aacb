"""The retry policy: what is repeated, when, and what never is."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx
import pytest

from tests.api.wix_double import (
    API_KEY,
    BASE,
    SITE_ID,
    FakeWix,
    RecordingClock,
    drive,
    settle,
    until,
)
from tui_planner.api import (
    ApiConnectionError,
    MarketingPlanClient,
    PublisherClient,
    ResourceExhaustedError,
    ServerError,
)
from tui_planner.api.models import CalendarEvent, ChannelName, MarketingActivity, MarketingSettings
from tui_planner.api.transport import BACKOFF_BASE, MAX_RETRY_AFTER, backoff_delay

DAY = datetime(2026, 7, 1, tzinfo=UTC)
PlanCall = Callable[[MarketingPlanClient], Awaitable[object]]

# Calls that are safe to repeat: reads, the read-style POSTs, idempotent PUT and DELETE.
SAFE_CALLS: dict[str, PlanCall] = {
    "GetSocialMarketingPlan": lambda c: c.get_social_marketing_plan(),
    "GetMarketingActivityPosts": lambda c: c.get_marketing_activity_posts(["a1"]),
    "QueryMarketingActivities": lambda c: c.query_marketing_activities(),
    "QueryEvents": lambda c: c.query_events(DAY, DAY),
    "GetMarketingSettings": lambda c: c.get_marketing_settings(),
    "GetPlanGoalOptions": lambda c: c.get_plan_goal_options(),
    "UpdateEvent": lambda c: c.update_event(CalendarEvent(id="e1", name="Sale", date=DAY)),
    "DeleteEvent": lambda c: c.delete_event("e1"),
    "DeleteMarketingPlan": lambda c: c.delete_marketing_plan(),
    "DeletePlanMarketingActivity": lambda c: c.delete_plan_marketing_activity("a1"),
}

# Calls that could take effect twice: never repeated after a 5xx or a lost connection.
ONCE_CALLS: dict[str, PlanCall] = {
    "GenerateMarketingPlan": lambda c: c.generate_marketing_plan(),
    "RegenerateMarketingPlan": lambda c: c.regenerate_marketing_plan(),
    "RegenerateMarketingPlanWithKeywordResearch": (
        lambda c: c.regenerate_marketing_plan_with_keyword_research()
    ),
    "GenerateSocialPosts": lambda c: c.generate_social_posts(["a1"]),
    "ScheduleDrafts": lambda c: c.schedule_drafts(["d1"]),
    "RegenerateMarketingActivityPosts": lambda c: c.regenerate_marketing_activity_posts("a1"),
    "CreateMarketingActivity": lambda c: c.create_marketing_activity(MarketingActivity(title="t")),
    "UpdateMarketingActivity": (
        lambda c: c.update_marketing_activity(MarketingActivity(id="a1", title="t"), ["title"])
    ),
    "CreateEvent": lambda c: c.create_event(CalendarEvent(name="Sale", date=DAY)),
    "UpsertMarketingSettings": (
        lambda c: c.upsert_marketing_settings(MarketingSettings(), ["settings.toneOfVoice"])
    ),
    "ClearMarketingActivityPosts": lambda c: c.clear_marketing_activity_posts("a1"),
}


@pytest.mark.parametrize("call", SAFE_CALLS.values(), ids=SAFE_CALLS.keys())
async def test_safe_calls_are_retried_after_a_503(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock, call: PlanCall
) -> None:
    # One answer that every safe call can read (the others ignore the ``event`` key).
    wix.reply(status=503).reply({"event": {"id": "e1", "name": "Sale"}})

    await drive(clock, call(plan))

    assert len(wix.sent) == 2
    assert wix.sent[0] == wix.sent[1]


@pytest.mark.parametrize("call", ONCE_CALLS.values(), ids=ONCE_CALLS.keys())
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_calls_that_could_apply_twice_raise_at_once_on_5xx(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock, call: PlanCall, status: int
) -> None:
    wix.reply(status=status).reply({})

    with pytest.raises(ServerError):
        await call(plan)

    assert len(wix.sent) == 1
    assert clock.slept == []


@pytest.mark.parametrize("call", ONCE_CALLS.values(), ids=ONCE_CALLS.keys())
async def test_calls_that_could_apply_twice_raise_at_once_on_network_errors(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock, call: PlanCall
) -> None:
    wix.fail(httpx.ReadError("connection reset")).reply({})

    with pytest.raises(ApiConnectionError):
        await call(plan)

    assert len(wix.sent) == 1


async def test_a_503_with_retry_after_is_still_not_repeated_for_a_once_call(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=503, headers={"Retry-After": "2"}).reply({})

    with pytest.raises(ServerError) as caught:
        await plan.schedule_drafts(["d1"])

    assert caught.value.retry_after == 2
    assert len(wix.sent) == 1


@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("eof")],
)
async def test_reads_are_retried_after_network_errors(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock, error: Exception
) -> None:
    wix.fail(error).reply({"status": "ACTIVE"})

    result = await drive(clock, plan.get_social_marketing_plan())

    assert result.status.value == "ACTIVE"
    assert len(wix.sent) == 2


async def test_retry_after_seconds_is_waited_exactly_on_the_clock(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=429, headers={"Retry-After": "7"}).reply({"status": "ACTIVE"})

    task = asyncio.create_task(plan.get_social_marketing_plan())
    await until(lambda: clock.sleepers == 1)
    assert len(wix.sent) == 1

    clock.advance(6)
    await settle()
    assert len(wix.sent) == 1

    clock.advance(1)
    await until(lambda: task.done())
    assert len(wix.sent) == 2
    assert task.result().status.value == "ACTIVE"
    assert clock.slept == [7.0]


async def test_retry_after_http_date_is_measured_from_the_clock(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    # The clock reads 2026-07-01 12:00:00 UTC; the server says come back at 12:00:30.
    wix.reply(status=503, headers={"Retry-After": "Wed, 01 Jul 2026 12:00:30 GMT"}).reply({})

    await drive(clock, plan.get_marketing_settings())

    assert clock.slept == [30.0]
    assert len(wix.sent) == 2


async def test_a_429_with_retry_after_is_followed_even_for_a_once_call(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    # The server refused the request and said when to come back, so nothing was applied.
    wix.reply(status=429, headers={"Retry-After": "3"}).reply({"status": "GENERATING"})

    task = asyncio.create_task(plan.generate_marketing_plan())
    await until(lambda: clock.sleepers == 1)
    clock.advance(2)
    await settle()
    assert len(wix.sent) == 1

    clock.advance(1)
    await until(lambda: task.done())
    assert task.result().value == "GENERATING"
    assert len(wix.sent) == 2


async def test_a_429_without_retry_after_is_final_for_a_once_call(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    body = {"message": "Publish limit exceeded", "details": {"applicationError": {"code": "X"}}}
    wix.reply(body, status=429).reply({})

    with pytest.raises(ResourceExhaustedError):
        await plan.schedule_drafts(["d1"])

    assert len(wix.sent) == 1


async def test_a_429_without_retry_after_backs_off_for_a_read(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=429).reply({})

    await drive(clock, plan.get_calendar_options())

    assert len(wix.sent) == 2
    assert 0 <= clock.slept[0] <= BACKOFF_BASE


async def test_a_retry_after_beyond_the_limit_is_raised_for_the_caller_to_schedule(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wait = MAX_RETRY_AFTER + 60
    wix.reply(status=429, headers={"Retry-After": str(int(wait))}).reply({})

    with pytest.raises(ResourceExhaustedError) as caught:
        await plan.get_social_marketing_plan()

    assert caught.value.retry_after == wait
    assert len(wix.sent) == 1
    assert clock.slept == []


async def test_backoff_uses_full_jitter_with_doubling_ceilings(
    wix: FakeWix, http: httpx.AsyncClient, clock: RecordingClock
) -> None:
    client = MarketingPlanClient(
        http,
        base_url=BASE,
        api_key=API_KEY,
        site_id=SITE_ID,
        clock=clock,
        max_retries=4,
        rng=random.Random(1234),
    )
    for _ in range(4):
        wix.reply(status=503)
    wix.reply({"status": "ACTIVE"})

    await drive(clock, client.get_social_marketing_plan())

    twin = random.Random(1234)
    assert clock.slept == [backoff_delay(attempt, twin) for attempt in range(4)]
    for attempt, delay in enumerate(clock.slept):
        assert 0 <= delay <= BACKOFF_BASE * 2**attempt
    assert len(wix.sent) == 5


def test_backoff_ceiling_stops_growing_at_the_cap() -> None:
    rng = random.Random(0)
    delays = [backoff_delay(50, rng) for _ in range(200)]

    assert max(delays) <= 30.0
    assert max(delays) > 20.0


async def test_retries_stop_after_max_retries(
    wix: FakeWix, http: httpx.AsyncClient, clock: RecordingClock
) -> None:
    client = MarketingPlanClient(
        http, base_url=BASE, api_key=API_KEY, site_id=SITE_ID, clock=clock, max_retries=2
    )
    for _ in range(5):
        wix.reply(status=503)

    with pytest.raises(ServerError):
        await drive(clock, client.get_marketing_settings())

    assert len(wix.sent) == 3
    assert len(clock.slept) == 2


async def test_max_retries_zero_never_retries(
    wix: FakeWix, http: httpx.AsyncClient, clock: RecordingClock
) -> None:
    client = PublisherClient(
        http, base_url=BASE, api_key=API_KEY, site_id=SITE_ID, clock=clock, max_retries=0
    )
    wix.reply(status=503).reply({"status": "VALID"})

    with pytest.raises(ServerError):
        await client.get_token_status(ChannelName.FACEBOOK)

    assert len(wix.sent) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 428, 501])
async def test_errors_that_retrying_cannot_fix_are_not_retried(
    plan: MarketingPlanClient, wix: FakeWix, clock: RecordingClock, status: int
) -> None:
    wix.reply(status=status).reply({})

    with pytest.raises(Exception):  # noqa: B017 - the type is covered by the error tests
        await plan.get_marketing_settings()

    assert len(wix.sent) == 1
    assert clock.slept == []


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.publish_item_by_id("i1"),
        lambda p: p.reschedule_item("i1", DAY),
        lambda p: p.cancel_scheduled_item("i1"),
    ],
    ids=["PublishItemById", "RescheduleItem", "CancelScheduledItem"],
)
async def test_publisher_item_changes_are_never_repeated_after_a_5xx(
    publisher: PublisherClient,
    wix: FakeWix,
    call: Callable[[PublisherClient], Awaitable[object]],
) -> None:
    wix.reply(status=503).reply({})

    with pytest.raises(ServerError):
        await call(publisher)

    assert len(wix.sent) == 1


async def test_publisher_reads_are_retried(
    publisher: PublisherClient, wix: FakeWix, clock: RecordingClock
) -> None:
    wix.reply(status=502).reply({"features": []})

    await drive(clock, publisher.get_feature_data())

    assert len(wix.sent) == 2


def test_negative_max_retries_is_refused(http: httpx.AsyncClient, clock: RecordingClock) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        MarketingPlanClient(http, api_key=API_KEY, site_id=None, clock=clock, max_retries=-1)

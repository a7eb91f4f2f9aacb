"""ID-list methods send at most 20 IDs per request and merge the answers."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.api.wix_double import FakeWix
from tui_planner.api import CHUNK_SIZE, MarketingPlanClient


def ids(count: int, prefix: str = "id") -> list[str]:
    """``count`` distinct IDs in order."""
    return [f"{prefix}-{n:02d}" for n in range(count)]


def echo_posts(request: httpx.Request) -> httpx.Response:
    """GetMarketingActivityPosts' answer: one entry per asked activity."""
    asked = json.loads(request.content)["marketingActivityIds"]
    return httpx.Response(
        200,
        json={"marketingActivities": [{"marketingActivityId": a, "items": []} for a in asked]},
    )


def echo_scheduled(request: httpx.Request) -> httpx.Response:
    """ScheduleDrafts' answer: every draft scheduled except those ending in 7 (unconnected)."""
    asked = json.loads(request.content)["draftIds"]
    items = [
        {"id": d, "status": "SCHEDULED", "channel": {"name": "INSTAGRAM"}}
        for d in asked
        if not d.endswith("7")
    ]
    return httpx.Response(200, json={"items": items})


async def test_forty_five_activities_generate_in_three_requests(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.generate_social_posts(ids(45))

    assert CHUNK_SIZE == 20
    sent = [request.body["marketingActivityIds"] for request in wix.sent]
    assert [len(chunk) for chunk in sent] == [20, 20, 5]
    assert [activity for chunk in sent for activity in chunk] == ids(45)


async def test_forty_five_activity_posts_are_fetched_in_three_requests_and_merged(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    for _ in range(3):
        wix.answer_with(echo_posts)

    result = await plan.get_marketing_activity_posts(ids(45))

    assert len(wix.sent) == 3
    assert [a.marketing_activity_id for a in result.marketing_activities] == ids(45)


async def test_forty_five_drafts_are_scheduled_in_three_requests_and_merged(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    for _ in range(3):
        wix.answer_with(echo_scheduled)

    result = await plan.schedule_drafts(ids(45))

    assert [len(request.body["draftIds"]) for request in wix.sent] == [20, 20, 5]
    expected = [d for d in ids(45) if not d.endswith("7")]
    assert [item.id for item in result.items] == expected


async def test_repeated_ids_are_sent_once_in_first_seen_order(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.schedule_drafts(["b", "a", "b", "c", "a"])

    assert wix.last.body == {"draftIds": ["b", "a", "c"]}


async def test_exactly_twenty_ids_fit_one_request(plan: MarketingPlanClient, wix: FakeWix) -> None:
    await plan.generate_social_posts(ids(20))

    assert len(wix.sent) == 1


async def test_an_empty_id_list_sends_nothing(plan: MarketingPlanClient, wix: FakeWix) -> None:
    await plan.generate_social_posts([])
    posts = await plan.get_marketing_activity_posts([])
    scheduled = await plan.schedule_drafts([])

    assert wix.sent == []
    assert posts.marketing_activities == ()
    assert scheduled.items == ()


async def test_a_lone_string_is_refused_rather_than_split_into_characters(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    with pytest.raises(TypeError, match="list of IDs"):
        await plan.schedule_drafts("draft-1")

    assert wix.sent == []

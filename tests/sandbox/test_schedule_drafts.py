"""ScheduleDrafts (§2.6): premium gate, silent skips, scheduled dates, X's sunset."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tests.sandbox.harness import Sandbox

SCHEDULE = "/marketing-plan/schedule-drafts"


def _near_activity(plan: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in plan["marketingActivities"] if a["items"])


def _by_channel(activity: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["channel"]["name"]: i for i in activity["items"] if i["type"] == "POST"}


async def test_schedule_drafts_schedules_connected_drafts_at_activity_date(
    sandbox: Sandbox,
) -> None:
    activity = _near_activity(await sandbox.generate())
    posts = _by_channel(activity)
    body = await sandbox.ok("POST", SCHEDULE, json={"draftIds": [posts["INSTAGRAM"]["id"]]})
    (item,) = body["items"]
    assert item["id"] == posts["INSTAGRAM"]["id"]
    assert item["status"] == "SCHEDULED"
    assert item["schedulingInfo"]["scheduledDate"] == activity["date"]


async def test_schedule_drafts_skips_unconnected_channels_silently(sandbox: Sandbox) -> None:
    activity = _near_activity(await sandbox.generate())
    posts = _by_channel(activity)
    ids = [p["id"] for p in posts.values()]
    body = await sandbox.ok("POST", SCHEDULE, json={"draftIds": ids})
    assert {i["channel"]["name"] for i in body["items"]} == {"FACEBOOK", "INSTAGRAM", "LINKEDIN"}
    items = (await sandbox.posts(activity["marketingActivityId"]))[activity["marketingActivityId"]]
    statuses = {i["channel"]["name"]: i["status"] for i in items if i["type"] == "POST"}
    assert statuses["PINTEREST"] == statuses["TIKTOK"] == statuses["GBP"] == "DRAFT"


async def test_schedule_drafts_skips_items_that_are_not_drafts(sandbox: Sandbox) -> None:
    activity = _near_activity(await sandbox.generate())
    draft_id = _by_channel(activity)["FACEBOOK"]["id"]
    await sandbox.ok("POST", SCHEDULE, json={"draftIds": [draft_id]})
    again = await sandbox.ok("POST", SCHEDULE, json={"draftIds": [draft_id, "unknown-id"]})
    assert again == {"items": []}


async def test_schedule_drafts_needs_one_to_twenty_ids(sandbox: Sandbox) -> None:
    assert (await sandbox.call("POST", SCHEDULE, json={"draftIds": []})).status_code == 400
    ids = [f"id-{n}" for n in range(21)]
    assert (await sandbox.call("POST", SCHEDULE, json={"draftIds": ids})).status_code == 400
    assert (await sandbox.call("POST", SCHEDULE, json={})).status_code == 400
    twenty = await sandbox.call("POST", SCHEDULE, json={"draftIds": ids[:20]})
    assert twenty.status_code == 200


async def test_schedule_drafts_without_premium_is_failed_precondition(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(premium=False)
    activity = _near_activity(await sandbox.generate())
    response = await sandbox.call(
        "POST", SCHEDULE, json={"draftIds": [_by_channel(activity)["INSTAGRAM"]["id"]]}
    )
    assert response.status_code == 428
    assert response.json()["details"]["applicationError"]["code"] == "INELIGIBLE_FOR_FEATURE"
    items = (await sandbox.posts(activity["marketingActivityId"]))[activity["marketingActivityId"]]
    assert {i["status"] for i in items} == {"DRAFT"}


async def test_schedule_drafts_for_past_activity_goes_an_hour_from_now(sandbox: Sandbox) -> None:
    activity = _near_activity(await sandbox.generate())
    sandbox.clock.set(datetime(2026, 7, 11, 9, 0, tzinfo=UTC))
    assert activity["date"] < "2026-07-11T09:00"  # passed, but its drafts are still drafts
    instagram = _by_channel(activity)["INSTAGRAM"]["id"]
    (item,) = (await sandbox.ok("POST", SCHEDULE, json={"draftIds": [instagram]}))["items"]
    assert item["schedulingInfo"]["scheduledDate"] == "2026-07-11T10:00:00.000Z"


async def test_twitter_drafts_after_sunset_are_not_scheduled(
    make_sandbox: Callable[..., Any],
) -> None:
    all_channels = ("FACEBOOK", "INSTAGRAM", "LINKEDIN", "PINTEREST", "GBP", "TIKTOK", "TWITTER")
    sandbox: Sandbox = await make_sandbox(connected_channels=all_channels)
    plan = await sandbox.generate()
    before_sunset = _near_activity(plan)
    x_before = _by_channel(before_sunset)["TWITTER"]["id"]
    assert (await sandbox.ok("POST", SCHEDULE, json={"draftIds": [x_before]}))["items"]
    after_sunset = next(
        a
        for a in plan["marketingActivities"]
        if a["date"] >= "2026-08-01" and a["marketingActivityType"] == "SOCIAL_MARKETING"
    )
    activity_id = after_sunset["marketingActivityId"]
    await sandbox.ok(
        "POST",
        "/marketing-plan/generate-social-posts",
        json={"marketingActivityIds": [activity_id]},
    )
    sandbox.clock.advance(sandbox.options.posts_seconds)
    items = (await sandbox.posts(activity_id))[activity_id]
    ids = [i["id"] for i in items if i["type"] == "POST"]
    scheduled = (await sandbox.ok("POST", SCHEDULE, json={"draftIds": ids}))["items"]
    assert "TWITTER" not in {i["channel"]["name"] for i in scheduled}
    assert len(scheduled) == len(ids) - 1


async def test_a_schedule_lead_sends_drafts_out_seconds_from_now(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(schedule_lead_seconds=3.0)
    activity = _near_activity(await sandbox.generate())
    assert activity["date"] > "2026-07-08T09:01"  # its day is still to come
    instagram = _by_channel(activity)["INSTAGRAM"]["id"]
    (item,) = (await sandbox.ok("POST", SCHEDULE, json={"draftIds": [instagram]}))["items"]
    assert item["schedulingInfo"]["scheduledDate"] == "2026-07-08T09:00:09.000Z"
    activity_id = activity["marketingActivityId"]

    async def status() -> str:
        items = (await sandbox.posts(activity_id))[activity_id]
        found = next(i["status"] for i in items if i["id"] == instagram)
        assert isinstance(found, str), f"a status is a string, not {found!r}"
        return found

    sandbox.clock.advance(3)
    assert await status() == "PROCESSING"
    sandbox.clock.advance(5)
    assert await status() == "PUBLISHED"

"""After scheduling: PROCESSING, then PUBLISHED (live link, growing insights) or FAILED (why)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.sandbox.harness import PUBLISHER, Sandbox
from tests.sandbox.publisher_items import (
    ITEMS,
    everything,
    get_item,
    scheduled,
    when,
)
from tui_planner.api.models import PostItem
from tui_planner.sandbox.publication import FAILURE_REASONS, PUBLISHING_SECONDS

URL_FORMS = {
    "INSTAGRAM": r"https://www\.instagram\.com/p/[\w-]{11}/",
    "FACEBOOK": r"https://www\.facebook\.com/\d+/posts/\d{16}",
    "LINKEDIN": r"https://www\.linkedin\.com/feed/update/urn:li:share:\d{19}/",
    "TWITTER": r"https://x\.com/emberlineceramics/status/\d{19}",
    "PINTEREST": r"https://www\.pinterest\.com/pin/\d{18}/",
    "GBP": r"https://posts\.gle/\w{17}",
    "TIKTOK": r"https://www\.tiktok\.com/@emberlineceramics/photo/\d{19}",
}


async def test_scheduled_item_processes_for_a_few_seconds_then_publishes(sandbox: Sandbox) -> None:
    _, item = await scheduled(sandbox)
    live = when(item)

    sandbox.clock.set(live - timedelta(seconds=1))
    assert (await get_item(sandbox, item["id"]))["status"] == "SCHEDULED"
    sandbox.clock.set(live)
    processing = await get_item(sandbox, item["id"])
    sandbox.clock.set(live + timedelta(seconds=PUBLISHING_SECONDS - 0.001))
    still = await get_item(sandbox, item["id"])
    sandbox.clock.set(live + timedelta(seconds=PUBLISHING_SECONDS))
    published = await get_item(sandbox, item["id"])

    assert 1 <= PUBLISHING_SECONDS <= 10
    assert processing["status"] == still["status"] == "PROCESSING"
    for early in (processing, still):
        assert "externalItemUrl" not in early
        assert "insightsSummary" not in early
        assert "publicationError" not in early
    assert published["status"] == "PUBLISHED"
    assert re.fullmatch(URL_FORMS["INSTAGRAM"], published["externalItemUrl"])
    assert published["insightsSummary"]["impressions"] == 0
    assert "publicationError" not in published


async def test_failing_item_says_why(make_sandbox: Callable[..., Any]) -> None:
    sandbox: Sandbox = await make_sandbox(publish_failure_rate=1.0)
    _, item = await scheduled(sandbox)

    sandbox.clock.set(when(item) + timedelta(seconds=PUBLISHING_SECONDS))
    failed = await get_item(sandbox, item["id"])

    assert failed["status"] == "FAILED"
    error = failed["publicationError"]
    assert error["code"] in {code for code, _ in FAILURE_REASONS}
    assert "Instagram" in error["message"]
    assert "externalItemUrl" not in failed
    assert "insightsSummary" not in failed
    parsed = PostItem.model_validate(failed).publication_error
    assert parsed is not None
    assert parsed.sentence.endswith(f"({error['code']})")


async def _outcomes(sandbox: Sandbox) -> dict[str, tuple[str, str | None]]:
    """Schedule every connected draft of the plan, run past them: {id: (status, code)}."""
    plan = await sandbox.generate()
    drafts = [
        i["id"]
        for a in plan["marketingActivities"]
        for i in a["items"]
        if i["type"] == "POST" and i["channel"]["name"] in ("INSTAGRAM", "FACEBOOK", "LINKEDIN")
    ][:20]
    body = await sandbox.ok("POST", "/marketing-plan/schedule-drafts", json={"draftIds": drafts})
    sandbox.clock.set(max(when(i) for i in body["items"]) + timedelta(minutes=1))
    found = await sandbox.ok("GET", ITEMS, params=[("ids", i) for i in drafts])
    return {
        i["id"]: (i["status"], i.get("publicationError", {}).get("code")) for i in found["items"]
    }


async def test_failures_are_a_share_and_the_same_for_the_same_seed(
    make_sandbox: Callable[..., Any],
) -> None:
    first = await _outcomes(await make_sandbox(publish_failure_rate=0.5))
    statuses = [status for status, _ in first.values()]

    assert set(statuses) == {"PUBLISHED", "FAILED"}
    assert all((code is None) == (status == "PUBLISHED") for status, code in first.values())


async def test_outcomes_repeat_for_the_seed_and_change_with_it(
    own_sandboxes: Callable[..., Sandbox],
) -> None:
    runs = [
        await _outcomes(own_sandboxes(seed=seed, publish_failure_rate=0.5)) for seed in (7, 7, 8)
    ]

    assert runs[0] == runs[1]
    assert list(runs[0].values()) != list(runs[2].values())


async def test_insights_grow_with_time_and_repeat_exactly(sandbox: Sandbox) -> None:
    _, item = await scheduled(sandbox)
    live = when(item) + timedelta(seconds=PUBLISHING_SECONDS)
    readings = []
    for hours in (0.5, 3, 12, 48, 240):
        sandbox.clock.set(live + timedelta(hours=hours))
        readings.append((await get_item(sandbox, item["id"]))["insightsSummary"])
    again = (await get_item(sandbox, item["id"]))["insightsSummary"]

    assert again == readings[-1]
    sandbox.clock.set(live + timedelta(hours=240, minutes=59))
    assert (await get_item(sandbox, item["id"]))["insightsSummary"] == readings[-1], "hourly"
    for metric in ("impressions", "interactions", "likes", "comments", "shares", "clicks"):
        values = [reading[metric] for reading in readings]
        assert values == sorted(values), metric
    impressions = [reading["impressions"] for reading in readings]
    assert impressions[0] < impressions[2] < impressions[3]
    assert readings[-1]["interactions"] > 0
    assert readings[-1]["interactions"] == sum(
        readings[-1][name] for name in ("likes", "comments", "shares", "clicks")
    )
    # Most of the reach comes early: ten days adds little to two.
    assert impressions[4] - impressions[3] < impressions[3] - impressions[0]


async def test_insights_are_the_same_for_the_same_item_in_another_sandbox(
    own_sandboxes: Callable[..., Sandbox],
) -> None:
    readings = []
    for seed in (7, 7, 8):
        sandbox = own_sandboxes(seed=seed)
        _, item = await scheduled(sandbox)
        sandbox.clock.set(when(item) + timedelta(days=1))
        readings.append((await get_item(sandbox, item["id"]))["insightsSummary"])

    assert readings[0] == readings[1]
    assert readings[0] != readings[2]


@pytest.mark.parametrize("channel", sorted(URL_FORMS))
async def test_each_network_gets_a_link_in_its_own_form(
    make_sandbox: Callable[..., Any], channel: str
) -> None:
    sandbox: Sandbox = await make_sandbox(connected_channels=(channel,))
    plan = await sandbox.generate()
    draft = next(
        i
        for a in plan["marketingActivities"]
        for i in a["items"]
        if i["channel"]["name"] == channel and i["type"] == "POST"
    )
    now = await sandbox.ok("POST", f"{PUBLISHER}/publish-by-id", json={"id": draft["id"]})
    assert now["item"]["status"] == "PROCESSING"

    sandbox.clock.advance(PUBLISHING_SECONDS)
    published = await get_item(sandbox, draft["id"])

    assert re.fullmatch(URL_FORMS[channel], published["externalItemUrl"])


async def test_documented_shape_sends_two_metrics_as_strings_and_code_with_description(
    own_sandboxes: Callable[..., Sandbox],
) -> None:
    sandbox = own_sandboxes(shape="documented", publish_failure_rate=0.5)
    outcomes = await _outcomes(sandbox)
    published = [i for i, (status, _) in outcomes.items() if status == "PUBLISHED"]
    failed = [i for i, (status, _) in outcomes.items() if status == "FAILED"]
    sandbox.clock.advance(86400)
    good = await get_item(sandbox, published[0])
    bad = await get_item(sandbox, failed[0])

    summary = good["insightsSummary"]
    assert set(summary) == {"impressions", "interactions"}
    assert all(isinstance(value, str) and value.isdigit() for value in summary.values())
    assert set(bad["publicationError"]) == {"code", "description"}
    parsed = PostItem.model_validate(good).insights_summary
    assert parsed is not None
    assert parsed.impressions == int(summary["impressions"])
    failure = PostItem.model_validate(bad).publication_error
    assert failure is not None
    assert failure.message == bad["publicationError"]["description"]


async def test_imported_posts_are_external_and_published_with_insights(sandbox: Sandbox) -> None:
    external = await everything(sandbox, external=True)

    assert len(external) == 3
    for item in external:
        assert item["external"] is True
        assert item["status"] == "PUBLISHED"
        assert item["insightsSummary"]["impressions"] > 0
        assert re.fullmatch(URL_FORMS[item["channel"]["name"]], item["externalItemUrl"])
    plan = await sandbox.generate()
    plan_ids = {i["id"] for a in plan["marketingActivities"] for i in a["items"]}
    assert not plan_ids & {item["id"] for item in external}


async def test_dashboard_posts_outside_the_plan_follow_the_lifecycle(sandbox: Sandbox) -> None:
    mine = [i for i in await everything(sandbox, external=False)]
    by_status = {item["status"]: item for item in mine}

    assert set(by_status) == {"SCHEDULED", "DRAFT"}
    scheduled_post = by_status["SCHEDULED"]
    sandbox.clock.set(when(scheduled_post) + timedelta(seconds=PUBLISHING_SECONDS))
    assert (await get_item(sandbox, scheduled_post["id"]))["status"] == "PUBLISHED"
    draft = by_status["DRAFT"]
    key = next(k for k in draft if k.endswith("Post"))
    edited = await sandbox.call(
        "PATCH", f"{ITEMS}/{draft['id']}", json={"item": {key: {"caption": "Edited by hand"}}}
    )
    assert edited.status_code == 200
    # Not a plan draft: ScheduleDrafts leaves it alone.
    body = await sandbox.ok(
        "POST", "/marketing-plan/schedule-drafts", json={"draftIds": [draft["id"]]}
    )
    assert body["items"] == []


async def test_no_imports_without_premium_and_no_posts_without_channels(
    make_sandbox: Callable[..., Any],
) -> None:
    free: Sandbox = await make_sandbox(premium=False)
    alone: Sandbox = await make_sandbox(connected_channels=())

    assert await everything(free, external=True) == []
    assert len(await everything(free)) == 2
    assert await everything(alone) == []

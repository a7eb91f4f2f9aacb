"""The contract's example requests, sent verbatim, are answered as its examples show."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.sandbox.harness import PUBLISHER, Sandbox
from tui_planner.clock import ManualClock


async def test_upsert_settings_example_5_3(sandbox: Sandbox) -> None:
    body = {
        "marketingSettings": {
            "settings": {
                "marketingPlanGoal": {"goalKey": "BOOST_SALES"},
                "marketingTools": ["SOCIAL_MARKETING"],
                "topics": {
                    "included": ["handmade ceramics", "studio life"],
                    "excluded": ["politics"],
                },
                "toneOfVoice": "warm and playful",
                "pointOfView": "SECOND_PERSON",
                "businessProfile": {
                    "valueProposition": "hand-thrown stoneware for everyday rituals",
                    "targetAudience": "design-conscious home cooks",
                },
            },
            "overrides": {"socialMarketing": {"frequency": {"interval": "WEEK", "count": 3}}},
        },
        "fieldMask": "settings.marketingPlanGoal,settings.marketingTools,settings.topics,"
        "settings.toneOfVoice,settings.pointOfView,settings.businessProfile,"
        "overrides.socialMarketing.frequency",
    }
    record = (await sandbox.ok("POST", "/marketing-settings", json=body))["marketingSettings"]
    assert record["settings"]["marketingPlanGoal"] == {"goalKey": "BOOST_SALES"}
    assert record["settings"]["language"] == "en"
    assert record["overrides"] == body["marketingSettings"]["overrides"]  # type: ignore[index]
    assert {"id", "createdAt", "updatedAt"} <= set(record)


async def test_event_examples_4_2_to_4_5(sandbox: Sandbox) -> None:
    created = await sandbox.ok(
        "POST",
        "/events",
        json={
            "calendarEvent": {
                "name": "Summer Sale",
                "description": "20% off all mugs",
                "date": "2026-07-15T00:00:00.000Z",
            }
        },
    )
    event_id = created["calendarEvent"]["id"]
    updated = await sandbox.ok(
        "PUT",
        f"/events/{event_id}",
        json={
            "event": {
                "id": event_id,
                "name": "Summer Sale (extended)",
                "description": "20% off all mugs",
                "date": "2026-07-20T00:00:00.000Z",
            }
        },
    )
    assert updated["event"]["date"] == "2026-07-20T00:00:00.000Z"
    queried = await sandbox.ok(
        "POST",
        "/events/query",
        json={
            "query": {
                "filter": {
                    "date": {
                        "$gte": "2026-07-01T00:00:00.000Z",
                        "$lte": "2026-08-31T23:59:59.999Z",
                    }
                }
            }
        },
    )
    assert updated["event"] in queried["events"]
    assert await sandbox.ok("DELETE", f"/events/{event_id}") == {}


async def test_defaults_example_5_4(sandbox: Sandbox) -> None:
    body = await sandbox.ok(
        "GET", "/marketing-settings/defaults?fieldMask=marketingPlanGoal,socialChannels"
    )
    assert set(body["defaults"]) == {"marketingPlanGoal", "socialChannels"}


async def test_publisher_examples_a_6(sandbox: Sandbox) -> None:
    token = await sandbox.ok("GET", f"{PUBLISHER}/INSTAGRAM/long-lived-token-status")
    assert token == {"status": "VALID"}
    features = await sandbox.ok(
        "GET", f"{PUBLISHER}/features?featureTypes=PUBLISH_POST&featureTypes=SCHEDULE_POST"
    )
    assert [f["type"] for f in features["features"]] == ["PUBLISH_POST", "SCHEDULE_POST"]
    accounts = await sandbox.ok("GET", f"{PUBLISHER}/accounts?channelName=FACEBOOK")
    assert accounts["accounts"][0]["facebook"]["settings"] == {"default": True}


async def test_latency_holds_each_answer_for_that_long_on_the_clock(
    make_sandbox: Any, clock: ManualClock
) -> None:
    slow: Sandbox = await make_sandbox(latency_ms=250)
    answer = asyncio.ensure_future(slow.call("GET", "/marketing-plan"))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not answer.done()
    clock.advance(0.2)
    await asyncio.sleep(0)
    assert not answer.done()
    clock.advance(0.05)
    assert (await answer).status_code == 200
    fast: Sandbox = await make_sandbox()
    assert clock.sleepers == 0
    assert (await fast.call("GET", "/marketing-plan")).status_code == 200

"""The documented shape: only what the contract states, the other form wherever it guesses.

Each test reads the same thing from a rich and a documented sandbox (same seed, same clock)
and checks what the documented answer leaves out or spells the other way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.sandbox.harness import PUBLISHER, START, Sandbox
from tui_planner.sandbox.shape import STORY_LIST_KEY

MakeSandbox = Callable[..., Any]


async def _pair(make_sandbox: MakeSandbox, **switches: Any) -> tuple[Sandbox, Sandbox]:
    rich: Sandbox = await make_sandbox(shape="rich", **switches)
    documented: Sandbox = await make_sandbox(shape="documented", **switches)
    return rich, documented


def _stories(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items if item["type"] == "STORY"]


async def test_the_plan_view_has_no_activity_type_and_no_stories(
    make_sandbox: MakeSandbox,
) -> None:
    rich, documented = await _pair(make_sandbox)
    rich_plan = await rich.generate()
    documented_plan = await documented.generate()

    assert all("marketingActivityType" in a for a in rich_plan["marketingActivities"])
    assert any(_stories(a["items"]) for a in rich_plan["marketingActivities"])
    for activity in documented_plan["marketingActivities"]:
        assert set(activity) <= {"marketingActivityId", "date", "title", "description", "items"}
        assert not _stories(activity["items"])
    posts = [
        [i for i in a["items"] if i["type"] != "STORY"] for a in rich_plan["marketingActivities"]
    ]
    assert posts == [a["items"] for a in documented_plan["marketingActivities"]]


async def test_activity_posts_list_stories_apart_from_items(make_sandbox: MakeSandbox) -> None:
    rich, documented = await _pair(make_sandbox)
    plan = await rich.generate()
    await documented.generate()
    ids = [a["marketingActivityId"] for a in plan["marketingActivities"] if a["items"]]
    body = {"marketingActivityIds": ids[:20]}
    rich_entries = (await rich.ok("POST", "/marketing-activity-posts", json=body))[
        "marketingActivities"
    ]
    documented_entries = (await documented.ok("POST", "/marketing-activity-posts", json=body))[
        "marketingActivities"
    ]
    assert any(_stories(entry["items"]) for entry in rich_entries)
    for rich_entry, entry in zip(rich_entries, documented_entries, strict=True):
        assert not _stories(entry["items"])
        assert entry[STORY_LIST_KEY] == _stories(rich_entry["items"])
    assert STORY_LIST_KEY not in rich_entries[0]


async def test_a_regenerate_snapshot_lists_stories_apart_and_media_updates_answer_nothing(
    make_sandbox: MakeSandbox,
) -> None:
    documented: Sandbox = await make_sandbox(shape="documented")
    plan = await documented.generate()
    activity_id = plan["marketingActivities"][0]["marketingActivityId"]
    body = {"marketingActivityId": activity_id}
    snapshot = await documented.ok(
        "POST", "/marketing-plan/regenerate-marketing-activity-stories", json=body
    )
    assert set(snapshot["marketingActivity"]) == {"marketingActivityId", "items", STORY_LIST_KEY}
    media = {**body, "mediaUrl": "https://static.wixstatic.com/media/own.jpg"}
    assert (
        await documented.ok(
            "PATCH", "/marketing-plan/update-marketing-activity-posts-media", json=media
        )
        == {}
    )


async def test_events_have_no_read_only_flag_and_the_other_keys(
    make_sandbox: MakeSandbox,
) -> None:
    rich, documented = await _pair(make_sandbox)
    query = {
        "query": {
            "filter": {
                "date": {
                    "$gte": START.isoformat(),
                    "$lte": (START + timedelta(days=60)).isoformat(),
                }
            }
        }
    }
    rich_events = (await rich.ok("POST", "/events/query", json=query))["events"]
    answer = await documented.ok("POST", "/events/query", json=query)
    assert set(answer) == {"calendarEvents"}
    listed = answer["calendarEvents"]
    assert any(e.get("readOnly") for e in rich_events)
    assert not any("readOnly" in e for e in listed)

    # A recurring event comes once per occurrence in range, its rule showing the frequency.
    weekly = {
        "calendarEvent": {
            "name": "Live demo",
            "recurringRule": {"frequency": "WEEKLY", "startDate": START.isoformat()},
        }
    }
    created = await documented.ok("POST", "/events", json=weekly)
    assert set(created) == {"event"}
    event_id = created["event"]["id"]
    assert created["event"]["recurringRule"] == {"frequency": "WEEKLY"}
    listed = (await documented.ok("POST", "/events/query", json=query))["calendarEvents"]
    copies = [e for e in listed if e["id"] == event_id]
    assert len(copies) > 4
    assert all(len(copy["recurringOccurrences"]) == 1 for copy in copies)
    dates = [copy["recurringOccurrences"][0]["date"] for copy in copies]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)

    updated = await documented.ok(
        "PUT",
        f"/events/{event_id}",
        json={"event": {"name": "Live demo (longer)", "recurringRule": {"frequency": "WEEKLY"}}},
    )
    assert set(updated) == {"calendarEvent"}
    assert updated["calendarEvent"]["name"] == "Live demo (longer)"


async def test_a_connected_calendar_event_is_refused_with_a_canonical_code(
    make_sandbox: MakeSandbox,
) -> None:
    rich, documented = await _pair(make_sandbox)
    query = {
        "query": {
            "filter": {
                "date": {
                    "$gte": START.isoformat(),
                    "$lte": (START + timedelta(days=60)).isoformat(),
                }
            }
        }
    }
    connected = next(
        e
        for e in (await rich.ok("POST", "/events/query", json=query))["events"]
        if e.get("readOnly")
    )
    for sandbox, code in ((rich, "READ_ONLY_EVENT"), (documented, "FAILED_PRECONDITION")):
        response = await sandbox.call("DELETE", f"/events/{connected['id']}")
        assert response.status_code == 428
        assert response.json()["details"]["applicationError"]["code"] == code


async def test_generate_refuses_an_existing_plan_and_regenerate_takes_it(
    make_sandbox: MakeSandbox,
) -> None:
    rich, documented = await _pair(make_sandbox)
    await rich.generate()
    await documented.generate()
    path = "/marketing-plan/generate-marketing-plan"
    assert (await rich.call("POST", path, json={})).status_code == 200
    refused = await documented.call("POST", path, json={})
    assert refused.status_code == 428
    assert "RegenerateMarketingPlan" in refused.json()["message"]
    regenerated = await documented.ok("POST", "/marketing-plan/regenerate-marketing-plan", json={})
    assert regenerated == {"status": "GENERATING"}


async def test_settings_options_carry_only_their_documented_keys(
    make_sandbox: MakeSandbox,
) -> None:
    documented: Sandbox = await make_sandbox(shape="documented")
    goals = (await documented.ok("GET", "/marketing-settings/plan-goal-options"))["options"]
    assert goals
    assert all(set(option) == {"planGoalKey"} for option in goals)
    views = (await documented.ok("GET", "/marketing-settings/point-of-view-options"))["options"]
    assert views
    assert all(set(option) == {"pointOfViewKey"} for option in views)
    calendars = (await documented.ok("GET", "/marketing-settings/calendar-options"))["options"]
    assert all(set(option) == {"id"} for option in calendars)
    defaults = await documented.ok("GET", "/marketing-settings/defaults")
    assert set(defaults) == {"settings"}


async def test_querying_activities_sends_paging_metadata_and_excludes_its_bounds(
    make_sandbox: MakeSandbox,
) -> None:
    rich, documented = await _pair(make_sandbox)
    plan = await rich.generate()
    await documented.generate()
    first = plan["marketingActivities"][0]
    query = {"query": {"filter": {"startDate": first["date"], "endDate": first["date"]}}}
    rich_found = await rich.ok("POST", "/marketing-activities/query", json=query)
    documented_found = await documented.ok("POST", "/marketing-activities/query", json=query)
    assert first["marketingActivityId"] in {a["id"] for a in rich_found["marketingActivities"]}
    assert documented_found["marketingActivities"] == []
    assert documented_found["pagingMetadata"]["hasNext"] is False
    assert "pagingMetadata" not in rich_found


@pytest.mark.parametrize("path", ["/publish-by-id", "/items/{id}/reschedule"])
async def test_publisher_item_answers_of_unverified_wrapper_are_empty(
    make_sandbox: MakeSandbox, path: str
) -> None:
    documented: Sandbox = await make_sandbox(shape="documented")
    plan = await documented.generate()
    item = next(
        i
        for a in plan["marketingActivities"]
        for i in a["items"]
        if i["channel"]["name"] == "INSTAGRAM"
    )
    when = (START + timedelta(days=2)).isoformat()
    if "reschedule" in path:
        await documented.ok(
            "POST", f"{PUBLISHER}/publish-by-id", json={"id": item["id"], "scheduledDate": when}
        )
        answer = await documented.ok(
            "POST", f"{PUBLISHER}{path.format(id=item['id'])}", json={"scheduledDate": when}
        )
    else:
        answer = await documented.ok(
            "POST", f"{PUBLISHER}{path}", json={"id": item["id"], "scheduledDate": when}
        )
    assert answer == {}

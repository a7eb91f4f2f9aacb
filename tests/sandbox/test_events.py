"""Calendar Events (§4): one-time and recurring events, queries, read-only calendars."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.api.models import CalendarEventResponse, CalendarEventsResponse

JULY_AUGUST = {"$gte": "2026-07-01T00:00:00.000Z", "$lte": "2026-08-31T23:59:59.999Z"}


async def _create(
    sandbox: Sandbox, event: dict[str, Any], key: str = "calendarEvent"
) -> dict[str, Any]:
    body = await sandbox.ok("POST", "/events", json={key: event})
    created: dict[str, Any] = CalendarEventResponse.model_validate(body).calendar_event.to_wire()
    assert body["calendarEvent"] == body["event"]
    return created


async def _query(
    sandbox: Sandbox, date_filter: dict[str, str] = JULY_AUGUST
) -> list[dict[str, Any]]:
    body = await sandbox.ok(
        "POST", "/events/query", json={"query": {"filter": {"date": date_filter}}}
    )
    CalendarEventsResponse.model_validate(body)
    events: list[dict[str, Any]] = body["events"]
    return events


def _mine(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event for event in events if not event.get("readOnly")]


async def test_create_one_time_event(sandbox: Sandbox) -> None:
    created = await _create(
        sandbox,
        {
            "name": "Summer Sale",
            "description": "20% off all mugs",
            "date": "2026-07-15T00:00:00.000Z",
        },
    )
    assert created["id"]
    assert created["calendarId"]
    assert created["date"] == "2026-07-15T00:00:00.000Z"


async def test_create_accepts_event_wrapper(sandbox: Sandbox) -> None:
    created = await _create(
        sandbox, {"name": "Launch", "date": "2026-07-20T00:00:00.000Z"}, key="event"
    )
    assert created["name"] == "Launch"


async def test_event_needs_date_or_recurring_rule(sandbox: Sandbox) -> None:
    response = await sandbox.call("POST", "/events", json={"calendarEvent": {"name": "Sale"}})
    assert response.status_code == 400
    violations = response.json()["details"]["validationError"]["fieldViolations"]
    assert {v["field"] for v in violations} == {"calendarEvent.date", "calendarEvent.recurringRule"}
    assert all(v["ruleName"] == "VALIDATION_ERROR" for v in violations)


@pytest.mark.parametrize("field", ["name", "description"])
async def test_event_text_at_most_3000_characters(sandbox: Sandbox, field: str) -> None:
    event = {"name": "Sale", "date": "2026-07-15T00:00:00.000Z", field: "x" * 3001}
    response = await sandbox.call("POST", "/events", json={"calendarEvent": event})
    assert response.status_code == 400
    event[field] = "x" * 3000
    assert (await sandbox.call("POST", "/events", json={"calendarEvent": event})).status_code == 200


async def test_weekly_event_occurrences_only_inside_the_range(sandbox: Sandbox) -> None:
    await _create(
        sandbox,
        {
            "name": "Weekly live demo",
            "recurringRule": {"frequency": "WEEKLY", "startDate": "2026-06-30T17:00:00.000Z"},
        },
    )
    (demo,) = _mine(
        await _query(
            sandbox, {"$gte": "2026-07-01T00:00:00.000Z", "$lte": "2026-07-21T23:59:59.999Z"}
        )
    )
    assert demo["recurringRule"]["frequency"] == "WEEKLY"
    assert "date" not in demo
    assert [o["date"] for o in demo["recurringOccurrences"]] == [
        "2026-07-07T17:00:00.000Z",
        "2026-07-14T17:00:00.000Z",
        "2026-07-21T17:00:00.000Z",
    ]


async def test_monthly_and_yearly_occurrences(sandbox: Sandbox) -> None:
    await _create(
        sandbox,
        {
            "name": "Open studio",
            "recurringRule": {"frequency": "MONTHLY"},
            "date": "2026-05-10T18:00:00.000Z",
        },
    )
    await _create(
        sandbox,
        {
            "name": "Founders day",
            "recurringRule": {"frequency": "YEARLY", "startDate": "2020-08-02T00:00:00.000Z"},
        },
    )
    events = {e["name"]: e for e in _mine(await _query(sandbox))}
    assert [o["date"] for o in events["Open studio"]["recurringOccurrences"]] == [
        "2026-07-10T18:00:00.000Z",
        "2026-08-10T18:00:00.000Z",
    ]
    assert [o["date"] for o in events["Founders day"]["recurringOccurrences"]] == [
        "2026-08-02T00:00:00.000Z"
    ]


async def test_recurring_event_outside_range_is_left_out(sandbox: Sandbox) -> None:
    await _create(
        sandbox,
        {
            "name": "Winter fair",
            "recurringRule": {"frequency": "YEARLY", "startDate": "2020-12-05T00:00:00.000Z"},
        },
    )
    assert _mine(await _query(sandbox)) == []


async def test_recurring_rule_wins_over_date(sandbox: Sandbox) -> None:
    created = await _create(
        sandbox,
        {
            "name": "Both",
            "date": "2026-07-03T10:00:00.000Z",
            "recurringRule": {"frequency": "WEEKLY"},
        },
    )
    assert "date" not in created
    assert created["recurringRule"]["startDate"] == "2026-07-03T10:00:00.000Z"


async def test_query_needs_both_date_bounds(sandbox: Sandbox) -> None:
    for date_filter in (
        {"$gte": "2026-07-01T00:00:00.000Z"},
        {"$lte": "2026-07-01T00:00:00.000Z"},
        {},
    ):
        response = await sandbox.call(
            "POST", "/events/query", json={"query": {"filter": {"date": date_filter}}}
        )
        assert response.status_code == 400
    assert (await sandbox.call("POST", "/events/query", json={})).status_code == 400


async def test_query_accepts_filter_without_query_wrapper(sandbox: Sandbox) -> None:
    body = await sandbox.ok("POST", "/events/query", json={"filter": {"date": JULY_AUGUST}})
    assert body["events"] == await _query(sandbox)


async def test_query_sorted_by_date_and_capped_at_100(sandbox: Sandbox) -> None:
    for day in range(120, 0, -1):
        await _create(
            sandbox,
            {
                "name": f"Event {day}",
                "date": f"2027-{1 + day // 28:02d}-{1 + day % 28:02d}T00:00:00.000Z",
            },
        )
    events = await _query(
        sandbox, {"$gte": "2027-01-01T00:00:00.000Z", "$lte": "2027-12-31T00:00:00.000Z"}
    )
    assert len(events) == 100
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)


async def test_update_replaces_the_whole_event(sandbox: Sandbox) -> None:
    created = await _create(
        sandbox,
        {"name": "Summer Sale", "description": "20% off", "date": "2026-07-15T00:00:00.000Z"},
    )
    body = await sandbox.ok(
        "PUT",
        f"/events/{created['id']}",
        json={
            "event": {
                "id": created["id"],
                "name": "Summer Sale (extended)",
                "recurringRule": {"frequency": "WEEKLY", "startDate": "2026-07-15T00:00:00.000Z"},
            }
        },
    )
    updated = body["event"]
    assert updated["name"] == "Summer Sale (extended)"
    assert "description" not in updated
    assert "date" not in updated
    assert updated["recurringRule"]["frequency"] == "WEEKLY"


async def test_update_without_date_or_rule_is_invalid(sandbox: Sandbox) -> None:
    created = await _create(sandbox, {"name": "Sale", "date": "2026-07-15T00:00:00.000Z"})
    response = await sandbox.call(
        "PUT", f"/events/{created['id']}", json={"calendarEvent": {"name": "Sale"}}
    )
    assert response.status_code == 400


async def test_unknown_event_update_and_delete_are_failed_precondition(sandbox: Sandbox) -> None:
    update = await sandbox.call(
        "PUT", "/events/nope", json={"event": {"name": "x", "date": "2026-07-15T00:00:00.000Z"}}
    )
    assert update.status_code == 428
    assert (await sandbox.call("DELETE", "/events/nope")).status_code == 428


async def test_connected_calendar_events_are_read_only(sandbox: Sandbox) -> None:
    read_only = [e for e in await _query(sandbox) if e.get("readOnly")]
    assert read_only, "the demo site's Google Calendar brings events"
    event = read_only[0]
    update = await sandbox.call(
        "PUT", f"/events/{event['id']}", json={"event": {**event, "name": "Mine now"}}
    )
    assert update.status_code == 428
    assert (await sandbox.call("DELETE", f"/events/{event['id']}")).status_code == 428
    assert event in await _query(sandbox)


async def test_delete_event(sandbox: Sandbox) -> None:
    created = await _create(sandbox, {"name": "Sale", "date": "2026-07-15T00:00:00.000Z"})
    assert await sandbox.ok("DELETE", f"/events/{created['id']}") == {}
    assert _mine(await _query(sandbox)) == []


async def test_events_shape_the_next_generation(sandbox: Sandbox) -> None:
    await _create(sandbox, {"name": "Kiln Opening Party", "date": "2026-08-14T18:00:00.000Z"})
    plan = await sandbox.generate()
    assert any("Kiln Opening Party" in a["title"] for a in plan["marketingActivities"])

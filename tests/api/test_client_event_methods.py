"""Calendar Events service methods (§4): exact requests and example answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api.wix_double import PLAN_ROOT, FakeWix
from tui_planner.api import MarketingPlanClient
from tui_planner.api.models import (
    CalendarEvent,
    RecurrenceFrequency,
    RecurringEventOccurrence,
    RecurringRule,
)

EVENT_ID = "e0a4c1f2-8b3d-4f6a-9c2e-1d7b5a3f9e10"
CALENDAR_ID = "c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57"
DAY = datetime(2026, 7, 7, tzinfo=UTC)

# §4.2 CreateEvent's example answer.
CREATED_EXAMPLE = {
    "calendarEvent": {
        "id": "e0a4c1f2-8b3d-4f6a-9c2e-1d7b5a3f9e10",
        "calendarId": "c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57",
        "name": "Summer Sale",
        "description": "20% off all mugs",
        "date": "2026-07-15T00:00:00.000Z",
    }
}

# §4.3 UpdateEvent's example answer.
UPDATED_EXAMPLE = {
    "event": {
        "id": "e0a4c1f2-8b3d-4f6a-9c2e-1d7b5a3f9e10",
        "calendarId": "c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57",
        "name": "Summer Sale (extended)",
        "description": "20% off all mugs",
        "date": "2026-07-20T00:00:00.000Z",
    }
}

# §4.5 QueryEvents' example answer.
QUERY_EXAMPLE = {
    "events": [
        {
            "id": "e0a4c1f2-8b3d-4f6a-9c2e-1d7b5a3f9e10",
            "calendarId": "c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57",
            "name": "Summer Sale",
            "date": "2026-07-15T00:00:00.000Z",
        },
        {
            "id": "f1b2c3d4-0000-4a5b-8c9d-112233445566",
            "name": "Weekly live demo",
            "recurringRule": {"frequency": "WEEKLY"},
            "recurringOccurrences": [
                {"date": "2026-07-07T17:00:00.000Z"},
                {"date": "2026-07-14T17:00:00.000Z"},
            ],
        },
    ]
}


async def test_create_event_wraps_calendar_event_and_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(CREATED_EXAMPLE)

    created = await plan.create_event(
        CalendarEvent(
            name="Summer Sale",
            description="20% off all mugs",
            date=datetime(2026, 7, 15, tzinfo=UTC),
        )
    )

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/events"
    assert wix.last.body == {
        "calendarEvent": {
            "name": "Summer Sale",
            "description": "20% off all mugs",
            "date": "2026-07-15T00:00:00.000Z",
        }
    }
    assert created.id == EVENT_ID
    assert created.calendar_id == CALENDAR_ID


async def test_create_event_never_sends_server_fields(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(CREATED_EXAMPLE)

    await plan.create_event(
        CalendarEvent(
            id="x",
            calendar_id="y",
            name="Weekly live demo",
            recurring_rule=RecurringRule(frequency=RecurrenceFrequency.WEEKLY),
            recurring_occurrences=(
                RecurringEventOccurrence(date=datetime(2026, 7, 7, tzinfo=UTC)),
            ),
            read_only=True,
        )
    )

    assert wix.last.body == {
        "calendarEvent": {"name": "Weekly live demo", "recurringRule": {"frequency": "WEEKLY"}}
    }


async def test_update_event_puts_whole_event_under_event_key(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPDATED_EXAMPLE)

    updated = await plan.update_event(
        CalendarEvent(
            id=EVENT_ID,
            calendar_id=CALENDAR_ID,
            name="Summer Sale (extended)",
            description="20% off all mugs",
            date=datetime(2026, 7, 20, tzinfo=UTC),
        )
    )

    assert wix.last.method == "PUT"
    assert wix.last.path == f"{PLAN_ROOT}/events/{EVENT_ID}"
    assert wix.last.body == {
        "event": {
            "id": "e0a4c1f2-8b3d-4f6a-9c2e-1d7b5a3f9e10",
            "name": "Summer Sale (extended)",
            "description": "20% off all mugs",
            "date": "2026-07-20T00:00:00.000Z",
        }
    }
    assert updated.name == "Summer Sale (extended)"
    assert updated.date == datetime(2026, 7, 20, tzinfo=UTC)


async def test_update_event_needs_an_id(plan: MarketingPlanClient, wix: FakeWix) -> None:
    with pytest.raises(ValueError, match="ID"):
        await plan.update_event(CalendarEvent(name="x"))

    assert wix.sent == []


async def test_delete_event_puts_id_in_path(plan: MarketingPlanClient, wix: FakeWix) -> None:
    wix.reply({})

    await plan.delete_event(EVENT_ID)
    assert (wix.last.method, wix.last.path, wix.last.body) == (
        "DELETE",
        f"{PLAN_ROOT}/events/{EVENT_ID}",
        None,
    )


async def test_ids_are_escaped_as_one_path_segment(plan: MarketingPlanClient, wix: FakeWix) -> None:
    await plan.delete_event("a/b?c")

    assert wix.last.raw_path == f"{PLAN_ROOT}/events/a%2Fb%3Fc"


async def test_query_events_sends_date_range_operators_and_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(QUERY_EXAMPLE)

    events = await plan.query_events(
        datetime(2026, 7, 1, tzinfo=UTC), datetime(2026, 8, 31, 23, 59, 59, 999000, tzinfo=UTC)
    )

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/events/query"
    assert wix.last.body == {
        "query": {
            "filter": {
                "date": {"$gte": "2026-07-01T00:00:00.000Z", "$lte": "2026-08-31T23:59:59.999Z"}
            }
        }
    }
    one_time, recurring = events
    assert one_time.date == datetime(2026, 7, 15, tzinfo=UTC)
    assert not one_time.is_recurring
    assert recurring.is_recurring
    assert recurring.recurring_rule is not None
    assert recurring.recurring_rule.frequency is RecurrenceFrequency.WEEKLY
    assert [o.date.day for o in recurring.recurring_occurrences] == [7, 14]

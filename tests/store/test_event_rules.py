"""Event rules the contract leaves to the app: read-only, when it starts, its time of day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from tui_planner.api.models import (
    CalendarEvent,
    RecurrenceFrequency,
    RecurringEventOccurrence,
    RecurringRule,
)
from tui_planner.store import PlannerState
from tui_planner.store.event_rules import (
    event_instant,
    event_is_read_only,
    event_start,
    event_time_of_day,
    with_series_start,
)
from tui_planner.store.reducers import mark_event_read_only

NEW_YORK = ZoneInfo("America/New_York")


def test_an_event_is_read_only_when_flagged_or_once_refused() -> None:
    mine = CalendarEvent(id="e1", name="Sale", date=datetime(2026, 12, 5, tzinfo=UTC))
    flagged = mine.model_copy(update={"id": "e2", "read_only": True})
    state = PlannerState()
    assert not event_is_read_only(state, mine)
    assert event_is_read_only(state, flagged)

    refused = mark_event_read_only(state, "e1")
    assert event_is_read_only(refused, mine)
    assert refused.revision == state.revision + 1
    assert mark_event_read_only(refused, "e1") is refused, "no news the second time"
    assert not event_is_read_only(replace(refused, read_only_event_ids=frozenset()), mine)


def test_a_date_only_event_stays_date_only_on_another_day() -> None:
    event = CalendarEvent(id="e1", name="Sale", date=datetime(2026, 12, 5, tzinfo=UTC))
    assert event_time_of_day(event, NEW_YORK) is None
    assert event_instant(date(2026, 12, 9), event, NEW_YORK) == datetime(2026, 12, 9, tzinfo=UTC)
    assert event_instant(date(2026, 12, 9), None, NEW_YORK) == datetime(2026, 12, 9, tzinfo=UTC)


def test_an_event_with_a_time_of_day_keeps_it_across_a_clock_change() -> None:
    # 15:30 in New York in summer (EDT, UTC-4), moved to a day in winter (EST, UTC-5).
    event = CalendarEvent(
        id="e1", name="Glaze talk", date=datetime(2026, 10, 30, 19, 30, tzinfo=UTC)
    )
    assert event_time_of_day(event, NEW_YORK) == time(15, 30)
    moved = event_instant(date(2026, 11, 6), event, NEW_YORK)
    assert moved == datetime(2026, 11, 6, 20, 30, tzinfo=UTC)
    assert moved.astimezone(NEW_YORK).time() == time(15, 30)


def test_a_recurring_event_without_a_rule_start_starts_at_its_first_occurrence() -> None:
    first = datetime(2026, 12, 1, 17, tzinfo=UTC)
    event = CalendarEvent(
        id="e1",
        name="Live demo",
        recurring_rule=RecurringRule(frequency=RecurrenceFrequency.WEEKLY),
        recurring_occurrences=(
            RecurringEventOccurrence(date=datetime(2026, 12, 8, 17, tzinfo=UTC)),
            RecurringEventOccurrence(date=first),
        ),
    )
    assert event_start(event) == first
    started = with_series_start(event)
    assert started.recurring_rule is not None
    assert started.recurring_rule.start_date == first
    assert with_series_start(started) is started
    assert event_time_of_day(event, UTC) == time(17, 0)
    once = CalendarEvent(name="Sale", date=first)
    assert with_series_start(once) is once

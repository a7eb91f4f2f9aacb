"""A recurring event is drawn on every day its rule falls on, in whatever month is shown,
not only inside the plan's period where the server lists occurrences (issue 18, item 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tui_planner.api.models import CalendarEvent, RecurrenceFrequency
from tui_planner.api.models.events import RecurringEventOccurrence, RecurringRule
from tui_planner.store.state import PlannerState
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex

PLAN_START, PLAN_END = date(2026, 11, 23), date(2026, 12, 31)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


def _index(*events: CalendarEvent) -> DayIndex:
    state = PlannerState(loaded=True, plan_start=PLAN_START, plan_end=PLAN_END, events=events)
    return DayIndex.build(state, CalendarFilter(), UTC)


def _series(
    frequency: RecurrenceFrequency, first: date, listed: tuple[date, ...], end: date | None = None
) -> CalendarEvent:
    return CalendarEvent(
        id=f"ev-{frequency.value}",
        name=f"{frequency.value.title()} market",
        recurring_rule=RecurringRule(
            frequency=frequency, start_date=_at(first), end_date=_at(end) if end else None
        ),
        recurring_occurrences=tuple(RecurringEventOccurrence(date=_at(d)) for d in listed),
    )


def test_a_weekly_event_is_drawn_in_the_month_after_next() -> None:
    # Saturdays; the server listed those inside the plan's period only.
    listed = (date(2026, 11, 28), date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19))
    index = _index(_series(RecurrenceFrequency.WEEKLY, date(2026, 11, 28), listed))
    saturdays_in_january = [date(2027, 1, d) for d in (2, 9, 16, 23, 30)]
    assert all(index.day(d).events == ("Weekly market",) for d in saturdays_in_january)
    assert index.day(date(2027, 1, 8)).events == (), "a Friday"
    assert index.day(date(2026, 11, 21)).events == (), "before the series starts"
    # Inside the period the listed occurrences rule: no second copy, no guessed extra.
    assert index.day(date(2026, 12, 5)).events == ("Weekly market",)
    assert index.day(date(2026, 12, 26)).events == (), "inside the period, not listed"


def test_monthly_and_yearly_series_and_an_end_date() -> None:
    monthly = _series(RecurrenceFrequency.MONTHLY, date(2026, 1, 31), (), end=date(2027, 5, 1))
    yearly = _series(RecurrenceFrequency.YEARLY, date(2020, 3, 14), ())
    index = _index(monthly, yearly)
    assert index.day(date(2027, 3, 31)).events == ("Monthly market",)
    assert index.day(date(2027, 2, 28)).events == (), "February has no 31st"
    assert index.day(date(2027, 5, 31)).events == (), "the series ended on 1 May"
    assert index.day(date(2031, 3, 14)).events == ("Yearly market",)

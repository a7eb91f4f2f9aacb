"""Events stored at dates the calendar cannot show (made through the API) break nothing.

West of Greenwich year 1's first hours are in year 0, east of it 9999's last are in 10000:
both once raised OverflowError wherever an event's day was worked out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Input

from tests.harness import FIXED_NOW, SIZE, RecordingEngine
from tui_planner.api.models import CalendarEvent, PlanStatus, RecurrenceFrequency, RecurringRule
from tui_planner.clock import ManualClock
from tui_planner.store.state import PlannerState, SyncStatus
from tui_planner.sync.commands import DeleteEvent
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.events import EventsScreen
from tui_planner.ui.widgets.field_error import FieldError

Settle = Callable[..., Awaitable[None]]

ODD_EVENTS = (
    CalendarEvent(id="ev-1900", name="Founded", date=datetime(1900, 6, 1, tzinfo=UTC)),
    CalendarEvent(id="ev-year-one", name="Year one", date=datetime(1, 1, 1, tzinfo=UTC)),
    CalendarEvent(id="ev-9999", name="Last day", date=datetime(9999, 12, 31, tzinfo=UTC)),
    CalendarEvent(id="ev-9999-late", name="Last hour", date=datetime(9999, 12, 31, 23, tzinfo=UTC)),
    CalendarEvent(
        id="ev-rule",
        name="Every year since year one",
        recurring_rule=RecurringRule(
            frequency=RecurrenceFrequency.YEARLY, start_date=datetime(1, 1, 1, tzinfo=UTC)
        ),
    ),
)


@pytest.fixture(params=["America/New_York", "Australia/Sydney"])
def clock(request: pytest.FixtureRequest) -> ManualClock:
    """The app's clock, west and east of Greenwich (overrides tests/ui/conftest.py's)."""
    return ManualClock(FIXED_NOW, tz=ZoneInfo(str(request.param)))


def odd_state() -> PlannerState:
    return PlannerState(
        loaded=True,
        plan_status=PlanStatus.ACTIVE,
        plan_start=date(2026, 11, 23),
        plan_end=date(2026, 12, 31),
        activities=MappingProxyType({}),
        events=ODD_EVENTS,
        sync=SyncStatus(),
    )


async def test_the_list_shows_every_odd_event_on_its_own_date(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_static_app(odd_state())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))

        table = app.screen.query_one(DataTable)
        rows = {
            str(table.get_row_at(n)[0]): str(table.get_row_at(n)[1]) for n in range(table.row_count)
        }
        assert rows["Founded"] == "Fri 1 Jun 1900"
        assert rows["Year one"] == "Mon 1 Jan 1"
        assert rows["Last day"] == "Fri 31 Dec 9999"
        assert rows["Every year since year one"] == "Every year from Mon 1 Jan 1"
        assert rows["Last hour"].endswith("9999")


@pytest.mark.parametrize("event", ODD_EVENTS, ids=lambda event: event.id)
async def test_an_odd_event_opens_for_editing_and_is_refused_a_day_outside_the_calendar(
    make_static_app: Callable[..., PlannerApp], settle: Settle, event: CalendarEvent
) -> None:
    app = make_static_app(odd_state())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))
        table = app.screen.query_one(DataTable)
        assert event.id is not None
        table.move_cursor(row=table.get_row_index(event.id))

        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, EventForm), what="the form")
        form = app.screen
        field = "#event-start" if event.is_recurring else "#event-date"
        assert form.query_one(field, Input).value.endswith(("-01", "-31"))
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form, "the form stays open"
        message = form.query_one(f"{field}-error", FieldError).message or ""
        assert "is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100." in message
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        assert engine.commands == []

        await pilot.press("escape")
        await pilot.pause()
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: engine.commands == [DeleteEvent(event.id or "")])


async def test_the_calendar_paints_with_odd_events_in_the_state(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_static_app(odd_state())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "right_square_bracket", "g")
        await pilot.pause()
        await pilot.press(*"1970-01-01", "enter", "left_square_bracket")
        await pilot.pause()

        assert app.return_code is None

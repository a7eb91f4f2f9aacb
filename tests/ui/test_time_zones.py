"""Wall time in the user's zone is what reaches the API, across daylight-saving changes.

Every test runs in New York, Berlin and Sydney, on a manual clock set a few days before
that zone's clocks change (New York and Berlin go forward in March, Sydney goes back in
April), against the in-memory sandbox, and checks what the sandbox stored. The zone is
injected through the clock; the process's ``TZ`` is never touched.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Input, Label, TextArea

from tests.harness import SIZE
from tui_planner.api.models import ChannelName, ItemStatus, PlanMarketingActivity
from tui_planner.clock import ManualClock
from tui_planner.store.selectors import item
from tui_planner.sync.commands import ScheduleDrafts
from tui_planner.sync.engine import SyncEngine
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.events import EventsScreen
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.reschedule import RescheduleScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.zone import wall_instant

Settle = Callable[..., Awaitable[None]]


@dataclass(frozen=True)
class Case:
    """A zone, a "now" before its clocks change, and a day after the change."""

    zone: str
    now: datetime
    after_change: date
    nine_after_change: datetime
    """09:00 on ``after_change`` on the zone's wall, in UTC."""


CASES = {
    case.zone: case
    for case in (
        # EST (-5) now; EDT (-4) from 8 March.
        Case(
            "America/New_York",
            datetime(2026, 3, 2, 15, tzinfo=UTC),
            date(2026, 3, 10),
            datetime(2026, 3, 10, 13, tzinfo=UTC),
        ),
        # CET (+1) now; CEST (+2) from 29 March.
        Case(
            "Europe/Berlin",
            datetime(2026, 3, 23, 9, tzinfo=UTC),
            date(2026, 4, 1),
            datetime(2026, 4, 1, 7, tzinfo=UTC),
        ),
        # AEDT (+11) now; AEST (+10) from 5 April: 09:00 is still the evening before in UTC.
        Case(
            "Australia/Sydney",
            datetime(2026, 3, 30, 0, tzinfo=UTC),
            date(2026, 4, 8),
            datetime(2026, 4, 7, 23, tzinfo=UTC),
        ),
    )
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    """The zone under test."""
    return CASES[str(request.param)]


@pytest.fixture
def clock(case: Case) -> ManualClock:
    """The app's clock (overrides tests/ui/conftest.py's): the case's zone and moment."""
    return ManualClock(case.now, tz=ZoneInfo(case.zone))


def test_the_cases_cross_a_change_of_offset(case: Case) -> None:
    tz = ZoneInfo(case.zone)
    assert case.now.astimezone(tz).utcoffset() != case.nine_after_change.astimezone(tz).utcoffset()
    assert wall_instant(case.after_change, time(9), tz) == case.nine_after_change


async def test_rescheduling_across_the_change_sends_the_wall_time_typed(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle, case: Case
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        draft, owner = first_connected_draft(app)
        outcome = await app.execute(ScheduleDrafts((draft,)))
        assert outcome.ok, outcome.message
        assert outcome.scheduled_ids == (draft,)
        await settle(pilot, lambda: status(app, draft) == ItemStatus.SCHEDULED)
        found = item(app.state, draft)
        assert found is not None
        await app.push_screen(PostPreviewScreen(owner.id, found[1].channel.name))
        await settle(pilot, lambda: isinstance(app.screen, PostPreviewScreen))

        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, RescheduleScreen))
        dialog = app.screen
        labels = [
            str(label.visual) for label in dialog.query("#reschedule-fields Label").results(Label)
        ]
        assert labels == ["Date (YYYY-MM-DD)", f"Time (HH:MM, {case.zone})"]
        dialog.query_one("#reschedule-date", Input).value = case.after_change.isoformat()
        dialog.query_one("#reschedule-time", Input).value = "09:00"
        await pilot.press("enter")
        await settle(pilot, lambda: scheduled(app, draft) == case.nine_after_change)

        assert await sandbox_scheduled(app, owner.id, draft) == case.nine_after_change


async def test_a_new_activity_is_planned_at_nine_on_the_wall_after_the_change(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle, case: Case
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#activity-title", Input).value = "Spring window display"
        form.query_one(TextArea).text = "Show the new window."
        form.query_one("#activity-date", Input).value = case.after_change.isoformat()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: titled(app, "Spring window display") is not None)

        created = titled(app, "Spring window display")
        assert created is not None
        assert created.date == case.nine_after_change
        assert app.session.backend is not None
        stored = await app.session.backend.plan.get_marketing_activity(created.id)
        assert stored.target_date == case.nine_after_change
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen.select_date(case.after_change)
        await pilot.pause()
        shown = screen.query_one(Agenda)
        shown_lines = lines(shown)
        title_at = next(n for n, line in enumerate(shown_lines) if "Spring window display" in line)
        assert shown_lines[title_at + 1].strip().startswith("09:00"), "its time, under the title"


async def test_an_event_keeps_the_date_typed_in_the_api_the_list_and_the_calendar(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle, case: Case
) -> None:
    app = make_app()
    day = case.after_change
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, EventForm))
        app.screen.query_one("#event-name", Input).value = "Spring sale"
        app.screen.query_one("#event-date", Input).value = day.isoformat()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: event_named(app, "Spring sale") is not None)

        created = event_named(app, "Spring sale")
        assert created is not None
        assert created.date == datetime(day.year, day.month, day.day, tzinfo=UTC)
        table = app.screen.query_one(DataTable)
        row = next(
            " | ".join(str(cell) for cell in table.get_row_at(n))
            for n in range(table.row_count)
            if "Spring sale" in str(table.get_row_at(n)[0])
        )
        assert f"{day:%a} {day.day} {day:%b %Y}" in row

        assert created.id is not None
        table.move_cursor(row=table.get_row_index(created.id))
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, EventForm), what="the edit form")
        assert app.screen.query_one("#event-date", Input).value == day.isoformat()
        await pilot.press("escape")
        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, CalendarScreen))
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen.select_date(day)
        await pilot.pause()
        assert "Spring sale" in "\n".join(lines(screen.query_one(Agenda)))


async def test_an_event_today_is_still_listed_after_the_next_sync(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Settle, case: Case
) -> None:
    """Midnight UTC of today is before New York's midnight: the events query must reach it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, EventForm))
        app.screen.query_one("#event-name", Input).value = "Opening today"
        app.screen.query_one("#event-date", Input).value = "today"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: event_named(app, "Opening today") is not None)

        assert isinstance(app.session.engine, SyncEngine)
        await app.session.engine.run_once()
        await settle(pilot)

        assert event_named(app, "Opening today") is not None


async def test_the_status_bar_names_the_zone(
    make_app: Callable[..., PlannerApp], settle: Settle, case: Case
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        label = app.screen.query_one("#status-zone", Label)
        assert str(label.visual) == case.zone
        assert label.display


# -- helpers ------------------------------------------------------------------------------------


def first_connected_draft(app: PlannerApp) -> tuple[str, PlanMarketingActivity]:
    """A draft on a connected channel, on an activity after today, and its activity."""
    connected = {ChannelName.FACEBOOK, ChannelName.INSTAGRAM, ChannelName.LINKEDIN}
    for owner in sorted(app.state.activities.values(), key=lambda a: a.date):
        if owner.date <= app.clock.now():
            continue
        for entry in owner.items:
            if entry.status == ItemStatus.DRAFT and entry.channel.name in connected:
                return entry.id, owner
    raise AssertionError("the generated plan has a connected draft")


def status(app: PlannerApp, item_id: str) -> ItemStatus | None:
    found = item(app.state, item_id)
    return found[1].status if found else None


def scheduled(app: PlannerApp, item_id: str) -> datetime | None:
    found = item(app.state, item_id)
    return found[1].scheduled_date if found else None


async def sandbox_scheduled(app: PlannerApp, activity_id: str, item_id: str) -> datetime | None:
    """The item's scheduled time as the sandbox stored it, read back through the client."""
    assert app.session.backend is not None
    answer = await app.session.backend.plan.get_marketing_activity_posts([activity_id])
    return next(
        entry.scheduled_date
        for owner in answer.marketing_activities
        for entry in owner.items
        if entry.id == item_id
    )


def titled(app: PlannerApp, title: str) -> PlanMarketingActivity | None:
    return next((a for a in app.state.activities.values() if a.title == title), None)


def event_named(app: PlannerApp, name: str) -> Any:
    return next((event for event in app.state.events if event.name == name), None)


def lines(agenda: Agenda) -> list[str]:
    """The agenda's lines as text."""
    return [agenda.render_line(y).text for y in range(agenda.size.height)]

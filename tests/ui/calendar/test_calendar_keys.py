"""The calendar's keys move, open, create and filter as a user expects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

from textual.widgets import Input, Label, Select, TextArea

from tests.ui.calendar.calendar_host import CalendarHost, activity, sample_state
from tui_planner.api.models import MarketingActivityType
from tui_planner.sync.commands import CreateActivity
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.day_summary import CalendarFilter
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.filter_bar import FilterBar
from tui_planner.ui.widgets.month_grid import MonthGrid
from tui_planner.ui.widgets.week_view import WeekView

Host = Callable[..., CalendarHost]
SIZE = (120, 40)


def calendar(app: CalendarHost) -> CalendarScreen:
    screen = app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


def described(screen: CalendarScreen) -> dict[str, tuple[str | None, str]]:
    """What ``[`` and ``]`` do now, as the help screen and key bar read it: (id, description)."""
    active = screen.active_bindings
    return {
        key: (active[key].binding.id, active[key].binding.description)
        for key in ("left_square_bracket", "right_square_bracket")
    }


async def test_arrows_and_hjkl_move_by_day_and_week_across_month_edges(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        assert screen.selected_date == date(2026, 11, 23)
        await pilot.press("right", "l")
        assert screen.selected_date == date(2026, 11, 25)
        await pilot.press("down")
        assert screen.selected_date == date(2026, 12, 2)
        grid = screen.query_one(MonthGrid)
        assert grid.days[0] == date(2026, 11, 30), "the grid turned to December"
        await pilot.press("k")
        assert screen.selected_date == date(2026, 11, 25)
        assert grid.days[0] == date(2026, 10, 26), "and back to November"
        await pilot.press("h", "left", "j", "up")
        assert screen.selected_date == date(2026, 11, 23)


async def test_left_from_the_first_turns_to_the_previous_month(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        screen.select_date(date(2026, 12, 1))
        await pilot.press("left")
        assert screen.selected_date == date(2026, 11, 30)
        await pilot.press("right", "right")
        assert screen.selected_date == date(2026, 12, 2)


async def test_monday_week_start_puts_monday_in_the_first_column(host: Host) -> None:
    app = host(week_start="monday")
    async with app.run_test(size=SIZE):
        days = calendar(app).query_one(MonthGrid).days
        assert days[0] == date(2026, 10, 26)
        assert days[0].weekday() == 0


async def test_sunday_week_start_puts_sunday_first_and_up_still_moves_a_week(host: Host) -> None:
    app = host(week_start="sunday")
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        days = screen.query_one(MonthGrid).days
        assert days[0] == date(2026, 11, 1)
        assert days[0].weekday() == 6
        screen.select_date(date(2026, 11, 1))
        await pilot.press("up")
        assert screen.selected_date == date(2026, 10, 25)
        assert screen.query_one(MonthGrid).days[0] == date(2026, 9, 27)


async def test_brackets_change_month_and_keep_the_day_within_it(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        screen.select_date(date(2027, 1, 31))
        await pilot.press("right_square_bracket")
        assert screen.selected_date == date(2027, 2, 28)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.selected_date == date(2026, 12, 28)


async def test_brackets_move_by_week_in_the_week_list_and_say_so(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        step = screen.query_one("#calendar-step", Label)
        assert str(step.render()).endswith("[ ] month")
        await pilot.press("v", "right_square_bracket")
        assert screen.selected_date == date(2026, 11, 30)
        assert screen.query_one(WeekView).options[0].id == "day-2026-11-30"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.selected_date == date(2026, 11, 16)
        assert str(step.render()).endswith("[ ] week")
        assert described(screen) == {
            "left_square_bracket": ("calendar.prev_week", "Prev week"),
            "right_square_bracket": ("calendar.next_week", "Next week"),
        }
        await pilot.press("v", "right_square_bracket")
        assert screen.selected_date == date(2026, 12, 16), "the grid still turns a month"
        assert str(step.render()).endswith("[ ] month")
        assert described(screen) == {
            "left_square_bracket": ("calendar.prev_month", "Prev month"),
            "right_square_bracket": ("calendar.next_month", "Next month"),
        }


async def test_t_returns_to_today(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        await pilot.press("right_square_bracket", "down", "t")
        assert screen.selected_date == date(2026, 11, 23)


async def test_g_goes_to_a_typed_date_and_explains_a_bad_one(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.press(*"next week")
        await pilot.press("enter")
        assert "“next week” is not a date" in (app.screen.query_one(FieldError).message or "")
        app.screen.query_one(Input).value = "2026-12-24"
        await pilot.press("enter")
        await pilot.pause()
        assert calendar(app).selected_date == date(2026, 12, 24)


async def test_enter_opens_the_only_activity_of_the_day(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        assert app.screen.activity_id == "act-1"


async def test_enter_on_a_busy_day_chooses_from_the_agenda(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        calendar(app).select_date(date(2026, 11, 27))
        await pilot.press("enter")
        agenda = calendar(app).query_one(Agenda)
        assert agenda.has_focus
        assert agenda.highlighted_id == "act-3"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        assert app.screen.activity_id == "act-4"


async def test_selection_and_agenda_highlight_survive_a_new_snapshot(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        screen.select_date(date(2026, 11, 27))
        await pilot.press("enter", "down")
        agenda = screen.query_one(Agenda)
        assert agenda.highlighted_id == "act-4"
        # A sync brings a new snapshot with one more activity on another day.
        newer = sample_state((activity(9, date(2026, 12, 3), "Added elsewhere"),))
        app.state = replace(newer, revision=5)
        await pilot.pause()
        assert screen.selected_date == date(2026, 11, 27)
        assert agenda.highlighted_id == "act-4"
        assert agenda.has_focus


async def test_n_creates_an_activity_after_checking_required_fields(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        calendar(app).select_date(date(2026, 12, 3))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        errors = {e.id: e.message for e in app.screen.query(FieldError)}
        assert errors["activity-title-error"] == "A title is required."
        assert errors["activity-description-error"] == "A description is required."
        assert app.submitted == []
        app.screen.query_one("#activity-title", Input).value = "Holiday gift cards"
        app.screen.query_one(TextArea).text = "Remind everyone gift cards exist."
        app.screen.query_one("#activity-date", Input).value = "2027-03-01"
        app.screen.query_one(Select).value = MarketingActivityType.EMAIL_MARKETING
        await pilot.press("ctrl+s")
        errors = {e.id: e.message for e in app.screen.query(FieldError)}
        assert errors["activity-date-error"] == (
            "The plan ends on Thu 31 Dec 2026; pick that day or earlier."
        )
        app.screen.query_one("#activity-date", Input).value = "2026-12-03"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.submitted == [
            CreateActivity(
                title="Holiday gift cards",
                description="Remind everyone gift cards exist.",
                target_date=datetime(2026, 12, 3, 9, 0, tzinfo=UTC),
                activity_type=MarketingActivityType.EMAIL_MARKETING,
            )
        ]


async def test_filter_thins_the_calendar_shows_it_and_capital_f_clears_it(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        screen.select_date(date(2026, 11, 27))
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-type", Select).value = MarketingActivityType.EMAIL_MARKETING
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.filter == CalendarFilter(activity_type=MarketingActivityType.EMAIL_MARKETING)
        bar = screen.query_one(FilterBar)
        assert bar.has_class("-active")
        assert "Type: Email" in str(bar.render())
        assert screen.query_one(Agenda).activity_ids == ("act-4",)
        await pilot.press("F")
        assert not screen.filter.active
        assert not bar.has_class("-active")
        assert screen.query_one(Agenda).activity_ids == ("act-3", "act-4", "act-5")


async def test_v_shows_the_week_as_a_list_with_each_posts_status(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        await pilot.press("v")
        assert screen.has_class("-week")
        week = screen.query_one("#calendar-week")
        assert week.display
        assert week.has_focus
        ids = [option.id for option in week.options]  # type: ignore[attr-defined]
        assert ids[0] == "day-2026-11-23"
        assert "act-1" in ids
        assert "act-5" in ids
        assert "act-6" not in ids
        await pilot.press("v")
        assert screen.query_one(MonthGrid).has_focus


async def test_a_late_evening_activity_stays_on_its_own_day(host: Host) -> None:
    app = host(state=sample_state((activity(7, date(2026, 12, 4), "Late night drop", hour=23),)))
    async with app.run_test(size=SIZE):
        screen = calendar(app)
        screen.select_date(date(2026, 12, 4))
        assert screen.query_one(Agenda).activity_ids == ("act-7",)


async def test_escape_from_a_new_activity_with_a_description_asks_before_losing_it(
    host: Host,
) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "Half a paragraph worth keeping"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)

        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "Half a paragraph worth keeping"

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert app.submitted == []

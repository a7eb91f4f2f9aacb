"""Days the calendar cannot show are refused with a sentence; relative days count from today.

Each refusal here was a traceback once: ``g 9999-12-31`` then ``l`` (OverflowError),
``g 0001-01-01`` then ``[`` (ValueError). Today is Mon 23 Nov 2026 on the host's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from tests.ui.calendar.calendar_host import CalendarHost
from tui_planner.api.models import MarketingActivityType
from tui_planner.sync.commands import CreateActivity
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.goto_date import GotoDateDialog
from tui_planner.ui.widgets.field_error import FieldError

Host = Callable[..., CalendarHost]
SIZE = (120, 40)
TODAY = date(2026, 11, 23)


def calendar(app: CalendarHost) -> CalendarScreen:
    screen = app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


def notices(app: CalendarHost) -> list[str]:
    return [notification.message for notification in app._notifications]


async def go_to(pilot: Pilot[None], text: str) -> None:
    """Press ``g``, type ``text`` and enter, as a user would."""
    await pilot.press("g")
    await pilot.pause()
    await pilot.press(*text, "enter")
    await pilot.pause()


def goto_error(app: CalendarHost) -> str:
    dialog = app.screen
    assert isinstance(dialog, GotoDateDialog), "the dialog stays open"
    return dialog.query_one("#goto-error", FieldError).message or ""


async def test_g_to_9999_is_refused_and_l_still_moves_from_where_it_was(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "9999-12-31")

        assert goto_error(app) == (
            "9999-12-31 is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100."
        )
        await pilot.press("escape", "l")
        await pilot.pause()

        assert calendar(app).selected_date == date(2026, 11, 24)


async def test_g_to_year_one_is_refused_and_the_bracket_still_turns_the_month(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "0001-01-01")

        assert goto_error(app).startswith("0001-01-01 is outside the calendar")
        await pilot.press("escape", "left_square_bracket")
        await pilot.pause()

        assert calendar(app).selected_date == date(2026, 10, 23)


@pytest.mark.parametrize("typed", ["1900-01-01", "2101-01-01", "+9999w", "-9999w"])
async def test_g_refuses_any_day_outside_the_window(host: Host, typed: str) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, typed)

        assert "is outside the calendar" in goto_error(app)


async def test_the_calendar_stops_at_its_last_day_and_says_so(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "2100-12-31")
        screen = calendar(app)
        assert screen.selected_date == date(2100, 12, 31)

        for key in ("l", "right_square_bracket", "j"):
            await pilot.press(key)
            await pilot.pause()
            assert screen.selected_date == date(2100, 12, 31), key

        assert notices(app).count("The calendar ends on Fri 31 Dec 2100.") == 3
        await pilot.press("h")
        assert screen.selected_date == date(2100, 12, 30)


async def test_the_calendar_stops_at_its_first_day_and_says_so(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "1970-01-01")
        screen = calendar(app)
        assert screen.selected_date == date(1970, 1, 1)

        for key in ("h", "left_square_bracket", "k"):
            await pilot.press(key)
            await pilot.pause()
            assert screen.selected_date == date(1970, 1, 1), key

        assert notices(app).count("The calendar starts on Thu 1 Jan 1970.") == 3


async def test_the_week_list_stops_at_the_last_week(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "2100-12-28")
        await pilot.press("v", "right_square_bracket")
        await pilot.pause()

        assert calendar(app).selected_date == date(2100, 12, 28)
        assert "The calendar ends on Fri 31 Dec 2100." in notices(app)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", TODAY),
        ("tomorrow", date(2026, 11, 24)),
        ("+3", date(2026, 11, 26)),
        ("-2w", date(2026, 11, 9)),
        ("24 dec", date(2026, 12, 24)),
    ],
)
async def test_g_counts_relative_days_from_today_not_the_selected_day(
    host: Host, typed: str, expected: date
) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "2027-06-10")
        assert calendar(app).selected_date == date(2027, 6, 10)

        await go_to(pilot, typed)

        assert calendar(app).selected_date == expected


async def test_enter_alone_in_go_to_stays_on_the_selected_day(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "2027-06-10")
        await go_to(pilot, "")

        assert calendar(app).selected_date == date(2027, 6, 10)


async def test_a_new_activity_plus_three_is_three_days_from_today(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "2026-12-20")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#activity-date", Input).value == "2026-12-20"
        form.query_one("#activity-title", Input).value = "Flash sale"
        form.query_one(TextArea).text = "Two days only."
        form.query_one("#activity-date", Input).value = "+3"
        form.query_one(Select).value = MarketingActivityType.SOCIAL_MARKETING

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.submitted == [
            CreateActivity(
                title="Flash sale",
                description="Two days only.",
                target_date=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
                activity_type=MarketingActivityType.SOCIAL_MARKETING,
            )
        ]


async def test_a_new_activity_in_9999_is_refused_under_its_field(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#activity-title", Input).value = "Far future"
        form.query_one(TextArea).text = "Too far."
        form.query_one("#activity-date", Input).value = "9999-12-31"

        await pilot.press("ctrl+s")
        await pilot.pause()

        errors = {e.id: e.message for e in form.query(FieldError)}
        assert errors["activity-date-error"] == (
            "9999-12-31 is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100."
        )
        assert app.submitted == []

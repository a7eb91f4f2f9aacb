"""A day its month does not have is refused by name wherever a day is typed.

dateutil read "32 Nov" as 23 November 2032 and go-to-date jumped there; "2026-11-31" was
"not a date, try 2026-12-24", as if the user had not written it that way. Each entry point
(go-to-date, the activity and event forms, the Posts filter, the reschedule dialog) now says
"There is no “32 Nov”: November 2026 has 30 days." and keeps the dialog open; a real day
still goes through. Today is Mon 23 Nov 2026 on the host's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from tests.harness import fixed_clock
from tests.ui.calendar.calendar_host import CalendarHost
from tui_planner.api.models import MarketingActivityType
from tui_planner.sync.commands import CreateActivity, CreateEvent
from tui_planner.ui.day_text import parse_day
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.goto_date import GotoDateDialog
from tui_planner.ui.screens.posts_filter import PostsFilterDialog
from tui_planner.ui.screens.reschedule import parse_when
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.post_sections import PostsFilter

Host = Callable[..., CalendarHost]
SIZE = (120, 40)
TODAY = date(2026, 11, 23)

MISSING = [
    ("32 Nov", "There is no “32 Nov”: November 2026 has 30 days."),
    ("Nov 32", "There is no “Nov 32”: November 2026 has 30 days."),
    ("31 Apr", "There is no “31 Apr”: April 2026 has 30 days."),
    ("29 Feb 2027", "There is no “29 Feb 2027”: February 2027 has 28 days."),
    ("2026-11-31", "There is no “2026-11-31”: November 2026 has 30 days."),
    ("2026-13-01", "There is no “2026-13-01”: a month is numbered 1 to 12."),
]


@pytest.mark.parametrize(("typed", "sentence"), MISSING)
def test_a_day_the_month_does_not_have_is_refused_by_name(typed: str, sentence: str) -> None:
    with pytest.raises(ValueError, match=r"^There is no") as refused:
        parse_day(typed, TODAY)

    assert str(refused.value) == sentence


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("30 Nov", date(2026, 11, 30)),
        ("Nov 30", date(2026, 11, 30)),
        ("29 Feb 2028", date(2028, 2, 29)),
        ("1st december 2026", date(2026, 12, 1)),
        ("2026-12-24", date(2026, 12, 24)),
        ("+3", date(2026, 11, 26)),
    ],
)
def test_a_real_day_still_reads(typed: str, day: date) -> None:
    assert parse_day(typed, TODAY) == day


async def test_go_to_32_nov_stays_open_and_says_so(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", *"32 Nov", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GotoDateDialog), "the dialog stays open"
        error = dialog.query_one("#goto-error", FieldError).message
        assert error == "There is no “32 Nov”: November 2026 has 30 days."

        dialog.query_one(Input).value = ""
        await pilot.press(*"30 Nov", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert screen.selected_date == date(2026, 11, 30)


async def test_a_new_activity_on_32_nov_is_refused_under_its_field(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#activity-title", Input).value = "Spring sale"
        form.query_one(TextArea).text = "Three days."
        form.query_one(Select).value = MarketingActivityType.SOCIAL_MARKETING
        form.query_one("#activity-date", Input).value = "32 Nov"

        await pilot.press("ctrl+s")
        await pilot.pause()

        error = form.query_one("#activity-date-error", FieldError).message
        assert error == "There is no “32 Nov”: November 2026 has 30 days."
        assert app.submitted == []
        form.query_one("#activity-date", Input).value = "30 Nov"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.submitted[0], CreateActivity)
        assert app.submitted[0].target_date.date() == date(2026, 11, 30)


async def test_an_event_on_29_feb_2027_is_refused_under_its_field(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        form = EventForm(today=TODAY, tz=UTC)
        await app.push_screen(form)
        await pilot.pause()
        form.query_one("#event-name", Input).value = "Leap sale"
        form.query_one("#event-date", Input).value = "29 Feb 2027"

        await pilot.press("ctrl+s")
        await pilot.pause()

        error = form.query_one("#event-date-error", FieldError).message
        assert error == "There is no “29 Feb 2027”: February 2027 has 28 days."
        assert app.submitted == []
        form.query_one("#event-date", Input).value = "29 Feb 2028"
        await pilot.press("ctrl+s")
        await pilot.pause()
        created = app.submitted[0]
        assert isinstance(created, CreateEvent)
        assert created.event.date is not None
        assert created.event.date.date() == date(2028, 2, 29)


async def test_the_posts_filter_refuses_31_apr_and_takes_30_apr(host: Host) -> None:
    app = host()
    chosen: list[PostsFilter | None] = []
    async with app.run_test(size=SIZE) as pilot:
        dialog = PostsFilterDialog(PostsFilter(), TODAY)
        await app.push_screen(dialog, chosen.append)
        await pilot.pause()
        dialog.query_one("#filter-first", Input).value = "31 Apr"

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is dialog
        error = dialog.query_one("#filter-first-error", FieldError).message
        assert error == "There is no “31 Apr”: April 2026 has 30 days."
        dialog.query_one("#filter-first", Input).value = "30 Apr 2027"
        await _save(pilot)
        assert chosen == [PostsFilter(first=date(2027, 4, 30))]


async def _save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


def test_reschedule_names_a_day_the_month_does_not_have() -> None:
    clock = fixed_clock()

    assert parse_when("2026-11-31", "10:00", clock) == (
        "There is no “2026-11-31”: November 2026 has 30 days."
    )
    assert parse_when("2026-11-30", "10:00", clock) == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)

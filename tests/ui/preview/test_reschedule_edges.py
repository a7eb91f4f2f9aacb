"""The reschedule dialog at the calendar's ends and at a daylight-saving gap: sentences only."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.api.models import ChannelName
from tui_planner.clock import ManualClock
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.reschedule import RescheduleScreen


async def open_reschedule(app: PlannerApp, pilot: Pilot[None]) -> RescheduleScreen:
    """The scheduled Instagram post's preview, then ``r``."""
    await app.push_screen(PostPreviewScreen("act-countdown", ChannelName.INSTAGRAM))
    for _ in range(3):
        await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, RescheduleScreen)
    return dialog


def error_of(dialog: object) -> str:
    assert isinstance(dialog, RescheduleScreen)
    return str(dialog.query_one("#reschedule-error", Static).visual)


@pytest.mark.parametrize(
    ("typed", "key", "sentence"),
    [
        ("9999-12-31", "up", "The calendar ends on Fri 31 Dec 2100."),
        ("2100-12-31", "up", "The calendar ends on Fri 31 Dec 2100."),
        ("0001-01-01", "down", "The calendar starts on Thu 1 Jan 1970."),
    ],
)
async def test_stepping_the_date_past_an_end_says_so_and_keeps_the_fields(
    typed: str, key: str, sentence: str
) -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_reschedule(app, pilot)
        day = dialog.query_one("#reschedule-date", Input)
        day.value = typed

        await pilot.press(key)
        await pilot.pause()

        assert app.screen is dialog
        assert day.value == typed
        assert error_of(dialog) == sentence


async def test_saving_a_date_outside_the_calendar_is_refused() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_reschedule(app, pilot)
        dialog.query_one("#reschedule-date", Input).value = "9999-12-31"

        await pilot.press("enter")
        await pilot.pause()

        assert app.screen is dialog
        assert error_of(dialog) == (
            "9999-12-31 is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100."
        )


class DialogHost(App[None]):
    """Shows one reschedule dialog and keeps what it dismissed with."""

    def __init__(self, clock: ManualClock) -> None:
        super().__init__()
        self.clock = clock
        self.results: list[datetime | None] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(RescheduleScreen(None, self.clock), self.results.append)


async def test_a_time_the_clocks_skip_is_refused_and_the_hour_after_is_taken() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    app = DialogHost(ManualClock(datetime(2026, 3, 23, 9, tzinfo=UTC), tz=berlin))
    async with app.run_test(size=SIZE) as pilot:
        dialog = app.screen
        dialog.query_one("#reschedule-date", Input).value = "2026-03-29"
        dialog.query_one("#reschedule-time", Input).value = "02:30"

        await pilot.press("enter")
        await pilot.pause()

        assert app.results == []
        assert error_of(dialog) == (
            "02:30 does not happen on Sun 29 Mar in Europe/Berlin: the clocks go forward "
            "then. Pick another time."
        )
        dialog.query_one("#reschedule-time", Input).value = "03:30"
        await pilot.press("enter")
        await pilot.pause()

        assert app.results == [datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]

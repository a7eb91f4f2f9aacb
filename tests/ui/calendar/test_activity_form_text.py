"""The new-activity form's text fields: pastes keep every line and lose control characters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import events
from textual.widgets import Input, TextArea

from tests.ui.calendar.calendar_host import CalendarHost
from tui_planner.sync.commands import CreateActivity
from tui_planner.ui.screens.activity_form import ActivityForm, check_text
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.widgets.field_error import FieldError

Host = Callable[..., CalendarHost]
SIZE = (120, 40)


async def test_pasted_control_characters_never_reach_the_command(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen.select_date(date(2026, 12, 3))
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActivityForm)
        form.query_one("#activity-title", Input).focus()
        app.post_message(events.Paste("Gift\x07 cards\x1b for\x01\neveryone"))
        await pilot.pause()
        form.query_one("#activity-description", TextArea).focus()
        app.post_message(events.Paste("Line one\r\n\tline\x9b two\x00"))
        await pilot.pause()
        assert form.query_one("#activity-title", Input).value == "Gift cards for everyone"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (command,) = app.submitted
        assert isinstance(command, CreateActivity)
        assert command.title == "Gift cards for everyone"
        assert command.description == "Line one\n\tline two"


def test_a_control_character_from_elsewhere_gets_a_sentence() -> None:
    assert check_text("Sale\x07", "A title") == (
        "It holds an invisible control character (U+0007); retype the text without it."
    )
    assert check_text("one\n\ttwo", "A description", multiline=True) is None
    assert check_text("one\ttwo", "A title") is not None
    assert check_text("  ", "A title") == "A title is required."


async def test_a_title_set_with_a_control_character_is_refused_inline(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActivityForm)
        form.query_one("#activity-title", Input).value = "Sale\x07"  # not typed: set
        form.query_one(TextArea).text = "Everything half price."
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {e.id: e.message for e in form.query(FieldError)}
        assert "control character (U+0007)" in (errors["activity-title-error"] or "")
        assert app.submitted == []

"""Issue 15, item 4: another program holds the sandbox file while a new event is saved.

Before, the app froze for 5 s, the form closed, nothing was shown and the event was lost.
Now the sandbox waits a little on the app's clock, answers "server busy", and the form stays
open with the sentence and every value typed; once the file is free, saving works.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from tests.harness import SIZE, advance, build_app, generate_plan, settle
from tui_planner.clock import ManualClock
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.events import EventsScreen
from tui_planner.ui.widgets.field_error import FieldError


async def test_a_locked_data_file_keeps_the_event_form_open_with_the_sentence(
    clock: ManualClock, tmp_path: Path
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    app = build_app(clock, data_file=data_file)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen), what="events")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#event-name", Input).value = "Kiln open day"
        form.query_one("#event-description", TextArea).text = "Tours every hour."
        form.query_one("#event-date", Input).value = "2026-12-12"

        other: Any = sqlite3.connect(data_file, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program's write lock
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert form.saving
            await advance(pilot, 3, step=0.25)  # the sandbox waits on the app's clock
            await settle(pilot, lambda: not form.saving, what="the refusal")
        finally:
            other.execute("ROLLBACK")
            other.close()

        assert app.screen is form, "the form stays open"
        failure = form.query_one(f"#{EventForm.FORM_ERROR_ID}", FieldError).message or ""
        assert "The sandbox data file is locked by another program" in failure
        assert form.query_one("#event-name", Input).value == "Kiln open day"
        assert form.query_one("#event-description", TextArea).text == "Tours every hour."
        assert form.query_one("#event-date", Input).value == "2026-12-12"
        assert not any(event.name == "Kiln open day" for event in app.state.events)

        await pilot.press("ctrl+s")  # the file is free again
        await settle(pilot, lambda: app.screen is not form, what="the save")
        assert any(event.name == "Kiln open day" for event in app.state.events)

"""The go-to-date dialog shows its whole example hint, whatever the terminal's size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import Label

from tests.ui.calendar.calendar_host import CalendarHost
from tui_planner.ui.day_text import DAY_HINT
from tui_planner.ui.screens.goto_date import GotoDateDialog

Host = Callable[..., CalendarHost]


@pytest.mark.parametrize(("size", "hint_lines"), [((120, 40), 1), ((80, 24), 1), ((44, 20), 2)])
async def test_the_whole_hint_is_inside_the_dialog(
    host: Host, size: tuple[int, int], hint_lines: int
) -> None:
    app = host()
    async with app.run_test(size=size) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GotoDateDialog)
        hint = app.screen.query_one("#goto-hint", Label)
        dialog = app.screen.query_one(Vertical)
        assert dialog.content_region.contains_region(hint.region)
        strips = hint.render_lines(Region(0, 0, hint.size.width, hint.size.height))
        shown = [strip.text.strip() for strip in strips]
        assert len(shown) == hint_lines, "one line where it fits, wrapped where it does not"
        assert " ".join(shown) == f"e.g. {DAY_HINT}"

"""The key bar at the foot of every planner screen: what it lists, and clicking a hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import BindingType

from tests.harness import SIZE
from tests.ui.calendar.calendar_host import CalendarHost, sample_state
from tui_planner.ui.keymap import APP_BINDINGS
from tui_planner.ui.screens.help import HelpScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.key_bar import KeyBar

Host = Callable[..., CalendarHost]


def _bar(app: CalendarHost) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_the_bar_lists_each_shown_key_once_and_the_palette_on_the_right(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = _bar(app)

        assert line.startswith(" t Today  g Go to  ⏎ Open  n New  v Week view  f Filter ")
        assert "Week" not in line.split("Week view")[0], "move keys are not shown"
        assert line.rstrip().rsplit("▏", 1)[1].startswith("^p "), "the palette key, right"
        assert len(line) == SIZE[0]


async def test_v_names_the_view_it_goes_to(host: Host) -> None:
    # It read "v Week view" in the week list too, where v goes back to the month.
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert " v Week view " in _bar(app)

        await pilot.press("v")
        await pilot.pause()
        assert " v Month view " in _bar(app)
        assert "Week view" not in _bar(app)

        await pilot.press("v")
        await pilot.pause()
        assert " v Week view " in _bar(app)


async def test_the_bar_follows_the_focus(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "⏎ Open" in _bar(app)

        app.screen.query_one(Agenda).focus()
        await pilot.pause()

        assert "⏎ Open" not in _bar(app), "the agenda's own enter is not listed"
        assert " t Today " in _bar(app)


async def test_clicking_a_hint_presses_its_key(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = _bar(app).index(" g ")

        await pilot.click(KeyBar, offset=(column + 1, 0))
        await pilot.pause()

        assert type(app.screen).__name__ == "GotoDateDialog"


async def test_clicking_the_palette_hint_and_the_gaps_between(host: Host) -> None:
    app = host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = _bar(app)

        await pilot.click(KeyBar, offset=(line.index("Filter") + 20, 0))  # the blank middle
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert type(app.screen).__name__ == "CalendarScreen", "a gap presses nothing"

        await pilot.click(KeyBar, offset=(line.index("^p") + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_a_hint_that_does_not_fit_is_left_out_and_a_shorter_one_after_it_shown(
    host: Host,
) -> None:
    app = host()
    async with app.run_test(size=(55, SIZE[1])) as pilot:
        await pilot.pause()
        line = _bar(app)

        assert " v Week view " not in line, "too long for what is left of the bar"
        assert " n New  f Filter " in line, "the shorter hint after it still fits"
        assert line.rstrip().endswith("^p palette")
        assert len(line) == 55


class _HostWithHelp(CalendarHost):
    """The calendar host with the app's Help key, as every planner screen has it."""

    BINDINGS: ClassVar[list[BindingType]] = [APP_BINDINGS[0]]


async def test_help_keeps_its_place_when_the_screen_s_hints_do_not_all_fit() -> None:
    app = _HostWithHelp(sample_state())
    async with app.run_test(size=(48, SIZE[1])) as pilot:
        await pilot.pause()
        line = _bar(app)

        hints = line.rsplit("▏", 1)[0].rstrip()
        assert hints.endswith(" ? Help"), "Help is the last hint, whatever else is left out"
        assert " t Today " in hints, "the screen's first hints still lead"
        assert len(line) == 48

"""The calendar's lines of words: the top line (month, symbols, ``[ ]`` hint, filters) and
the agenda's day heading, each drawn from reactives the calendar screen binds down
(``data_bind``).

Every label here has a fixed size, so its text changes with ``layout=False``: a key press
that moves the selection never lays out the screen again.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from tui_planner.day_words import day_text
from tui_planner.ui.widgets.day_summary import CalendarFilter
from tui_planner.ui.widgets.filter_bar import FilterBar

__all__ = ["CalendarTop", "DayHeading", "MonthTitle", "StepHint"]

LEGEND = "◆ social  ¶ blog  ✉ email  ★ event  ○ drafts  ◷ scheduled"
"""What the calendar's symbols mean."""


class MonthTitle(Label):
    """The month of ``day``: "November 2026"."""

    day: reactive[date | None] = reactive(None, repaint=False)
    """The selected day; a move within the month leaves the title as it is."""

    def watch_day(self, old: date | None, day: date | None) -> None:
        if old is None or day is None or (old.year, old.month) != (day.year, day.month):
            self.update("" if day is None else f"{day:%B %Y}", layout=False)


class StepHint(Label):
    """What ``[`` and ``]`` turn: the month in the grid, the week in the week list."""

    week_mode: reactive[bool] = reactive(False)

    def watch_week_mode(self, week_mode: bool) -> None:
        self.update(f"[ ] {'week' if week_mode else 'month'}")


class CalendarTop(Horizontal):
    """The calendar's top line: the month, the symbols, the ``[ ]`` hint and the filters.

    With a filter on, the bar takes the symbols' room (class ``-filtered``) and cuts its
    filters short with "…" when even that is too little, so it never runs into the hint.
    """

    # None repaints the line itself: each goes to the one child that shows it (a day moved
    # in the grid redrew the whole line, and every label on it, at each key press).
    day: reactive[date | None] = reactive(None, repaint=False)
    """The selected day, whose month is named."""
    week_mode: reactive[bool] = reactive(False, repaint=False)
    """Whether the week list is on show."""
    filter: reactive[CalendarFilter] = reactive(CalendarFilter, repaint=False)
    """The filter in force."""

    def __init__(self, *, filter_key: str, clear_key: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self._filter_key = filter_key
        self._clear_key = clear_key

    def compose(self) -> ComposeResult:
        yield MonthTitle(id="calendar-month").data_bind(CalendarTop.day)
        yield Label(LEGEND, id="calendar-legend")
        yield StepHint(id="calendar-step").data_bind(CalendarTop.week_mode)
        yield FilterBar(id="calendar-filters")

    def watch_filter(self, filter: CalendarFilter) -> None:
        self.query_one(FilterBar).show(filter, self._filter_key, self._clear_key)
        self.set_class(filter.active, "-filtered")


class DayHeading(Label):
    """The agenda's day: "Monday 23 November", with " · today" on today."""

    day: reactive[date | None] = reactive(None)
    """The day the agenda shows (``None`` until it shows one)."""
    today: reactive[date | None] = reactive(None)

    def watch_day(self) -> None:
        self._show()

    def watch_today(self) -> None:
        self._show()

    def _show(self) -> None:
        day = self.day
        if day is None:
            self.update("", layout=False)
            return
        heading = day_text(day, long=True)
        if day == self.today:
            heading += " · today"
        self.update(heading, layout=False)

"""``n`` and ``N`` on the calendar: the next (or previous) activity on show, by date, that
matches the active search, selected on its day and highlighted in the agenda or the week
list. Only the live plan is searched; the saved calendar shown before it loads is not."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from tui_planner.ui.search import pick_match
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.week_view import WeekView

if TYPE_CHECKING:
    from datetime import date

    from textual.widget import Widget

    from tui_planner.store.search import SearchIndex
    from tui_planner.ui.screens.calendar import CalendarScreen
    from tui_planner.ui.search import MatchPosition

__all__ = ["step_on_calendar"]


def step_on_calendar(
    screen: CalendarScreen, index: SearchIndex, query: str, step: int
) -> MatchPosition | None:
    """Select the activity ``step`` matches of ``query`` away from where the user is on
    ``screen`` (its day, and the activity in the agenda or week list); where it is among
    the matches, or ``None`` when nothing on show matches."""
    days = screen.day_index
    if days is None or days.state is None:
        return None
    wanted = index.matching_activities(query)
    rows = [
        (day, activity.id)
        for day in sorted(days.activities)
        for activity in days.activities_on(day)
    ]
    matched = [number for number, (_, key) in enumerate(rows) if key in wanted]
    if not matched:
        return None
    here = _position(screen.focused, rows, screen.selected_date)
    row, where = pick_match(matched, here, step)
    day, activity_id = rows[row]
    screen.select_date(day)
    if screen.week_mode:
        view = screen.week_view()
        view.highlighted = view.get_option_index(activity_id)
        view.focus()
    else:
        agenda = screen.query_one(Agenda)
        agenda.highlight(activity_id)
        agenda.focus()
    return where


def _position(focused: Widget | None, rows: list[tuple[date, str]], selected: date) -> float:
    """Where the user is among ``rows``: the activity in focus, else just before the
    ``selected`` day's first activity."""
    current: str | None = None
    if isinstance(focused, Agenda):
        current = focused.highlighted_id
    elif isinstance(focused, WeekView) and focused.highlighted_option is not None:
        current = focused.highlighted_option.id
    for number, (_, key) in enumerate(rows):
        if key == current:
            return number
    return bisect_left([day for day, _ in rows], selected) - 0.5

"""The calendar's key bindings, each with an id that ``[ui.keymap]`` can rebind.

The screen (:mod:`tui_planner.ui.screens.calendar`) decides which apply when, in its
``check_action``: ``[`` and ``]`` turn the month in the grid and the week in the week list,
``n`` steps aside while a search is active, ``escape`` leaves the agenda for the grid.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = ["CALENDAR_BINDINGS"]

CALENDAR_BINDINGS: list[BindingType] = [
    Binding("left,h", "move(-1)", "Day", show=False, id="calendar.left"),
    Binding("right,l", "move(1)", "Day", show=False, id="calendar.right"),
    Binding("up,k", "move(-7)", "Week", show=False, id="calendar.up"),
    Binding("down,j", "move(7)", "Week", show=False, id="calendar.down"),
    # ``[`` and ``]`` turn the month in the grid and the week in the week list;
    # ``check_action`` lets through the pair that fits the view on show.
    Binding("left_square_bracket", "month(-1)", "Prev month", show=False, id="calendar.prev_month"),
    Binding("right_square_bracket", "month(1)", "Next month", show=False, id="calendar.next_month"),
    Binding("left_square_bracket", "week(-1)", "Prev week", show=False, id="calendar.prev_week"),
    Binding("right_square_bracket", "week(1)", "Next week", show=False, id="calendar.next_week"),
    Binding("t", "today", "Today", id="calendar.today"),
    Binding("g", "goto_date", "Go to", id="calendar.goto"),
    Binding("enter", "open", "Open", id="calendar.open"),
    Binding("n", "new_activity", "New", id="calendar.new"),
    # ``v`` says which view it goes to; ``check_action`` lets through the one not on show.
    Binding("v", "toggle_view('week')", "Week view", id="calendar.view"),
    Binding("v", "toggle_view('month')", "Month view", id="calendar.month_view"),
    Binding("f", "filter", "Filter", id="calendar.filter"),
    Binding("F", "clear_filters", "Clear filters", id="calendar.clear_filters"),
    Binding("x", "app.export_plan", "Export", show=False, id="calendar.export"),
    Binding("escape", "focus_grid", "Back to grid", show=False, id="calendar.back"),
]
"""The calendar's keys, in the order the key bar shows them."""

"""``CalendarScreen``: the home screen, a month of the plan at a glance.

The screen owns the selected date and the filter; the month grid, agenda and week view are
told what to show. A new snapshot rebuilds the day index once (memoized on the snapshot's
identity) and leaves the selection alone, so a sync never moves the user's place.

Until the first sync has loaded the plan, the grid shows the calendar the last session saved
(:mod:`tui_planner.ui.saved_calendar`), when there is one; keys that need the live plan
(open, new, filter, week list) say so until it arrives. The dialogs are imported when first
opened, not at start-up.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList

from tui_planner.date_window import beyond_edge
from tui_planner.day_words import day_text
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex
from tui_planner.ui.widgets.filter_bar import FilterBar
from tui_planner.ui.widgets.month_grid import MonthGrid, WeekStart, add_months
from tui_planner.ui.widgets.week_view import WeekView
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from datetime import tzinfo

    from textual.app import ComposeResult

    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.saved_calendar import SavedCalendar
    from tui_planner.ui.search import MatchPosition

__all__ = ["CalendarScreen"]


class CalendarScreen(PlannerScreen[None]):
    """Month grid and agenda (or the week list), with keys to move, open, create and filter."""

    CSS_PATH = "calendar.tcss"
    TITLE = "Calendar"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Day", show=False, id="calendar.left"),
        Binding("right,l", "move(1)", "Day", show=False, id="calendar.right"),
        Binding("up,k", "move(-7)", "Week", show=False, id="calendar.up"),
        Binding("down,j", "move(7)", "Week", show=False, id="calendar.down"),
        # ``[`` and ``]`` turn the month in the grid and the week in the week list;
        # ``check_action`` lets through the pair that fits the view on show.
        Binding(
            "left_square_bracket", "month(-1)", "Prev month", show=False, id="calendar.prev_month"
        ),
        Binding(
            "right_square_bracket", "month(1)", "Next month", show=False, id="calendar.next_month"
        ),
        Binding(
            "left_square_bracket", "week(-1)", "Prev week", show=False, id="calendar.prev_week"
        ),
        Binding(
            "right_square_bracket", "week(1)", "Next week", show=False, id="calendar.next_week"
        ),
        Binding("t", "today", "Today", id="calendar.today"),
        Binding("g", "goto_date", "Go to", id="calendar.goto"),
        Binding("enter", "open", "Open", id="calendar.open"),
        Binding("n", "new_activity", "New", id="calendar.new"),
        Binding("v", "toggle_view", "Week view", id="calendar.view"),
        Binding("f", "filter", "Filter", id="calendar.filter"),
        Binding("F", "clear_filters", "Clear filters", id="calendar.clear_filters"),
        Binding("x", "app.export_plan", "Export", show=False, id="calendar.export"),
        Binding("escape", "focus_grid", "Back to grid", show=False, id="calendar.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._selected: date | None = None
        self._filter = CalendarFilter()
        self._index: DayIndex | None = None
        self._week_mode = False

    # -- layout -------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        today = self._today()
        with Horizontal(id="calendar-top"):
            yield Label(id="calendar-month")
            yield Label(id="calendar-legend")
            yield Label(id="calendar-step")
            yield FilterBar(id="calendar-filters")
        with Horizontal(id="calendar-body"):
            yield MonthGrid(
                selected=today, today=today, week_start=self._week_start(), id="calendar-grid"
            )
            yield WeekView(id="calendar-week")
            with Vertical(id="calendar-side"):
                yield Label(id="calendar-day")
                yield Agenda(id="calendar-agenda")

    def on_mount(self) -> None:
        self._selected = self._today()
        self.query_one(MonthGrid).focus()
        self._show_legend()
        self._show_filter()
        self._show_selection()

    # -- what the app tells us ----------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        if self._selected is None:
            self._selected = self._today()
        self._rebuild_index(state)

    def _saved(self) -> SavedCalendar | None:
        """The last session's calendar, while the live plan has not loaded."""
        return None if self.state.plan_loaded else self.host.saved_calendar

    def _rebuild_index(self, state: PlannerState) -> None:
        tz = self._tz()
        if self._index is not None and self._index.is_for(state, self._filter, tz):
            return
        saved = None if state.plan_loaded else self._saved()
        if saved is not None:
            if self._index is not None and self._index.state is None:
                return  # already showing the saved calendar
            index = saved.index()
        else:
            index = DayIndex.build(state, self._filter, tz)
        self._index = index
        grid = self.query_one(MonthGrid)
        grid.set_today(self._today())
        grid.set_index(self._index)
        self._show_day()

    # -- moving -------------------------------------------------------------------------------

    @property
    def selected_date(self) -> date:
        """The selected day."""
        return self._selected or self._today()

    def select_date(self, day: date) -> None:
        """Select ``day``: the grid turns to its month, the agenda shows it.

        A day outside the calendar's window is refused with a notification.
        """
        why = beyond_edge(day)
        if why is not None:
            self.notify(why, severity="warning", timeout=4)
            return
        if day == self._selected:
            return
        self._selected = day
        self._show_selection()

    def _show_selection(self) -> None:
        day = self.selected_date
        self.query_one(MonthGrid).select(day)
        # Fixed-size labels: layout=False keeps a key press from re-laying out the screen.
        self.query_one("#calendar-month", Label).update(f"{day:%B %Y}", layout=False)
        self._show_day()

    def _show_day(self) -> None:
        if self._index is None:
            return
        day = self.selected_date
        tz = self._tz()
        if self._week_mode:
            week = self._week_of(day)
            view = self.query_one(WeekView)
            view.show_week(week, self._index, self._today(), day, tz)
            view.highlight_day(day)
            return
        summary = self._index.day(day)
        heading = day_text(day, long=True)
        if day == self._today():
            heading += " · today"
        self.query_one("#calendar-day", Label).update(heading, layout=False)
        agenda = self.query_one(Agenda)
        if self._index.state is None:
            agenda.show_saved_day(day, summary)
        else:
            agenda.show_day(day, self._index.activities_on(day), summary.events, tz)

    def _week_of(self, day: date) -> tuple[date, ...]:
        first = 0 if self._week_start() == "monday" else 6
        start = day - timedelta(days=(day.weekday() - first) % 7)
        return tuple(start + timedelta(days=n) for n in range(7))

    def action_move(self, days: int) -> None:
        """Move the selection by ``days`` (negative is back), across month edges."""
        self.select_date(self.selected_date + timedelta(days=days))

    def action_month(self, months: int) -> None:
        """Turn to another month, keeping the day of the month where it exists."""
        self.select_date(add_months(self.selected_date, months))

    def action_week(self, weeks: int) -> None:
        """Turn to another week (the week list's ``[`` and ``]``), keeping the weekday."""
        self.select_date(self.selected_date + timedelta(weeks=weeks))

    def action_today(self) -> None:
        """Select today."""
        self.select_date(self._today())

    @work(
        group=WorkerGroup.CALENDAR_DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Go to date",
    )
    async def action_goto_date(self) -> None:
        """Ask for a date and select it."""
        from tui_planner.ui.screens.goto_date import GotoDateDialog

        chosen = await self.app.push_screen_wait(GotoDateDialog(self.selected_date, self._today()))
        if chosen is not None:
            self.select_date(chosen)

    # -- opening and creating -----------------------------------------------------------------

    def _still_loading(self) -> bool:
        """Whether the live plan has yet to load; if so, tell the user once per key press."""
        if self.state.plan_loaded:
            return False
        stopped = self.state.sync.stopped_reason
        if stopped is not None:
            # Loading has stopped (a refused key): say why, as the status bar does.
            self.notify(stopped, severity="error", timeout=6)
        else:
            self.notify("The plan is still loading; this key works once it has.", timeout=3)
        return True

    def action_open(self) -> None:
        """Open the selected day's activity; with several, move into the agenda to choose."""
        if self._index is None or self._still_loading():
            return
        activities = self._index.activities_on(self.selected_date)
        if not activities:
            self.notify(f"Nothing is planned for {day_text(self.selected_date)}.", timeout=3)
        elif len(activities) == 1:
            self._open_activity(activities[0].id)
        else:
            agenda = self.query_one(Agenda)
            agenda.focus()
            agenda.highlight_first()

    @on(OptionList.OptionSelected, "#calendar-week")
    def _week_option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._open_activity(event.option.id)

    @on(Agenda.ActivityChosen)
    def _agenda_chosen(self, event: Agenda.ActivityChosen) -> None:
        event.stop()
        self._open_activity(event.activity_id)

    @on(MonthGrid.DayClicked)
    def _day_clicked(self, event: MonthGrid.DayClicked) -> None:
        self.select_date(event.day)

    def _open_activity(self, activity_id: str) -> None:
        # Imported on first use: the detail screen's imports would add 40 ms to start-up.
        from tui_planner.ui.screens.activity_detail import ActivityDetailScreen

        self.app.push_screen(ActivityDetailScreen(activity_id))

    @work(
        group=WorkerGroup.CALENDAR_DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="New activity",
    )
    async def action_new_activity(self) -> None:
        """Ask for a new activity's details and create it."""
        from tui_planner.ui.screens.activity_form import ActivityForm

        if self._still_loading():
            return
        state = self.state
        # The form creates the activity itself and closes once the server has it.
        await self.app.push_screen_wait(
            ActivityForm(
                day=self.selected_date,
                plan_start=state.plan_start,
                plan_end=state.plan_end,
                tz=self._tz(),
                today=self._today(),
            )
        )

    def action_focus_grid(self) -> None:
        """Leave the agenda for the grid."""
        if not self._week_mode:
            self.query_one(MonthGrid).focus()

    # -- views and filters --------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        """Switch between the month grid with agenda and the week list."""
        if self._still_loading():
            return
        self._week_mode = not self._week_mode
        self.set_class(self._week_mode, "-week")
        self._show_legend()
        self.refresh_bindings()
        self._show_day()
        if self._week_mode:
            self.query_one(WeekView).focus()
        else:
            self.query_one(MonthGrid).focus()

    @work(
        group=WorkerGroup.CALENDAR_DIALOGS,
        exclusive=True,
        exit_on_error=False,
        description="Filter",
    )
    async def action_filter(self) -> None:
        """Choose which activities to show."""
        from tui_planner.ui.screens.calendar_filter import CalendarFilterDialog

        if self._still_loading():
            return
        chosen = await self.app.push_screen_wait(CalendarFilterDialog(self._filter))
        if chosen is not None:
            self.set_filter(chosen)

    def action_clear_filters(self) -> None:
        """Show everything again."""
        if self._filter.active:
            self.set_filter(CalendarFilter())
            self.notify("Filters cleared.", timeout=2)

    @property
    def filter(self) -> CalendarFilter:
        """The filter in force."""
        return self._filter

    def set_filter(self, new: CalendarFilter) -> None:
        """Show only what ``new`` lets through."""
        self._filter = new
        self._show_filter()
        self._rebuild_index(self.state)

    def _show_filter(self) -> None:
        self.query_one(FilterBar).show(
            self._filter, self.key_for("calendar.filter"), self.key_for("calendar.clear_filters")
        )
        self.query_one("#calendar-top").set_class(self._filter.active, "-filtered")

    def _show_legend(self) -> None:
        # The symbols give way to a long filter line; the [ ] hint keeps its own label.
        step = "week" if self._week_mode else "month"
        self.query_one("#calendar-legend", Label).update(
            "◆ social  ¶ blog  ✉ email  ★ event  ○ drafts  ◷ scheduled", layout=False
        )
        self.query_one("#calendar-step", Label).update(f"[ ] {step}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_activity" and getattr(self.app, "active_search", None) is not None:
            return False  # n steps through the search's matches until escape ends it
        if action == "focus_grid":
            # Only from the agenda; elsewhere escape is free to end a search.
            return not self._week_mode and isinstance(self.focused, Agenda)
        if action == "clear_filters":
            return self._filter.active
        if action == "month":
            return not self._week_mode
        if action == "week":
            return self._week_mode
        return True

    # -- search ------------------------------------------------------------------------------

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Select the next (or previous) shown activity, by date, whose title, description
        or a post's caption matches ``query``: its day, and the activity in the agenda."""
        from tui_planner.ui.search import pick_match

        if self._index is None or self._index.state is None:
            return None
        wanted = index.matching_activities(query)
        rows = [
            (day, activity.id)
            for day in sorted(self._index.activities)
            for activity in self._index.activities_on(day)
        ]
        matched = [number for number, (_, key) in enumerate(rows) if key in wanted]
        if not matched:
            return None
        row, where = pick_match(matched, self._search_position(rows), step)
        day, activity_id = rows[row]
        self.select_date(day)
        if self._week_mode:
            view = self.query_one(WeekView)
            view.highlighted = view.get_option_index(activity_id)
            view.focus()
        else:
            agenda = self.query_one(Agenda)
            agenda.highlight(activity_id)
            agenda.focus()
        return where

    def _search_position(self, rows: list[tuple[date, str]]) -> float:
        """Where the user is among ``rows``: the activity in focus, else just before the
        selected day's first activity."""
        current: str | None = None
        if isinstance(self.focused, Agenda):
            current = self.focused.highlighted_id
        elif isinstance(self.focused, WeekView) and self.focused.highlighted_option is not None:
            current = self.focused.highlighted_option.id
        for number, (_, key) in enumerate(rows):
            if key == current:
                return number
        return bisect_left([day for day, _ in rows], self.selected_date) - 0.5

    # -- small lookups ------------------------------------------------------------------------

    def _today(self) -> date:
        return self.host.clock.today()

    def _tz(self) -> tzinfo:
        return self.host.clock.tz

    def _week_start(self) -> WeekStart:
        return "sunday" if self.host.ui_settings.week_start == "sunday" else "monday"

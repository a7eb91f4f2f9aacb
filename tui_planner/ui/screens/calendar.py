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

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import OptionList

from tui_planner.date_window import beyond_edge
from tui_planner.day_words import day_text
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens.calendar_keys import CALENDAR_BINDINGS
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.calendar_labels import CalendarTop, DayHeading
from tui_planner.ui.widgets.day_summary import CalendarFilter, DayIndex
from tui_planner.ui.widgets.month_grid import MonthGrid, WeekStart, add_months
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from datetime import tzinfo

    from textual.app import ComposeResult

    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.saved_calendar import SavedCalendar
    from tui_planner.ui.search import MatchPosition
    from tui_planner.ui.widgets.week_view import WeekView

__all__ = ["CalendarScreen"]


class CalendarScreen(PlannerScreen[None]):
    """Month grid and agenda (or the week list), with keys to move, open, create and filter."""

    CSS_PATH = "calendar.tcss"
    TITLE = "Calendar"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = CALENDAR_BINDINGS

    # None of these repaints the screen: that redrew every widget at each key press (a full
    # update); the widgets bound to them (top line, day heading) refresh themselves.
    selected: reactive[date | None] = reactive(None, init=False, repaint=False)
    """The selected day (``None`` until the screen mounts; see :attr:`selected_date`)."""
    week_mode: reactive[bool] = reactive(False, init=False, repaint=False)
    """Whether the week list is on show instead of the month grid and agenda."""
    filter: reactive[CalendarFilter] = reactive(CalendarFilter, init=False, repaint=False)
    """The filter in force (set it with :meth:`set_filter`)."""
    agenda_day: reactive[date | None] = reactive(None, init=False, repaint=False)
    """The day the agenda shows, once the calendar has days to show."""
    today: reactive[date | None] = reactive(None, init=False, repaint=False)
    """Today, as of the last time the agenda was drawn."""

    def __init__(self) -> None:
        super().__init__()
        self._index: DayIndex | None = None

    # -- layout -------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        today = self._today()
        yield CalendarTop(
            filter_key=self.key_for("calendar.filter"),
            clear_key=self.key_for("calendar.clear_filters"),
            id="calendar-top",
        ).data_bind(
            day=CalendarScreen.selected,
            week_mode=CalendarScreen.week_mode,
            filter=CalendarScreen.filter,
        )
        with Horizontal(id="calendar-body"):
            yield MonthGrid(
                selected=today, today=today, week_start=self._week_start(), id="calendar-grid"
            )
            with Vertical(id="calendar-side"):
                yield DayHeading(id="calendar-day").data_bind(
                    day=CalendarScreen.agenda_day, today=CalendarScreen.today
                )
                yield Agenda(id="calendar-agenda")

    def on_mount(self) -> None:
        self.selected = self._today()
        self.query_one(MonthGrid).focus()
        self._show_selection()

    # -- what the app tells us ----------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        if self.selected is None:
            self.selected = self._today()
        self._rebuild_index(state)

    def _saved(self) -> SavedCalendar | None:
        """The last session's calendar, while the live plan has not loaded."""
        return None if self.state.plan_loaded else self.host.saved_calendar

    def _rebuild_index(self, state: PlannerState) -> None:
        tz = self._tz()
        if self._index is not None and self._index.is_for(state, self.filter, tz):
            return
        saved = None if state.plan_loaded else self._saved()
        if saved is not None:
            if self._index is not None and self._index.state is None:
                return  # already showing the saved calendar
            index = saved.index()
        else:
            index = DayIndex.build(state, self.filter, tz)
        self._index = index
        grid = self.query_one(MonthGrid)
        grid.set_today(self._today())
        grid.set_index(self._index)
        self._show_day()

    # -- moving -------------------------------------------------------------------------------

    @property
    def selected_date(self) -> date:
        """The selected day."""
        return self.selected or self._today()

    def select_date(self, day: date) -> None:
        """Select ``day``: the grid turns to its month, the agenda shows it.

        A day outside the calendar's window is refused with a notification.
        """
        why = beyond_edge(day)
        if why is not None:
            self.notify(why, severity="warning", timeout=4)
            return
        if day == self.selected:
            return
        self.selected = day
        self._show_selection()

    def _show_selection(self) -> None:
        self.query_one(MonthGrid).select(self.selected_date)
        self._show_day()

    def _show_day(self) -> None:
        if self._index is None:
            return
        day = self.selected_date
        tz = self._tz()
        if self.week_mode:
            week = self._week_of(day)
            view = self.week_view()
            view.show_week(week, self._index, self._today(), day, tz)
            view.highlight_day(day)
            return
        summary = self._index.day(day)
        self.today, self.agenda_day = self._today(), day
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
        if not self.week_mode:
            self.query_one(MonthGrid).focus()

    # -- views and filters --------------------------------------------------------------------

    def action_toggle_view(self, view: str = "") -> None:
        """Switch between the month grid with agenda and the week list (``view`` names the
        one the key goes to, for its hint)."""
        if self._still_loading():
            return
        self.week_mode = not self.week_mode
        self.set_class(self.week_mode, "-week")
        self.refresh_bindings()
        self._show_day()
        if self.week_mode:
            self.week_view().focus()
        else:
            self.query_one(MonthGrid).focus()

    def week_view(self) -> WeekView:
        """The week list, made the first time it is shown: the month's first frame has no
        use for it (nor for its module and its list's styles)."""
        from tui_planner.ui.widgets.week_view import WeekView

        for view in self.query(WeekView):
            return view
        view = WeekView(id="calendar-week")
        self.query_one("#calendar-body").mount(view, after=self.query_one(MonthGrid))
        return view

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
        chosen = await self.app.push_screen_wait(CalendarFilterDialog(self.filter))
        if chosen is not None:
            self.set_filter(chosen)

    def action_clear_filters(self) -> None:
        """Show everything again."""
        if self.filter.active:
            self.set_filter(CalendarFilter())
            self.notify("Filters cleared.", timeout=2)

    def set_filter(self, new: CalendarFilter) -> None:
        """Show only what ``new`` lets through."""
        self.filter = new
        self._rebuild_index(self.state)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_activity" and getattr(self.app, "active_search", None) is not None:
            return False  # n steps through the search's matches until escape ends it
        if action == "focus_grid":
            # Only from the agenda; elsewhere escape is free to end a search.
            return not self.week_mode and isinstance(self.focused, Agenda)
        if action == "clear_filters":
            return self.filter.active
        if action == "month":
            return not self.week_mode
        if action == "week":
            return self.week_mode
        if action == "toggle_view" and parameters:
            return (parameters[0] == "week") != self.week_mode
        return True

    # -- search ------------------------------------------------------------------------------

    @property
    def day_index(self) -> DayIndex | None:
        """The days on show, the live plan's or the saved calendar's (``None`` before either)."""
        return self._index

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Select the next (or previous) shown activity, by date, whose title, description
        or a post's caption matches ``query``: its day, and the activity in the agenda."""
        from tui_planner.ui.screens.calendar_search import step_on_calendar

        return step_on_calendar(self, index, query, step)

    # -- small lookups ------------------------------------------------------------------------

    def _today(self) -> date:
        return self.host.clock.today()

    def _tz(self) -> tzinfo:
        return self.host.clock.tz

    def _week_start(self) -> WeekStart:
        return "sunday" if self.host.ui_settings.week_start == "sunday" else "monday"

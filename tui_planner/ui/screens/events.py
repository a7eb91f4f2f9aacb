"""``EventsScreen``: the sales, launches and holidays the plan is built around.

Events from a connected calendar are read-only: the screen offers no edit or delete for them.
The contract has no flag for it, so an event the server refused to change (428) is marked
read-only from then on, and the screen says so once. After any change the plan no longer
matches the events, so the screen offers to regenerate it (``R``) until the user does or
leaves.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import DataTable

from tui_planner.api.models import RecurrenceFrequency
from tui_planner.day_words import day_text
from tui_planner.store.event_rules import event_is_read_only, with_series_start
from tui_planner.store.search import SearchKind
from tui_planner.sync.commands import DeleteEvent, RegeneratePlan
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.icons import READ_ONLY_ICON, RECURRING_ICON
from tui_planner.ui.plan_commands import carry_plan_command, confirm_plan_command
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.widgets.keyed_lists import RowTable
from tui_planner.ui.widgets.note import Note
from tui_planner.ui.workers import WorkerGroup
from tui_planner.zone import event_day

if TYPE_CHECKING:
    from datetime import tzinfo

    from textual.app import ComposeResult

    from tui_planner.api.models import CalendarEvent
    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command
    from tui_planner.ui.search import MatchPosition

__all__ = ["EventsScreen", "describe_when", "event_first_day"]

_EVERY = {
    RecurrenceFrequency.WEEKLY: ("Weekly", "Every week"),
    RecurrenceFrequency.MONTHLY: ("Monthly", "Every month"),
    RecurrenceFrequency.YEARLY: ("Yearly", "Every year"),
}


def event_first_day(event: CalendarEvent, tz: tzinfo) -> date | None:
    """The first day the event falls on: its date, first listed occurrence, or rule start."""
    if event.recurring_occurrences:
        return event_day(min(o.date for o in event.recurring_occurrences), tz)
    if event.recurring_rule is not None and event.recurring_rule.start_date is not None:
        return event_day(event.recurring_rule.start_date, tz)
    if event.date is not None:
        return event_day(event.date, tz)
    return None


def _day(day: date) -> str:
    return day_text(day, year=True)


def describe_when(event: CalendarEvent, tz: tzinfo) -> str:
    """When an event happens, in words: "Fri 27 Nov 2026" or "Next Sat 19 Dec 2026".

    A recurring event names its first occurrence in the plan period when the service listed
    them ("Next ..."), otherwise the day its rule starts ("Every year from ...").
    """
    rule = event.recurring_rule
    if rule is None:
        return _day(event_day(event.date, tz)) if event.date else "No date"
    every = _EVERY.get(rule.frequency, (rule.frequency.value.title(), "Repeats"))[1]
    if event.recurring_occurrences:
        first = event_day(min(o.date for o in event.recurring_occurrences), tz)
        return f"Next {_day(first)}"
    start = event_day(rule.start_date, tz) if rule.start_date else None
    return f"{every} from {_day(start)}" if start else every


_OFFER = (
    "Events changed since the plan was made. Press R to regenerate it so upcoming "
    "activities account for them (past activities stay)."
)


class EventsScreen(PlannerScreen[None]):
    """A table of calendar events with keys to add, edit and delete them."""

    CSS_PATH = "events.tcss"
    TITLE = "Events"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_event", "New", id="events.new"),
        Binding("e,enter", "edit_event", "Edit", id="events.edit"),
        Binding("d,delete", "delete_event", "Delete", id="events.delete"),
        Binding("R", "regenerate", "Regenerate plan", id="events.regenerate"),
    ]

    intro: reactive[str] = reactive("", init=False)
    """How many events the plan period holds and what they do to the plan."""
    offer: reactive[str] = reactive("", init=False)
    """The offer to regenerate the plan after an event changed ("" when none is open)."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[CalendarEvent, ...] | None = None
        self._read_only_ids: frozenset[str] | None = None
        self._offer_regenerate = False
        self._wanted: str | None = None

    def compose_body(self) -> ComposeResult:
        yield Note(id="events-intro").data_bind(text=EventsScreen.intro)
        yield Note(id="events-regenerate").data_bind(text=EventsScreen.offer)
        yield RowTable(id="events-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Event", key="name")
        table.add_column("When", key="when")
        table.add_column("Repeats", key="repeats")
        table.add_column("Source", key="source")
        table.focus()
        self._show_offer()

    # -- following the store ------------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        if state.events is self._shown and state.read_only_event_ids is self._read_only_ids:
            return
        if self._read_only_ids is not None:
            self._say_read_only(state, state.read_only_event_ids - self._read_only_ids)
        self._shown = state.events
        self._read_only_ids = state.read_only_event_ids
        tz = self.host.clock.tz
        table = self.query_one(DataTable)
        keep = self.selected_event.id if self.selected_event else None
        table.clear()
        ordered = sorted(
            state.events, key=lambda e: (event_first_day(e, tz) or date.max, e.name.lower())
        )
        for event in ordered:
            rule = event.recurring_rule
            repeats = (
                Text(
                    f"{RECURRING_ICON} {_EVERY.get(rule.frequency, (rule.frequency.value,))[0]}",
                    style="bold",
                )
                if rule is not None
                else Text("Once", style="dim")
            )
            if event.read_only:
                source = Text(f"{READ_ONLY_ICON} Connected", style="italic")
            elif event_is_read_only(state, event):
                source = Text(f"{READ_ONLY_ICON} Read-only", style="italic")
            else:
                source = Text("This site", style="dim")
            table.add_row(
                Text(event.name, style="bold"),
                describe_when(event, tz),
                repeats,
                source,
                key=event.id or f"unsaved-{event.name}",
            )
        if keep is not None and keep in {e.id for e in ordered}:
            table.move_cursor(row=table.get_row_index(keep))
        self._select_wanted()
        self.refresh_bindings()
        plan = (
            f"{_day(state.plan_start)} to {_day(state.plan_end)}"
            if state.plan_start and state.plan_end
            else "the plan period"
        )
        count = len(state.events)
        noun = "event" if count == 1 else "events"
        self.intro = (
            f"{count} {noun} in {plan}. The plan builds lead-up, day-of and follow-up "
            f"activities around them. {READ_ONLY_ICON} marks events from a connected calendar, "
            "which can only be changed there."
        )

    def _say_read_only(self, state: PlannerState, learned: frozenset[str]) -> None:
        """Say once, when the server has just refused to change an event, what that means."""
        for event in state.events:
            if event.id in learned:
                self.notify(
                    f"The server refuses to change “{event.name}”: it comes from a connected "
                    "calendar (change it there) or no longer exists, so it is read-only here "
                    "from now on.",
                    severity="warning",
                    timeout=8,
                )

    @property
    def selected_event(self) -> CalendarEvent | None:
        """The event under the cursor."""
        table = self.query_one(DataTable)
        if not table.row_count or self._shown is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((event for event in self._shown if event.id == key), None)

    # -- search -------------------------------------------------------------------------------

    def select_event(self, event_id: str) -> None:
        """Put the cursor on ``event_id`` (as soon as the list has it)."""
        self._wanted = event_id
        self._select_wanted()

    def _select_wanted(self) -> None:
        table = self.query_one(DataTable)
        if self._wanted is None or self._wanted not in table.rows:
            return
        table.move_cursor(row=table.get_row_index(self._wanted), animate=False)
        table.focus()
        self._wanted = None

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Move to the next (or previous) event whose name or description matches."""
        from tui_planner.ui.search import pick_match

        table = self.query_one(DataTable)
        wanted = set(index.matching(query, SearchKind.EVENT))
        keys = [row.key.value for row in table.ordered_rows]
        matched = [number for number, key in enumerate(keys) if key in wanted]
        if not matched:
            return None
        row, where = pick_match(matched, table.cursor_row if keys else -0.5, step)
        table.move_cursor(row=row, animate=False)
        table.focus()
        return where

    # -- actions ------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#events-table")
    def _row_moved(self) -> None:
        # Edit and delete are offered only for an event that can be changed here.
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_event" and getattr(self.app, "active_search", None) is not None:
            return False  # n steps through the search's matches until escape ends it
        if action == "regenerate":
            return self._offer_regenerate
        if action in ("edit_event", "delete_event"):
            event = self.selected_event
            return (event is not None and not self._read_only(event)) or None
        return True

    def _read_only(self, event: CalendarEvent) -> bool:
        return event_is_read_only(self.host.state, event)

    def _refuse_read_only(self, event: CalendarEvent, verb: str) -> bool:
        read_only = self._read_only(event)
        if read_only:
            self.notify(
                f"“{event.name}” cannot be {verb} here: it is read-only (an event from a "
                "connected calendar); change it in that calendar.",
                severity="warning",
            )
        return read_only

    @work(group=WorkerGroup.EVENTS, exclusive=True, exit_on_error=False, description="New event")
    async def action_new_event(self) -> None:
        """Ask for a new event; the form creates it and closes once the server has it."""
        clock = self.host.clock
        outcome = await self.app.push_screen_wait(EventForm(today=clock.today(), tz=clock.tz))
        if outcome is not None:
            self._events_changed(outcome.message)

    @work(group=WorkerGroup.EVENTS, exclusive=True, exit_on_error=False, description="Edit event")
    async def action_edit_event(self) -> None:
        """Edit the selected event (unless it is read-only); the form saves it."""
        event = self.selected_event
        if event is None or self._refuse_read_only(event, "edited"):
            return
        clock = self.host.clock
        outcome = await self.app.push_screen_wait(
            EventForm(today=clock.today(), tz=clock.tz, event=with_series_start(event))
        )
        if outcome is not None:
            self._events_changed(outcome.message)

    @work(group=WorkerGroup.EVENTS, exclusive=True, exit_on_error=False, description="Delete event")
    async def action_delete_event(self) -> None:
        """Delete the selected event after asking (unless it is read-only)."""
        event = self.selected_event
        if event is None or event.id is None or self._refuse_read_only(event, "deleted"):
            return
        body = (
            f"Deletes “{event.name}” ({describe_when(event, self.host.clock.tz)}). "
            "Activities already planned around it stay until the plan is regenerated."
        )
        if await self.app.push_screen_wait(ConfirmDialog("Delete the event?", body, "Delete")):
            await self._run(DeleteEvent(event.id))

    async def _run(self, command: Command) -> None:
        outcome = await self.host.execute(command)
        if not outcome.ok:
            self.notify(outcome.message, severity="error")
            return
        self._events_changed(outcome.message)

    def _events_changed(self, message: str) -> None:
        """Offer to regenerate after a change the server confirmed (``message`` says which)."""
        self._offer_regenerate = True
        self._show_offer()
        sentence = message if message.endswith((".", "!", "?")) else f"{message}."
        self.notify(
            f"{sentence} Press R to regenerate the plan so it accounts for the change.",
            timeout=6,
        )

    @work(group=WorkerGroup.EVENTS, exclusive=True, exit_on_error=False, description="Regenerate")
    async def action_regenerate(self) -> None:
        """Regenerate the plan so it reflects the events as they are now, after saying what
        it would lose."""
        command = RegeneratePlan()
        if not await confirm_plan_command(self.app, command):
            return
        self._offer_regenerate = False
        self._show_offer()
        await carry_plan_command(self.app, command)

    def _show_offer(self) -> None:
        self.offer = _OFFER if self._offer_regenerate else ""
        self.refresh_bindings()

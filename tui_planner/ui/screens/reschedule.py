"""``RescheduleScreen``: pick a new date and time for a scheduled post.

Two fields in the app clock's time zone, read by that zone's rules on the day typed (so
09:00 after a daylight-saving change is still 09:00 on the wall); ``up``/``down`` step the
focused one (a day, or a quarter of an hour). The time must be in the future by the app's
clock, on a day inside the calendar's window, and must exist on that day (not skipped by
clocks going forward): otherwise a sentence says why, and the dialog stays open.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from tui_planner.date_window import beyond_edge, missing_day, outside_window
from tui_planner.day_words import day_text as written_day
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.zone import to_local, wall_instant, wall_time_exists, zone_label

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.clock import Clock

__all__ = ["RescheduleScreen", "parse_when"]

DATE_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%H:%M"
TIME_STEP = timedelta(minutes=15)


def parse_when(day_text: str, time_text: str, clock: Clock) -> datetime | str:
    """The instant the two fields name (aware UTC), or a sentence saying what is wrong."""
    try:
        day = datetime.strptime(day_text.strip(), DATE_FORMAT).date()
    except ValueError:
        missing = missing_day(day_text, clock.today())
        return missing or "Write the date as YYYY-MM-DD, for example 2026-12-01."
    try:
        clock_time = datetime.strptime(time_text.strip(), TIME_FORMAT).time()
    except ValueError:
        return "Write the time as HH:MM on a 24-hour clock, for example 09:30."
    outside = outside_window(day)
    if outside is not None:
        return outside
    if not wall_time_exists(day, clock_time, clock.tz):
        zone = zone_label(clock.tz, clock.now()) or "this time zone"
        return (
            f"{clock_time:%H:%M} does not happen on {written_day(day)} in {zone}: the clocks "
            "go forward then. Pick another time."
        )
    when = wall_instant(day, clock_time, clock.tz)
    if when <= clock.now():
        now = to_local(clock.now(), clock.tz)
        return (
            f"Pick a time after now ({written_day(now)} {now:%H:%M}); "
            "a post cannot go out in the past."
        )
    return when


class RescheduleScreen(ButtonDialog[datetime | None]):
    """Dismisses with the new time (aware UTC), or ``None`` when cancelled."""

    DEFAULT_CSS = """
    RescheduleScreen {
        align: center middle;
        background: $background 60%;
    }
    RescheduleScreen > #reschedule-box {
        width: 60;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    RescheduleScreen #reschedule-title { text-style: bold; margin-bottom: 1; }
    RescheduleScreen #reschedule-fields { height: auto; }
    RescheduleScreen .field { width: 1fr; height: auto; margin-right: 1; }
    RescheduleScreen #reschedule-hint { color: $text-muted; margin-top: 1; }
    RescheduleScreen #reschedule-error { color: $error; margin-top: 1; }
    RescheduleScreen #reschedule-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    RescheduleScreen #reschedule-buttons Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reschedule.cancel"),
        Binding("up", "step(1)", "Later", id="reschedule.later"),
        Binding("down", "step(-1)", "Earlier", id="reschedule.earlier"),
    ]

    def __init__(self, current: datetime | None, clock: Clock, *, what: str = "") -> None:
        super().__init__()
        self._clock = clock
        self._what = what
        start = current if current is not None and current > clock.now() else None
        local = to_local(start or clock.now() + timedelta(hours=1), clock.tz)
        self._initial_day = local.strftime(DATE_FORMAT)
        self._initial_time = local.strftime(TIME_FORMAT)

    def compose(self) -> ComposeResult:
        zone = self._zone_name()
        with Vertical(id="reschedule-box"):
            title = f"Reschedule {self._what}" if self._what else "Reschedule the post"
            yield Static(title, id="reschedule-title", markup=False)
            with Horizontal(id="reschedule-fields"):
                with Vertical(classes="field"):
                    yield Label("Date (YYYY-MM-DD)")
                    yield Input(self._initial_day, id="reschedule-date")
                with Vertical(classes="field"):
                    yield Label(f"Time (HH:MM, {zone})")
                    yield Input(self._initial_time, id="reschedule-time")
            yield Static(
                "up/down: a day (date) or 15 minutes (time) · enter: save",
                id="reschedule-hint",
            )
            yield Static("", id="reschedule-error", markup=False)
            with Horizontal(id="reschedule-buttons"):
                yield Button("Cancel", id="reschedule-cancel")
                yield Button("Reschedule", id="reschedule-ok", variant="primary")

    def _zone_name(self) -> str:
        return zone_label(self._clock.tz, self._clock.now()) or "UTC"

    def on_mount(self) -> None:
        self.query_one("#reschedule-date", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """``enter`` in either field saves."""
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        event.stop()
        if event.button.id == "reschedule-ok":
            self._save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Keep the current time."""
        self.dismiss(None)

    def action_step(self, direction: int) -> None:
        """Move the focused field a day (date) or a quarter of an hour (time)."""
        day_input = self.query_one("#reschedule-date", Input)
        time_input = self.query_one("#reschedule-time", Input)
        try:
            day = datetime.strptime(day_input.value.strip(), DATE_FORMAT).date()
            clock_time = datetime.strptime(time_input.value.strip(), TIME_FORMAT).time()
        except ValueError:
            self._error("Fix the date and time before stepping them.")
            return
        moment = datetime.combine(day, clock_time)
        step = TIME_STEP if time_input.has_focus else timedelta(days=1)
        try:
            moment += step * direction
        except OverflowError:  # past 9999-12-31 or before year 1: outside the window too
            moment = datetime.max if direction > 0 else datetime.min
        edge = beyond_edge(moment.date())
        if edge is not None:
            self._error(edge)
            return
        day_input.value = moment.strftime(DATE_FORMAT)
        time_input.value = moment.strftime(TIME_FORMAT)
        self._error("")

    def _save(self) -> None:
        day_text = self.query_one("#reschedule-date", Input).value
        time_text = self.query_one("#reschedule-time", Input).value
        result = parse_when(day_text, time_text, self._clock)
        if isinstance(result, str):
            self._error(result)
            return
        self.dismiss(result)

    def _error(self, text: str) -> None:
        self.query_one("#reschedule-error", Static).update(text)

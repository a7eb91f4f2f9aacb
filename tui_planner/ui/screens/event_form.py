"""``EventForm``: create or edit a calendar event, one-time or recurring, checked inline.

It sends its command itself and closes only once the server has the event, so a refused or
slow save never loses what was typed (:class:`CommandForm`).

An event's date is date-only: the day typed is sent as midnight UTC of that day and read
back as that day wherever the user is (:func:`tui_planner.zone.event_day`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, TextArea

from tui_planner.api.models import CalendarEvent, RecurrenceFrequency, RecurringRule
from tui_planner.api.text_rules import control_character_problem
from tui_planner.store.event_rules import event_instant
from tui_planner.sync.commands import CreateEvent, UpdateEvent
from tui_planner.ui.day_text import DAY_HINT, parse_day
from tui_planner.ui.dialogs.form_modal import CommandForm
from tui_planner.ui.screens.activity_form import check_text
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.plain_text import PlainInput, PlainTextArea
from tui_planner.zone import event_day

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

    from textual.app import ComposeResult

    from tui_planner.sync.commands import Command

__all__ = ["MAX_EVENT_TEXT", "EventForm", "check_length"]

MAX_EVENT_TEXT = 3000
"""The longest name or description the Calendar Events service takes."""

_FREQUENCIES = (
    (RecurrenceFrequency.WEEKLY, "Every week"),
    (RecurrenceFrequency.MONTHLY, "Every month"),
    (RecurrenceFrequency.YEARLY, "Every year"),
)


def check_length(value: str, field: str, limit: int = MAX_EVENT_TEXT) -> str | None:
    """Why ``value`` is too long for ``field``, or ``None`` when it fits."""
    if len(value) > limit:
        return f"{field} is {len(value):,} characters; the limit is {limit:,}."
    return None


class EventForm(CommandForm):
    """Name, description, and either a date or a repeating rule; creates or updates the event.

    Editing keeps the event's id and calendar; the update replaces the event as a whole.
    """

    DEFAULT_CSS = """
    EventForm {
        align: center middle;
        background: $background 60%;
    }
    EventForm > VerticalScroll {
        width: 72;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    EventForm #event-form-title { text-style: bold; }
    EventForm .field-label { margin-top: 1; color: $text-muted; }
    EventForm TextArea { height: 4; }
    EventForm RadioSet { layout: horizontal; width: auto; border: none; padding: 0; }
    EventForm #event-once, EventForm #event-repeat { height: auto; }
    EventForm.-recurring #event-once { display: none; }
    EventForm #event-repeat { display: none; }
    EventForm.-recurring #event-repeat { display: block; }
    EventForm #form-error { margin-top: 1; }
    EventForm #event-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    EventForm #event-buttons Button { margin-left: 1; }
    """

    SAVE_BUTTON_ID = "event-save"
    NOTIFY_SAVED = False  # the events screen says it, with the offer to regenerate

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="event_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="event_form.save"),
    ]

    def __init__(self, *, today: date, tz: tzinfo, event: CalendarEvent | None = None) -> None:
        super().__init__()
        self._today = today
        self._tz = tz
        self._event = event

    def _day_of(self, value: datetime | None) -> str:
        return event_day(value, self._tz).isoformat() if value is not None else ""

    def compose(self) -> ComposeResult:
        event = self._event
        rule = event.recurring_rule if event else None
        recurring = rule is not None
        with VerticalScroll():
            yield Label("Edit event" if event else "New event", id="event-form-title")
            yield Label("Name", classes="field-label")
            yield PlainInput(
                value=event.name if event else "", placeholder="Winter sale", id="event-name"
            )
            yield FieldError(id="event-name-error")
            yield Label("Description (optional)", classes="field-label")
            yield PlainTextArea((event.description or "") if event else "", id="event-description")
            yield FieldError(id="event-description-error")
            yield Label("Happens", classes="field-label")
            with RadioSet(id="event-kind"):
                yield RadioButton("Once", value=not recurring, id="kind-once")
                yield RadioButton("Repeats", value=recurring, id="kind-repeat")
            with Vertical(id="event-once"):
                yield Label(f"Date ({DAY_HINT})", classes="field-label")
                yield Input(value=self._day_of(event.date if event else None), id="event-date")
                yield FieldError(id="event-date-error")
            with Vertical(id="event-repeat"):
                yield Label("How often", classes="field-label")
                yield Select[RecurrenceFrequency](
                    [(label, frequency) for frequency, label in _FREQUENCIES],
                    value=rule.frequency if rule else RecurrenceFrequency.YEARLY,
                    allow_blank=False,
                    id="event-frequency",
                )
                yield Label(f"Starting ({DAY_HINT})", classes="field-label")
                yield Input(value=self._day_of(rule.start_date if rule else None), id="event-start")
                yield FieldError(id="event-start-error")
            yield FieldError(id=self.FORM_ERROR_ID)
            with Horizontal(id="event-buttons"):
                yield Button("Cancel", id="event-cancel")
                yield Button("Save", id="event-save", variant="primary")

    def on_mount(self) -> None:
        self.set_class(self._event is not None and self._event.is_recurring, "-recurring")
        self.query_one("#event-name", Input).focus()

    @property
    def recurring(self) -> bool:
        """Whether the form describes a repeating event."""
        return self.has_class("-recurring")

    @on(RadioSet.Changed, "#event-kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.set_class(event.pressed.id == "kind-repeat", "-recurring")

    # -- validation ---------------------------------------------------------------------------

    def _show(self, field_id: str, error: str | None) -> str | None:
        self.query_one(f"#{field_id}-error", FieldError).show(error)
        return error

    def _check_name(self) -> str | None:
        name = self.query_one("#event-name", Input).value
        error = check_text(name, "A name") or check_length(name.strip(), "The name")
        return self._show("event-name", error)

    def _check_description(self) -> str | None:
        text = self.query_one("#event-description", TextArea).text
        error = control_character_problem(text, "It", multiline=True) or check_length(
            text.strip(), "The description"
        )
        return self._show("event-description", error)

    def _check_day(self, field_id: str) -> date | None:
        text = self.query_one(f"#{field_id}", Input).value
        try:
            day = parse_day(text, self._today)
        except ValueError as error:
            self._show(field_id, str(error))
            return None
        self._show(field_id, None)
        return day

    @on(Input.Blurred, "#event-name")
    def _name_left(self) -> None:
        self._check_name()

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        if event.input.id:
            self._show(event.input.id, None)

    @on(TextArea.Changed)
    def _typing_description(self) -> None:
        self._check_description()

    # -- finishing ----------------------------------------------------------------------------

    def build_command(self) -> Command | None:
        """The create or update the fields ask for; ``None`` (and the reasons) while wrong."""
        name_error = self._check_name()
        description_error = self._check_description()
        day = self._check_day("event-start" if self.recurring else "event-date")
        if name_error or description_error or day is None:
            return None
        # The form edits the day; an edited event with a time of day keeps it.
        instant = event_instant(day, self._event, self._tz)
        rule = None
        if self.recurring:
            frequency = self.query_one("#event-frequency", Select).value
            rule = RecurringRule(
                frequency=(
                    frequency
                    if isinstance(frequency, RecurrenceFrequency)
                    else RecurrenceFrequency.YEARLY
                ),
                start_date=instant,
            )
        original = self._event
        description = self.query_one("#event-description", TextArea).text.strip()
        event = CalendarEvent(
            id=original.id if original else None,
            calendar_id=original.calendar_id if original else None,
            name=self.query_one("#event-name", Input).value.strip(),
            description=description or None,
            date=None if rule else instant,
            recurring_rule=rule,
        )
        return UpdateEvent(event) if original else CreateEvent(event)

"""``ActivityForm``: a new activity, or an activity's edits, checked field by field.

The same modal creates an activity (from the calendar) and edits one (``e`` on the activity
detail screen, opened with the activity's values). It sends its command itself and stays
open, values and all, until the server has confirmed it (:class:`CommandForm`). An edit sends
only the fields that changed, so the update's fieldMask names exactly those.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, TextArea

from tui_planner.api.models import MarketingActivityType
from tui_planner.api.text_rules import control_character_problem
from tui_planner.day_words import day_text
from tui_planner.sync.commands import CreateActivity, UpdateActivity
from tui_planner.ui.day_text import DAY_HINT, parse_day
from tui_planner.ui.dialogs.form_modal import CommandForm
from tui_planner.ui.icons import type_icon, type_label
from tui_planner.ui.widgets.field_error import FieldError
from tui_planner.ui.widgets.plain_text import PlainInput, PlainTextArea
from tui_planner.zone import wall_instant

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from textual.app import ComposeResult

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.sync.commands import Command

__all__ = ["DEFAULT_TIME", "ActivityForm", "activity_instant", "check_day", "check_text"]

DEFAULT_TIME = time(9, 0)
"""The time of day a new activity is planned for, in the user's time zone."""

_TYPES = (
    MarketingActivityType.SOCIAL_MARKETING,
    MarketingActivityType.BLOG,
    MarketingActivityType.EMAIL_MARKETING,
)


def check_text(value: str, field: str, *, multiline: bool = False) -> str | None:
    """Why ``value`` will not do for a required ``field``, or ``None`` when it will.

    Empty is refused, and so is a control character, which the fields drop as they are
    typed but a value from elsewhere may still hold (tabs and line breaks are text when
    ``multiline``).
    """
    if not value.strip():
        return f"{field} is required."
    return control_character_problem(value, "It", multiline=multiline)


def check_day(
    text: str, today: date, plan_start: date | None, plan_end: date | None
) -> tuple[date | None, str | None]:
    """Read a typed day and check it is in the plan period: ``(day, None)`` or ``(None, why)``.

    Relative days ("+3", "tomorrow") count from ``today``.
    """
    try:
        day = parse_day(text, today)
    except ValueError as error:
        return None, str(error)
    if plan_start is not None and day < plan_start:
        start = day_text(plan_start, year=True)
        return None, f"The plan starts on {start}; pick that day or later."
    if plan_end is not None and day > plan_end:
        end = day_text(plan_end, year=True)
        return None, f"The plan ends on {end}; pick that day or earlier."
    return day, None


def activity_instant(day: date, tz: tzinfo, at: time = DEFAULT_TIME) -> datetime:
    """The UTC instant of ``day`` at ``at`` in ``tz``: what ``targetDate`` carries."""
    return wall_instant(day, at, tz)


class ActivityForm(CommandForm):
    """Title, description, date (and, for a new one, type) of an activity.

    Without ``activity`` it creates one on ``day``; with it, it opens with the activity's
    values and saves the fields that changed. Errors appear under their field as soon as a
    field is left or the form is submitted; nothing is sent until every field is right.
    """

    DEFAULT_CSS = """
    ActivityForm {
        align: center middle;
        background: $background 60%;
    }
    ActivityForm > Vertical {
        width: 72;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ActivityForm #form-title { text-style: bold; }
    ActivityForm .field-label { margin-top: 1; color: $text-muted; }
    ActivityForm TextArea { height: 5; }
    ActivityForm #form-error { margin-top: 1; }
    ActivityForm #form-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ActivityForm #form-buttons Button { margin-left: 1; }
    """

    SAVE_BUTTON_ID = "form-save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="activity_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="activity_form.save"),
    ]

    def __init__(
        self,
        *,
        day: date,
        plan_start: date | None,
        plan_end: date | None,
        tz: tzinfo,
        activity: PlanMarketingActivity | None = None,
        today: date,
    ) -> None:
        """``day`` fills the date field; relative days typed ("+3") count from ``today``."""
        super().__init__()
        if activity is not None:
            day = activity.date.astimezone(tz).date()
        self._today = today
        inside = (plan_start is None or day >= plan_start) and (plan_end is None or day <= plan_end)
        # An activity keeps its own day even when the plan period has moved past it.
        if not inside and plan_start is not None and activity is None:
            day = plan_start
        self._day = day
        self._plan_start = plan_start
        self._plan_end = plan_end
        self._tz = tz
        self.activity = activity
        """The activity being edited, as it was when the form opened (``None``: a new one)."""

    def compose(self) -> ComposeResult:
        activity = self.activity
        with Vertical():
            yield Label("Edit activity" if activity else "New activity", id="form-title")
            yield Label("Title", classes="field-label")
            yield PlainInput(
                value=activity.title if activity else "",
                placeholder="Winter sale kick-off",
                id="activity-title",
            )
            yield FieldError(id="activity-title-error")
            yield Label("Description", classes="field-label")
            yield PlainTextArea(
                activity.description if activity else "",
                id="activity-description",
                soft_wrap=True,
                show_line_numbers=False,
            )
            yield FieldError(id="activity-description-error")
            yield Label(f"Date ({DAY_HINT})", classes="field-label")
            yield Input(value=self._day.isoformat(), id="activity-date")
            yield FieldError(id="activity-date-error")
            if activity is None:
                # The API changes an activity's title, description and date, not its type.
                yield Label("Type", classes="field-label")
                yield Select[MarketingActivityType](
                    [(f"{type_icon(kind)} {type_label(kind)}", kind) for kind in _TYPES],
                    value=MarketingActivityType.SOCIAL_MARKETING,
                    allow_blank=False,
                    id="activity-type",
                )
            yield FieldError(id=self.FORM_ERROR_ID)
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="form-cancel")
                yield Button(
                    "Save" if activity else "Create", id=self.SAVE_BUTTON_ID, variant="primary"
                )

    def on_mount(self) -> None:
        self.query_one("#activity-title", Input).focus()

    # -- validation ---------------------------------------------------------------------------

    def _show(self, field_id: str, error: str | None) -> None:
        self.query_one(f"#{field_id}-error", FieldError).show(error)

    def _check_title(self) -> str | None:
        error = check_text(self.query_one("#activity-title", Input).value, "A title")
        self._show("activity-title", error)
        return error

    def _check_description(self) -> str | None:
        text = self.query_one("#activity-description", TextArea).text
        error = check_text(text, "A description", multiline=True)
        self._show("activity-description", error)
        return error

    def _check_date(self) -> date | None:
        text = self.query_one("#activity-date", Input).value
        day, error = check_day(text, self._today, self._plan_start, self._plan_end)
        if error is not None and self.activity is not None:
            # An unchanged date is fine even if the plan period has moved on since.
            unchanged, _ = check_day(text, self._today, None, None)
            if unchanged == self._day:
                day, error = unchanged, None
        self._show("activity-date", error)
        return day

    @on(Input.Blurred, "#activity-title")
    def _title_left(self) -> None:
        self._check_title()

    @on(Input.Blurred, "#activity-date")
    def _date_left(self) -> None:
        self._check_date()

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        # Clear a complaint as soon as the user starts fixing it; re-check on leaving.
        if event.input.id:
            self._show(event.input.id, None)

    @on(TextArea.Changed)
    def _typing_description(self) -> None:
        self._show("activity-description", None)

    # -- finishing ----------------------------------------------------------------------------

    def build_command(self) -> Command | None:
        """The create or update the fields ask for; ``None`` while a field is wrong.

        An edit that changes nothing closes the form with a word instead of a request.
        """
        title_error = self._check_title()
        description_error = self._check_description()
        day = self._check_date()
        if title_error or description_error or day is None:
            return None
        title = self.query_one("#activity-title", Input).value.strip()
        description = self.query_one("#activity-description", TextArea).text.strip()
        activity = self.activity
        if activity is None:
            kind = self.query_one("#activity-type", Select).value
            return CreateActivity(
                title=title,
                description=description,
                target_date=activity_instant(day, self._tz),
                activity_type=(
                    kind
                    if isinstance(kind, MarketingActivityType)
                    else MarketingActivityType.SOCIAL_MARKETING
                ),
            )
        current = activity.date.astimezone(self._tz)
        update = UpdateActivity(
            activity.id,
            title=title if title != activity.title else None,
            description=description if description != activity.description else None,
            target_date=(
                activity_instant(day, self._tz, current.timetz().replace(tzinfo=None))
                if day != current.date()
                else None
            ),
        )
        if not update.field_mask:
            self.notify("Nothing changed.", timeout=2)
            self.dismiss(None)
            return None
        return update

"""``ActivityForm``: a modal for a new activity, checked field by field as the user types.

The rules it checks (title, description and date required; the date inside the plan period)
are the module functions below, which the activity detail screen's in-place editor reuses.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, TextArea

from tui_planner.api.models import MarketingActivityType
from tui_planner.clock import utc
from tui_planner.sync.commands import CreateActivity
from tui_planner.ui.day_text import DAY_HINT, parse_day
from tui_planner.ui.dialogs.form_modal import FormModal
from tui_planner.ui.icons import type_icon, type_label
from tui_planner.ui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from textual.app import ComposeResult

__all__ = ["DEFAULT_TIME", "ActivityForm", "activity_instant", "check_day", "check_text"]

DEFAULT_TIME = time(9, 0)
"""The time of day a new activity is planned for, in the user's time zone."""

_TYPES = (
    MarketingActivityType.SOCIAL_MARKETING,
    MarketingActivityType.BLOG,
    MarketingActivityType.EMAIL_MARKETING,
)


def check_text(value: str, field: str) -> str | None:
    """Why ``value`` will not do for a required ``field``, or ``None`` when it will."""
    return f"{field} is required." if not value.strip() else None


def check_day(
    text: str, reference: date, plan_start: date | None, plan_end: date | None
) -> tuple[date | None, str | None]:
    """Read a typed day and check it is in the plan period: ``(day, None)`` or ``(None, why)``."""
    try:
        day = parse_day(text, reference)
    except ValueError as error:
        return None, str(error)
    if plan_start is not None and day < plan_start:
        return None, f"The plan starts on {plan_start:%a %d %b %Y}; pick that day or later."
    if plan_end is not None and day > plan_end:
        return None, f"The plan ends on {plan_end:%a %d %b %Y}; pick that day or earlier."
    return day, None


def activity_instant(day: date, tz: tzinfo, at: time = DEFAULT_TIME) -> datetime:
    """The UTC instant of ``day`` at ``at`` in ``tz``: what ``targetDate`` carries."""
    return utc(datetime.combine(day, at, tz))


class ActivityForm(FormModal[CreateActivity]):
    """Title, description, date and type of a new activity; dismisses with the command.

    Errors appear under their field as soon as a field is left or the form is submitted;
    nothing is sent until every field is right.
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
    ActivityForm #form-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ActivityForm #form-buttons Button { margin-left: 1; }
    """

    SAVE_BUTTON_ID = "form-save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="activity_form.cancel"),
        Binding("ctrl+s", "save", "Create", id="activity_form.save"),
    ]

    def __init__(
        self, *, day: date, plan_start: date | None, plan_end: date | None, tz: tzinfo
    ) -> None:
        super().__init__()
        inside = (plan_start is None or day >= plan_start) and (plan_end is None or day <= plan_end)
        self._day = day if inside or plan_start is None else plan_start
        self._plan_start = plan_start
        self._plan_end = plan_end
        self._tz = tz

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("New activity", id="form-title")
            yield Label("Title", classes="field-label")
            yield Input(placeholder="Winter sale kick-off", id="activity-title")
            yield FieldError(id="activity-title-error")
            yield Label("Description", classes="field-label")
            yield TextArea(id="activity-description", soft_wrap=True, show_line_numbers=False)
            yield FieldError(id="activity-description-error")
            yield Label(f"Date ({DAY_HINT})", classes="field-label")
            yield Input(value=self._day.isoformat(), id="activity-date")
            yield FieldError(id="activity-date-error")
            yield Label("Type", classes="field-label")
            yield Select[MarketingActivityType](
                [(f"{type_icon(kind)} {type_label(kind)}", kind) for kind in _TYPES],
                value=MarketingActivityType.SOCIAL_MARKETING,
                allow_blank=False,
                id="activity-type",
            )
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="form-cancel")
                yield Button("Create", id="form-save", variant="primary")

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
        error = check_text(self.query_one("#activity-description", TextArea).text, "A description")
        self._show("activity-description", error)
        return error

    def _check_date(self) -> date | None:
        text = self.query_one("#activity-date", Input).value
        day, error = check_day(text, self._day, self._plan_start, self._plan_end)
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

    def action_save(self) -> None:
        """Create the activity when every field is right; otherwise point at what is wrong."""
        title_error = self._check_title()
        description_error = self._check_description()
        day = self._check_date()
        if title_error or description_error or day is None:
            return
        kind = self.query_one("#activity-type", Select).value
        self.dismiss(
            CreateActivity(
                title=self.query_one("#activity-title", Input).value.strip(),
                description=self.query_one("#activity-description", TextArea).text.strip(),
                target_date=activity_instant(day, self._tz),
                activity_type=(
                    kind
                    if isinstance(kind, MarketingActivityType)
                    else MarketingActivityType.SOCIAL_MARKETING
                ),
            )
        )

"""``GotoDateDialog``: type a day and the calendar jumps to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui_planner.ui.day_text import DAY_HINT, parse_day
from tui_planner.ui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from datetime import date

    from textual.app import ComposeResult

__all__ = ["GotoDateDialog"]


class GotoDateDialog(ModalScreen["date | None"]):
    """A one-line date prompt; ``enter`` jumps, ``escape`` cancels, mistakes are explained."""

    DEFAULT_CSS = """
    GotoDateDialog {
        align: center middle;
        background: $background 60%;
    }
    GotoDateDialog > Vertical {
        width: 60;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    GotoDateDialog #goto-title { text-style: bold; margin-bottom: 1; }
    /* The hint fits one line at 60 cells; narrower, it wraps rather than being cut off. */
    GotoDateDialog #goto-hint { width: 100%; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="goto_date.cancel"),
    ]

    def __init__(self, selected: date, today: date) -> None:
        """``selected`` is where the calendar is (enter alone stays there); relative days
        ("+3", "tomorrow") count from ``today``."""
        super().__init__()
        self._selected = selected
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Go to date", id="goto-title")
            yield Input(placeholder=self._selected.isoformat(), id="goto-input")
            yield FieldError(id="goto-error")
            yield Label(f"e.g. {DAY_HINT}", id="goto-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Jump when the text is a day; otherwise say why not."""
        event.stop()
        text = event.value or self._selected.isoformat()
        try:
            chosen = parse_day(text, self._today)
        except ValueError as error:
            self.query_one("#goto-error", FieldError).show(str(error))
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        """Stay where the calendar was."""
        self.dismiss(None)

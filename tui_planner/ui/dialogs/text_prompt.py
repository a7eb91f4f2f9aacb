"""``TextPromptDialog``: ask for one line of text, checked before it is accepted."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urlparse

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui_planner.ui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

__all__ = ["TextPromptDialog", "check_image_url"]


def check_image_url(value: str) -> str | None:
    """Why ``value`` is not an image address the API can fetch, or ``None`` when it is (a
    ``check`` for the prompt that asks for one)."""
    if not value:
        return "Enter the image's address (https://…)."
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return "That is not a web address; it must start with https:// or http://."
    return None


class TextPromptDialog(ModalScreen["str | None"]):
    """One input; ``enter`` accepts when ``check`` finds nothing wrong, ``escape`` cancels.

    ``check`` returns a sentence saying what is wrong, or ``None`` when the text will do.
    Dismisses with the stripped text, or ``None`` when cancelled.
    """

    DEFAULT_CSS = """
    TextPromptDialog {
        align: center middle;
        background: $background 60%;
    }
    TextPromptDialog > Vertical {
        width: 72;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    TextPromptDialog #prompt-title { text-style: bold; margin-bottom: 1; }
    TextPromptDialog #prompt-help { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(
        self,
        title: str,
        *,
        help: str = "",
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._help = help
        self._value = value
        self._placeholder = placeholder
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, id="prompt-title")
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield FieldError(id="prompt-error")
            yield Static(self._help, id="prompt-help", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Accept the text, or say what is wrong with it."""
        event.stop()
        value = event.value.strip()
        problem = self._check(value) if self._check else None
        if problem:
            self.query_one(FieldError).show(problem)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Give up without an answer."""
        self.dismiss(None)

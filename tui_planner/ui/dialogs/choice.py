"""``ChoiceDialog``: a question with a few named answers, each on a key and a button."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, Literal, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui_planner.ui.dialogs.button_dialog import ButtonDialog

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.events import Key

__all__ = ["Choice", "ChoiceDialog"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Choice(Generic[T]):
    """One answer: the key that picks it, its button label, and the value it returns."""

    key: str
    label: str
    value: T
    variant: Literal["default", "primary", "success", "warning", "error"] = "default"


class ChoiceDialog(ButtonDialog[T]):
    """Ask ``title``; dismiss with the chosen value, or ``cancel_value`` on escape.

    ``default`` names the value whose button has focus, so ``enter`` picks it; ``left``
    and ``right`` move between the buttons.
    """

    DEFAULT_CSS = """
    ChoiceDialog {
        align: center middle;
        background: $background 60%;
    }
    ChoiceDialog > #choice-box {
        width: 72;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ChoiceDialog #choice-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ChoiceDialog #choice-body {
        margin-bottom: 1;
    }
    ChoiceDialog #choice-buttons {
        height: auto;
        align-horizontal: right;
    }
    ChoiceDialog #choice-buttons Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel"),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        choices: Sequence[Choice[T]],
        *,
        cancel_value: T,
        default: T | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._choices = tuple(choices)
        self._cancel_value = cancel_value
        self._default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(self._title, id="choice-title", markup=False)
            yield Static(self._body, id="choice-body", markup=False)
            with Horizontal(id="choice-buttons"):
                for index, choice in enumerate(self._choices):
                    yield Button(
                        f"{choice.label} [{choice.key}]",
                        id=f"choice-{index}",
                        variant=choice.variant,
                    )

    def on_mount(self) -> None:
        for index, choice in enumerate(self._choices):
            if choice.value == self._default:
                self.query_one(f"#choice-{index}", Button).focus()
                return

    def on_key(self, event: Key) -> None:
        for choice in self._choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button picks its choice."""
        event.stop()
        index = int((event.button.id or "choice-0").removeprefix("choice-"))
        self.dismiss(self._choices[index].value)

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(self._cancel_value)

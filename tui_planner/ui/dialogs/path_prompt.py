"""``PathPrompt``: ask for a file path, with the reason it is needed and a sensible default."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

__all__ = ["PathPrompt"]


class PathPrompt(ModalScreen[Path | None]):
    """Dismisses with the expanded path typed, or ``None`` on escape."""

    DEFAULT_CSS = """
    PathPrompt {
        align: center middle;
        background: $background 60%;
    }
    PathPrompt > #path-box {
        width: 80;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    PathPrompt #path-title {
        text-style: bold;
        margin-bottom: 1;
    }
    PathPrompt #path-error {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="path.cancel"),
    ]

    def __init__(
        self,
        title: str,
        default: Path,
        *,
        must_exist: bool = False,
        check: Callable[[Path], str | None] | None = None,
    ) -> None:
        """``check`` says why a path will not do (a sentence), or ``None`` when it will."""
        super().__init__()
        self._title = title
        self._default = default
        self._must_exist = must_exist
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="path-box"):
            yield Static(self._title, id="path-title", markup=False)
            yield Input(str(self._default), id="path-input")
            yield Static("Enter to confirm, escape to cancel.", id="path-help")
            yield Static("", id="path-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Accept the path, unless it must exist and does not."""
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#path-error", Static).update("Enter a file path.")
            return
        path = Path(text).expanduser()
        if self._must_exist and not path.is_file():
            self.query_one("#path-error", Static).update(f"There is no file at {path}.")
            return
        refusal = self._check(path) if self._check is not None else None
        if refusal is not None:
            self.query_one("#path-error", Static).update(refusal)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        """Leave without a path."""
        self.dismiss(None)

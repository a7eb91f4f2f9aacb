"""``ConfirmDialog``: ask before doing something, saying what it will do."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui_planner.ui.dialogs.button_dialog import ButtonDialog

if TYPE_CHECKING:
    from textual.app import ComposeResult

__all__ = ["ConfirmDialog"]


class ConfirmDialog(ButtonDialog[bool]):
    """A yes/no question that dismisses with ``True`` (confirm) or ``False`` (cancel).

    ``body`` should say what will be lost ("Clears 7 posts (5 drafts, 2 scheduled)."), not
    merely "Are you sure?". ``destructive`` paints the confirm button as an error button.
    The cancel button has focus first, so a stray ``enter`` never destroys anything;
    ``left`` and ``right`` move between the buttons.

    Usage from a worker or an async handler::

        if await self.app.push_screen_wait(ConfirmDialog("Delete activity?", body, "Delete")):
            ...
    """

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
        background: $background 60%;
    }
    ConfirmDialog > #confirm-box {
        width: 64;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ConfirmDialog.-destructive > #confirm-box {
        border: thick $error;
    }
    ConfirmDialog #confirm-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-body {
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog #confirm-buttons Button {
        margin-left: 2;
    }
    ConfirmDialog #confirm-keys {
        width: 1fr;
        height: 3;
        content-align: left middle;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="confirm.cancel"),
        Binding("y", "confirm", "Yes", show=False, id="confirm.yes"),
        Binding("n", "cancel", "No", show=False, id="confirm.no"),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        confirm_label: str = "Confirm",
        destructive: bool = True,
        *,
        cancel_label: str = "Cancel",
    ) -> None:
        super().__init__(classes="-destructive" if destructive else None)
        self._title = title
        self._body = body
        self._confirm_label = confirm_label
        self._cancel_label = cancel_label
        self._destructive = destructive

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self._title, id="confirm-title", markup=False)
            yield Static(self._body, id="confirm-body", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Static(id="confirm-keys", markup=False)
                yield Button(self._cancel_label, id="confirm-cancel")
                yield Button(
                    self._confirm_label,
                    id="confirm-ok",
                    variant="error" if self._destructive else "primary",
                )

    def on_mount(self) -> None:
        self.query_one("#confirm-cancel", Button).focus()
        # Cancel has the focus, so say which key confirms without reaching for the button.
        self.query_one("#confirm-keys", Static).update(
            f"{self._key_for('confirm')} yes · {self._key_for('cancel')} no"
        )

    def _key_for(self, action: str) -> str:
        """The first key bound to ``action`` here (after any keymap), as the key bar shows it."""
        for node, binding, _enabled, _tooltip in self.active_bindings.values():
            if node is self and binding.action == action and binding.key != "escape":
                return self.app.get_key_display(binding)
        return "esc" if action == "cancel" else action

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Either button ends the dialog."""
        event.stop()
        self.dismiss(event.button.id == "confirm-ok")

    def action_confirm(self) -> None:
        """Answer yes."""
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Answer no."""
        self.dismiss(False)

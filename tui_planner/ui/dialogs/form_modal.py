"""``FormModal``: the plumbing every modal form shares, so each form holds only its fields."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button, Input

__all__ = ["FormModal"]

ResultT = TypeVar("ResultT")


class FormModal(ModalScreen[ResultT | None]):
    """A modal form: ``enter`` in a field or the save button saves; the other button cancels.

    Subclasses name their save button in :attr:`SAVE_BUTTON_ID`, bind ``escape`` to
    ``cancel`` and ``ctrl+s`` to ``save`` (with their own binding ids), and implement
    :meth:`action_save`, which validates and dismisses with the result.
    """

    SAVE_BUTTON_ID: ClassVar[str] = "form-save"

    def action_save(self) -> None:
        """Validate the fields and dismiss with the result (each form defines it)."""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The save button saves; any other button closes without a result."""
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

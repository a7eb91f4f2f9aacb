"""``FormModal``: the plumbing every modal form shares, so each form holds only its fields."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, Switch, TextArea

from tui_planner.ui.dialogs.confirm import ConfirmDialog

__all__ = ["FormModal", "discard_dialog"]

ResultT = TypeVar("ResultT")

FieldValues = tuple[tuple[str, object], ...]


def discard_dialog() -> ConfirmDialog:
    """The question before typing is thrown away: "Keep editing" has the focus."""
    return ConfirmDialog(
        "Discard your changes?",
        "What you typed in this form has not been saved; closing it now loses it.",
        "Discard",
        cancel_label="Keep editing",
    )


class FormModal(ModalScreen[ResultT | None]):
    """A modal form: ``enter`` in a field or the save button saves; the other button cancels.

    Subclasses name their save button in :attr:`SAVE_BUTTON_ID`, bind ``escape`` to
    ``cancel`` and ``ctrl+s`` to ``save`` (with their own binding ids), and implement
    :meth:`action_save`, which validates and dismisses with the result.

    Cancelling a form whose fields differ from how it opened asks first, with the focus on
    "Keep editing", so a stray ``escape`` never throws typing away.
    """

    SAVE_BUTTON_ID: ClassVar[str] = "form-save"

    _opened_with: FieldValues | None = None

    @on(events.Mount)
    def _remember_fields(self) -> None:
        # After the first refresh, so values a subclass sets while mounting count as the start.
        self.call_after_refresh(self._take_snapshot)

    def _take_snapshot(self) -> None:
        self._opened_with = self._field_values()

    def _field_values(self) -> FieldValues:
        """Every field's value, in order: what "changed" is measured against."""
        values: list[tuple[str, object]] = []
        for widget in self.query("Input, TextArea, RadioSet, Select, Checkbox, Switch"):
            if isinstance(widget, Input | Select | Checkbox | Switch):
                value: object = widget.value
            elif isinstance(widget, TextArea):
                value = widget.text
            elif isinstance(widget, RadioSet):
                value = widget.pressed_index
            else:  # pragma: no cover - the query names only the types above
                continue
            values.append((widget.id or "", value))
        return tuple(values)

    @property
    def changed(self) -> bool:
        """Whether any field differs from how the form opened."""
        return self._opened_with is not None and self._field_values() != self._opened_with

    def action_save(self) -> None:
        """Validate the fields and dismiss with the result (each form defines it)."""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The save button saves; any other button cancels."""
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        """Close without a result; with changes in the fields, ask first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(discard_dialog(), answered)

"""``ButtonDialog``: a modal whose row of buttons the arrow keys move along.

``left`` and ``right`` move the focus to the previous and next button (stopping at the
ends), as in any desktop dialog; ``tab`` still walks every focusable widget. The arrows
move between buttons only from a button (or with nothing focused): a text field keeps its
own, and on a checkbox or a dropdown they do nothing, so a form never loses its place to
them.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

__all__ = ["ButtonDialog"]

ResultT = TypeVar("ResultT")


class ButtonDialog(ModalScreen[ResultT]):
    """A dialog whose buttons ``left`` and ``right`` move between."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "focus_button(-1)", "Previous button", show=False, id="dialog.left"),
        Binding("right", "focus_button(1)", "Next button", show=False, id="dialog.right"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_button":
            return self.focused is None or isinstance(self.focused, Button)
        return True

    def action_focus_button(self, step: int) -> None:
        """Focus the button ``step`` places along from the focused one (or the first)."""
        buttons = [button for button in self.query(Button) if button.focusable]
        if not buttons:
            return
        focused = self.focused
        at = buttons.index(focused) if isinstance(focused, Button) and focused in buttons else -1
        if at < 0:
            buttons[0].focus()
            return
        buttons[max(0, min(len(buttons) - 1, at + step))].focus()

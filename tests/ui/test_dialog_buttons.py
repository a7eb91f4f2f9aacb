"""Arrow keys move between a dialog's buttons; enter presses the one with the focus."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button

from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.dialogs.choice import Choice, ChoiceDialog


class Asker(App[None]):
    """Opens one dialog and keeps its answer."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def focused_button(app: App[None]) -> str | None:
    focused = app.screen.focused
    return focused.id if isinstance(focused, Button) else None


async def test_right_then_enter_confirms_and_left_goes_back_to_cancel() -> None:
    app = Asker(ConfirmDialog("Delete it?", "The activity and its 7 posts go.", "Delete"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert focused_button(app) == "confirm-cancel"
        await pilot.press("right")
        assert focused_button(app) == "confirm-ok"
        await pilot.press("right")  # the last button stays
        assert focused_button(app) == "confirm-ok"
        await pilot.press("left")
        assert focused_button(app) == "confirm-cancel"
        await pilot.press("right", "enter")
        await pilot.pause()
        assert app.answers == [True]


async def test_arrow_keys_walk_a_choice_dialogs_buttons_in_order() -> None:
    choices: list[Choice[str]] = [
        Choice("s", "Save", "save"),
        Choice("d", "Discard", "discard"),
        Choice("c", "Stay", "stay"),
    ]
    app = Asker(
        ChoiceDialog(
            "Unsaved changes", "Two fields changed.", choices, cancel_value="stay", default="save"
        )
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        assert focused_button(app) == "choice-0"
        await pilot.press("right", "right")
        assert focused_button(app) == "choice-2"
        await pilot.press("left")
        assert focused_button(app) == "choice-1"
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == ["discard"]

"""The confirm dialog: cancel has the focus, and the dialog says which key answers yes."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from tui_planner.ui.dialogs import ConfirmDialog


class Asker(App[None]):
    """Opens one confirm dialog and keeps its answer."""

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.answers: list[bool | None] = []
        self._keymap = keymap or {}

    def on_mount(self) -> None:
        self.set_keymap(self._keymap)
        self.push_screen(
            ConfirmDialog("Delete it?", "The activity and its 7 posts go.", "Delete"),
            self.answers.append,
        )


def key_hint(app: App[None]) -> str:
    return str(app.screen.query_one("#confirm-keys", Static).render())


async def test_the_dialog_names_its_keys_and_enter_on_the_focused_cancel_keeps_everything() -> None:
    app = Asker()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert key_hint(app) == "y yes · n no"

        await pilot.press("enter")
        await pilot.pause()

        assert app.answers == [False]


async def test_the_yes_key_confirms() -> None:
    app = Asker()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

        assert app.answers == [True]


async def test_the_hint_follows_the_keymap() -> None:
    app = Asker(keymap={"confirm.yes": "o", "confirm.no": "x"})
    async with app.run_test() as pilot:
        await pilot.pause()
        assert key_hint(app) == "o yes · x no"

        await pilot.press("o")
        await pilot.pause()

        assert app.answers == [True]

"""The first-run dialog: a site with no plan (or an INACTIVE one) is offered a way forward."""

from __future__ import annotations

import enum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from tui_planner.api.models import PlanStatus
from tui_planner.ui import keymap
from tui_planner.ui.dialogs.button_dialog import ButtonDialog

__all__ = ["FirstRunChoice", "FirstRunScreen"]


class FirstRunChoice(enum.Enum):
    """What the user chose."""

    GENERATE = "generate"
    """Generate (or reactivate) the plan now."""
    SETTINGS = "settings"
    """Open the settings first, generate later."""
    LATER = "later"
    """Do nothing for now."""


_WORDING = {
    PlanStatus.NEVER_CREATED: (
        "This site has no marketing plan yet",
        "Generate one now from the site's current marketing settings, or review the "
        "settings first (goal, tone, topics, channels) and generate from there.",
        "Generate now",
    ),
    PlanStatus.INACTIVE: (
        "This plan is inactive",
        "The plan was switched off after a long time without use, so it shows no "
        "activities. Reactivating generates it again from the current settings: upcoming "
        "activities are replaced, with any posts scheduled on them and your edits.",
        "Reactivate",
    ),
}


class FirstRunScreen(ButtonDialog[FirstRunChoice]):
    """Offers to generate a plan that was never created, or reactivate an INACTIVE one."""

    DEFAULT_CSS = """
    FirstRunScreen {
        align: center middle;
    }
    FirstRunScreen > #first-run {
        width: 64;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    FirstRunScreen #first-run-body {
        width: 1fr;
    }
    FirstRunScreen #first-run-title {
        text-style: bold;
        margin-bottom: 1;
    }
    FirstRunScreen #first-run-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    FirstRunScreen Button {
        margin-left: 1;
    }
    """

    BINDINGS = [
        Binding("escape", "later", "Not now", id="first_run.later"),
        # The app's generate key (and its id, so [ui.keymap] moves both): a modal screen
        # shuts the app's bindings out, and the status bar behind says "press ctrl+g".
        Binding("ctrl+g", "generate", "Generate", show=False, id=keymap.GENERATE),
    ]

    def __init__(self, status: PlanStatus) -> None:
        super().__init__()
        self.status = status
        """The plan status the dialog is about."""

    def compose(self) -> ComposeResult:
        title, body, action = _WORDING.get(self.status, _WORDING[PlanStatus.NEVER_CREATED])
        with Vertical(id="first-run"):
            yield Label(title, id="first-run-title", markup=False)
            yield Label(body, id="first-run-body", markup=False)
            with Horizontal(id="first-run-buttons"):
                if self.status == PlanStatus.NEVER_CREATED:
                    yield Button("Open settings first", id="settings")
                else:
                    yield Button("Not now", id="later")
                yield Button(action, id="generate", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#generate", Button).focus()

    @on(Button.Pressed, "#generate")
    def action_generate(self) -> None:
        """Generate (or reactivate) the plan now."""
        self.dismiss(FirstRunChoice.GENERATE)

    @on(Button.Pressed, "#settings")
    def _settings(self) -> None:
        self.dismiss(FirstRunChoice.SETTINGS)

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        """Close the dialog without doing anything."""
        self.dismiss(FirstRunChoice.LATER)

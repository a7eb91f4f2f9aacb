"""The base of every planner screen: follows the store, sends intents to the engine.

Every planner screen gets the same chrome without asking: :class:`PlannerHeader` docked at
the top (app, screen title, backend badge) and, docked at the bottom, the :class:`StatusBar`
above the :class:`KeyBar` of key hints. Subclasses implement :meth:`compose_body` rather
than ``compose`` and yield no header, footer or status bar of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen

from tui_planner.ui.widgets.backend_badge import PlannerHeader
from tui_planner.ui.widgets.key_bar import KeyBar
from tui_planner.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.clock import Clock
    from tui_planner.launch import UiSettings
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command, CommandOutcome

__all__ = ["PlannerHost", "PlannerScreen"]

ResultT = TypeVar("ResultT")


class PlannerHost(Protocol):
    """What a screen may ask of the app (``PlannerApp`` implements it).

    ``state`` is a Textual reactive on the app holding the current :class:`PlannerState`;
    ``ui_settings`` the theme, keymap and week start (known before the config is validated);
    ``submit`` runs a command in the background and reports its outcome as a notification;
    ``execute`` runs one and returns the outcome, for screens that show a report.
    """

    state: PlannerState
    clock: Clock
    ui_settings: UiSettings

    def submit(self, command: Command) -> None: ...

    async def execute(self, command: Command) -> CommandOutcome: ...


class PlannerScreen(Screen[ResultT]):
    """A screen that re-renders from each new :class:`PlannerState` snapshot.

    Subclasses override :meth:`state_changed`; it is called once on mount and once per new
    snapshot, only while the screen is mounted.
    """

    DEFAULT_CSS = """
    PlannerScreen > #planner-foot {
        dock: bottom;
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        # The chrome is composed with the body, so the first frame lays out all of it at once.
        yield PlannerHeader()
        yield from self.compose_body()
        yield Vertical(StatusBar(), KeyBar(), id="planner-foot", classes="planner-foot")

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the header and the status bar."""
        yield from ()

    _watching = False

    def on_mount(self) -> None:
        # Textual calls every class's on_mount; a subclass that also calls super().on_mount()
        # must not start the watcher twice.
        if self._watching:
            return
        self._watching = True
        self.watch(self.app, "state", self._on_state, init=True)

    def _on_state(self, state: PlannerState) -> None:
        self.state_changed(state)

    def state_changed(self, state: PlannerState) -> None:
        """React to a new snapshot."""

    @property
    def host(self) -> PlannerHost:
        """The app, as the interface screens use."""
        app: Any = self.app
        return app  # type: ignore[no-any-return]

    @property
    def state(self) -> PlannerState:
        """The current snapshot."""
        return self.host.state

    def key_for(self, binding_id: str) -> str:
        """How to show the key of this screen's binding ``binding_id``, honouring the keymap
        ("f", or "z" when ``[ui.keymap]`` rebinds it), for hints written into the screen."""
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                keys = self.host.ui_settings.keymap.get(binding_id, binding.key)
                return self.app.get_key_display(Binding(keys.split(",")[0].strip(), ""))
        raise KeyError(binding_id)

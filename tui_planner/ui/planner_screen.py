"""The base of every planner screen: follows the store while shown, sends intents to the app.

Every planner screen gets the same chrome without asking: :class:`PlannerHeader` docked at
the top (app, screen title, backend badge) and, docked at the bottom, the :class:`StatusBar`
above the :class:`KeyBar` of key hints. Subclasses implement :meth:`compose_body` rather
than ``compose`` and yield no header, footer or status bar of their own.

A screen follows the app only while it is shown (on top, or under nothing but dialogs, which
let it show through): it subscribes to the app's state and clock signals when it resumes and
lets go once it is hidden (another section, or a full screen on top), so a hidden screen does
no work however often the plan changes. On resume it catches up once with whatever is
current. The chrome is bound to the screen's reactives (``data_bind``), so it follows the
same rule.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from tui_planner.store.state import PlannerState
from tui_planner.ui import keymap
from tui_planner.ui.widgets.backend_badge import PlannerHeader
from tui_planner.ui.widgets.key_bar import KeyBar
from tui_planner.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from textual.app import App, ComposeResult
    from textual.signal import Signal

    from tui_planner.backend import BackendInfo
    from tui_planner.clock import Clock
    from tui_planner.config import UiSettings
    from tui_planner.session import Session
    from tui_planner.store import Store
    from tui_planner.sync.commands import Command, CommandOutcome
    from tui_planner.ui.saved_calendar import SavedCalendar

__all__ = ["PlannerHost", "PlannerScreen", "planner_host"]

ResultT = TypeVar("ResultT")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class PlannerHost(Protocol):
    """What a screen may ask of the app (``PlannerApp`` implements it).

    ``state`` is the current :class:`PlannerState` as the UI has it; ``store`` the store
    itself, a moment ahead of ``state`` right after a command; ``ui_settings`` the theme,
    keymap and week start (known before the config is validated); ``saved_calendar`` the
    calendar the last session saved, shown until the plan loads; ``submit`` runs a command
    in the background and reports its outcome as a notification; ``execute`` runs one and
    returns the outcome, for screens that show a report.
    """

    @property
    def state(self) -> PlannerState: ...

    @property
    def now(self) -> datetime: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def store(self) -> Store: ...

    @property
    def ui_settings(self) -> UiSettings: ...

    @property
    def backend_info(self) -> BackendInfo: ...

    @property
    def saved_calendar(self) -> SavedCalendar | None: ...

    @property
    def session(self) -> Session: ...

    @property
    def state_signal(self) -> Signal[PlannerState]: ...

    @property
    def now_signal(self) -> Signal[datetime]: ...

    def key_for(self, binding_id: str) -> str: ...

    def submit(self, command: Command) -> None: ...

    async def execute(self, command: Command) -> CommandOutcome: ...


def planner_host(app: App[Any]) -> PlannerHost:
    """``app`` as the interface screens use (it is the ``PlannerApp``, or a test's host)."""
    return cast("PlannerHost", app)


class PlannerScreen(Screen[ResultT]):
    """A screen that re-renders from each new :class:`PlannerState` snapshot while shown.

    Subclasses override :meth:`state_changed`: it is called when the screen mounts, then
    once per new snapshot while the screen is shown, and once on resume if the snapshot
    changed while it was hidden. A screen holding unsaved work overrides :attr:`is_dirty`
    and :meth:`confirm_leave`; the app asks before a section switch or quit takes it away.
    """

    DEFAULT_CSS = """
    PlannerScreen > #planner-foot {
        dock: bottom;
        height: auto;
    }
    """

    snapshot: reactive[PlannerState] = reactive(
        PlannerState(), init=False, always_update=False, repaint=False
    )
    """The snapshot on show (snapshots compare by identity, so a new one is a change). It
    does not repaint the screen itself: that marks the whole screen dirty, so every new
    snapshot redrew every widget (a full update); each widget refreshes what it shows."""
    now: reactive[datetime] = reactive(_EPOCH, init=False, repaint=False)
    """The app's clock reading as of the last tick, for ages and the spinner; a tick redraws
    the status bar bound to it, not the whole screen (as ``snapshot``)."""
    saved_at: reactive[datetime | None] = reactive(None, init=False)
    """When the calendar on show before the plan loads was saved, if it is one."""
    backend_info: reactive[BackendInfo | None] = reactive(None, init=False)
    """Which backend the header names."""

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # Start with the breakpoint class the terminal's width calls for: the first resize
        # then changes no class, where a change would restyle the whole screen again
        # (15 ms before the first frame).
        breakpoint = self._breakpoint_class()
        if breakpoint is not None:
            self.add_class(breakpoint)

    def _breakpoint_class(self) -> str | None:
        breakpoints = self.HORIZONTAL_BREAKPOINTS or []
        try:
            width = self.app.size.width
        except RuntimeError:  # Textual's NoActiveAppError: built outside a running app
            return None
        # As Textual picks it: the highest threshold the width reaches.
        for threshold, name in sorted(breakpoints, reverse=True):
            if width >= threshold:
                return name
        return None

    def compose(self) -> ComposeResult:
        # The chrome is composed with the body, so the first frame lays out all of it at once.
        self.catch_up()
        yield PlannerHeader(self.backend_info).data_bind(backend=PlannerScreen.backend_info)
        yield from self.compose_body()
        generate_key = self.host.key_for(keymap.GENERATE)
        status = StatusBar(
            self.snapshot,
            self.now,
            generate_key=generate_key,
            posts_key=self.host.key_for(keymap.POSTS),
            tz=self.host.clock.tz,
            saved_at=self.saved_at,
        )
        status.data_bind(
            state=PlannerScreen.snapshot, now=PlannerScreen.now, saved_at=PlannerScreen.saved_at
        )
        yield Vertical(status, KeyBar(), id="planner-foot", classes="planner-foot")

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the header and the status bar."""
        yield from ()

    def on_mount(self) -> None:
        # The body is composed now: draw it from the snapshot the chrome was composed with.
        self.state_changed(self.snapshot)

    def on_screen_resume(self) -> None:
        host = self.host
        host.state_signal.subscribe(self, self._follow_state, immediate=True)
        host.now_signal.subscribe(self, self._follow_now, immediate=True)
        self.catch_up()

    def on_screen_suspend(self) -> None:
        # A dialog on top leaves the screen in sight, so it keeps following.
        if not self.is_shown:
            self._let_go()

    def _let_go(self) -> None:
        host = self.host
        host.state_signal.unsubscribe(self)
        host.now_signal.unsubscribe(self)

    @property
    def is_shown(self) -> bool:
        """Whether the screen is in sight: on top of the current section, or under dialogs."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        above = stack[stack.index(self) + 1 :]
        return all(isinstance(screen, ModalScreen) for screen in above)

    def catch_up(self) -> None:
        """Take whatever the app holds now (once per resume; cheap when nothing changed)."""
        host = self.host
        self.backend_info = host.backend_info
        self.now = host.now
        self._take_state(host.state)

    def _follow_state(self, state: PlannerState) -> None:
        if not self.is_shown:
            self._let_go()  # hidden without a suspend of its own (a full screen over a dialog)
            return
        self._take_state(state)

    def _take_state(self, state: PlannerState) -> None:
        saved = self.host.saved_calendar
        self.saved_at = saved.saved_at if saved is not None and not state.plan_loaded else None
        self.snapshot = state

    def _follow_now(self, now: datetime) -> None:
        if not self.is_shown:
            self._let_go()
            return
        self.now = now

    def watch_snapshot(self, state: PlannerState) -> None:
        if self.is_mounted:
            self.state_changed(state)

    def state_changed(self, state: PlannerState) -> None:
        """React to a new snapshot."""

    @property
    def host(self) -> PlannerHost:
        """The app, as the interface screens use."""
        return planner_host(self.app)

    @property
    def state(self) -> PlannerState:
        """The current snapshot (the app's, even in a worker resumed behind a dialog)."""
        return self.host.state

    @property
    def is_dirty(self) -> bool:
        """Whether the screen holds work that leaving it would lose (none, by default)."""
        return False

    async def confirm_leave(self) -> bool:
        """Ask about unsaved work; True when it is fine to leave. Called only when dirty,
        from a worker (it may wait for a dialog)."""
        return True

    def key_for(self, binding_id: str) -> str:
        """How to show the key of this screen's binding ``binding_id``, honouring the keymap
        ("f", or "z" when ``[ui.keymap]`` rebinds it), for hints written into the screen."""
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                keys = self.host.ui_settings.keymap.get(binding_id, binding.key)
                return self.app.get_key_display(Binding(keys.split(",")[0].strip(), ""))
        raise KeyError(binding_id)

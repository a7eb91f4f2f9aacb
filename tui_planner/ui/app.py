"""``PlannerApp``: the Textual host that runs the sync engine and hands snapshots to screens.

The app owns three long-lived things: the :class:`Store` (the one source of truth), the
:class:`SyncEngine` running as one named async worker, and a ticker that moves
:attr:`PlannerApp.now` forward on the injected clock so the status bar's ages and spinner are
a function of clock time (a :class:`ManualClock` makes them deterministic in tests).

Start-up paints first and connects second. Given a way to open the backend rather than an
open one (as ``planner-tui`` does), the app shows the calendar the last session saved
(:mod:`tui_planner.ui.saved_calendar`), and only after that first frame opens the backend in
a thread (importing ``httpx``, the clients, the sandbox and the engine off the event loop),
then starts syncing. Commands given meanwhile wait for the connection. After each sync that
changed the plan, the calendar is saved again for next time.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from importlib import import_module
from inspect import isawaitable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui_planner import heap
from tui_planner.api.models import PlanStatus
from tui_planner.backend import Backend, Connection
from tui_planner.config import ConfigError, display_path
from tui_planner.journal import Journal
from tui_planner.launch import UiSettings
from tui_planner.store import Store, reducers
from tui_planner.store.state import ConnectionPhase, PlannerState, SyncStatus
from tui_planner.ui import keymap
from tui_planner.ui.palette import PlannerCommands
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.first_run import FirstRunChoice, FirstRunScreen
from tui_planner.ui.screens.help import HelpScreen
from tui_planner.ui.widgets.backend_badge import PlannerHeader

if TYPE_CHECKING:
    from pathlib import Path

    from tui_planner.backend import BackendInfo
    from tui_planner.clock import Clock
    from tui_planner.config import Config
    from tui_planner.sync.commands import Command, CommandOutcome
    from tui_planner.sync.engine import SyncEngine
    from tui_planner.ui.saved_calendar import CalendarKeeper, SavedCalendar

__all__ = ["Engine", "PlannerApp"]

SYNC_GROUP = "sync"
COMMAND_GROUP = "commands"
TICKER_GROUP = "ticker"
DIALOG_GROUP = "dialogs"
CALENDAR_GROUP = "calendar-file"

SYNC_RESTART_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Seconds before restarting a crashed sync worker, by how many times in a row it crashed."""

GENERATING_TICK = 0.2
"""Seconds between status bar updates while something animates (the spinner)."""
IDLE_TICK = 1.0
"""Seconds between status bar updates otherwise (ages and countdowns)."""

CALENDAR_SAVE_INTERVAL = 60.0
"""Seconds between saves of the calendar for the next start, at most (one more at exit)."""

BackendOpener = Callable[[], Connection]
"""Validates the config and opens the backend; called in a thread after the first frame
(:func:`tui_planner.launch.connect`, bound to the config's location and the clock)."""

CONFIG_ERROR_EXIT = 2
"""The app's return code when the config, validated after the first frame, is unusable."""


class Engine(Protocol):
    """What the app needs of a sync engine (:class:`SyncEngine` is the real one)."""

    @property
    def store(self) -> Store:
        """The store the engine writes to."""
        ...

    async def run(self) -> None:
        """Keep the store in step until cancelled."""
        ...

    async def execute(self, command: Command) -> CommandOutcome:
        """Carry one command to the API and say how it ended."""
        ...

    def request_sync(self) -> None:
        """Sync now."""
        ...

    def pause(self) -> None:
        """Stop polling (the app is suspended)."""
        ...

    def resume(self) -> None:
        """Poll again."""
        ...


# The sections other than the calendar are imported when first opened, not at start-up: the
# drafts screen alone pulls in post previews, images and numpy (about 140 ms and 15 MiB).


def _drafts_screen() -> Screen[Any]:
    from tui_planner.ui.screens.drafts import DraftsScreen

    return DraftsScreen()


def _events_screen() -> Screen[Any]:
    from tui_planner.ui.screens.events import EventsScreen

    return EventsScreen()


def _settings_screen() -> Screen[Any]:
    from tui_planner.ui.screens.settings import SettingsScreen

    return SettingsScreen()


_RESTARTABLE_STATUSES = (PlanStatus.NEVER_CREATED, PlanStatus.FAILED, PlanStatus.INACTIVE)
"""Plan statuses the generate key acts in; generating again turns the plan back on."""


class PlannerApp(App[None]):
    """The planner: calendar, drafts, events and settings over one live plan."""

    TITLE = "planner-tui"
    # The home screen's stylesheet is read with the app's: a screen bringing a stylesheet
    # of its own makes Textual parse every stylesheet again as it opens (30 ms at start-up).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/calendar.tcss"]
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *keymap.APP_BINDINGS,
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "calendar": CalendarScreen,
        "drafts": _drafts_screen,
        "events": _events_screen,
        "settings": _settings_screen,
    }
    DEFAULT_MODE = "calendar"

    state: reactive[PlannerState] = reactive(PlannerState(), init=False, always_update=False)
    """The current snapshot; a new object means a change (snapshots compare by identity)."""

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The clock's time as of the last tick, for ages, countdowns and the spinner."""

    def __init__(
        self,
        *,
        backend: Backend | BackendOpener,
        clock: Clock,
        config: Config | None = None,
        ui: UiSettings | None = None,
        info: BackendInfo | None = None,
        calendar_file: Path | None = None,
        config_file: Path | None = None,
        journal: Journal | None = None,
        store: Store | None = None,
        engine: Engine | None = None,
        offer_first_run: bool = True,
    ) -> None:
        """Run over ``backend``: an open one, or a function that validates the config and
        opens it in a thread after the first frame (then ``info``, which names the backend in
        the header, is required). ``config`` may come from that function too, when ``ui``
        gives the settings the first frame needs. ``calendar_file`` is where the calendar
        is saved for the next start and read from at this one (``None``: nowhere).
        ``config_file`` is the config file, named when a refused key needs fixing there.
        ``journal`` records commands in flight (default: in memory only)."""
        super().__init__()
        if ui is None:
            if config is None:
                raise ValueError("the first frame needs the config or its UiSettings")
            ui = UiSettings.from_config(config)
        self.config: Config | None = config
        """The validated configuration (``None`` until the opener has validated it)."""
        self.ui_settings: UiSettings = ui
        """Theme, keys and week start, known before the config is validated."""
        self.config_error: ConfigError | None = None
        """Why the config turned out unusable after the first frame (the app then exits 2)."""
        self.clock = clock
        """The one clock; screens read "now" and "today" from it."""
        self.journal: Journal = journal if journal is not None else Journal(None, clock)
        """Commands in flight and hand-edited activities (see :mod:`tui_planner.journal`)."""
        self.config_file = config_file
        if isinstance(backend, Backend):
            if config is None:
                raise ValueError("an open backend comes with its validated config")
            self.backend: Backend | None = backend
            self._open_backend: BackendOpener | None = None
            info = backend.info
        elif info is None:
            raise ValueError("a backend opened later needs its BackendInfo now, for the header")
        else:
            self.backend = None
            self._open_backend = backend
        """The backend's clients, once open (``None`` before)."""
        self.backend_info: BackendInfo = info
        """Which backend this is, for the header; known before it is open."""
        # A given engine brings its store; otherwise the app makes both.
        if store is None:
            store = engine.store if engine is not None else Store()
        self.store: Store = store
        """The one source of truth the engine writes and the screens read."""
        if engine is None and self.backend is not None and config is not None:
            engine = self._build_engine(self.backend, config)
        self.engine: Engine | None = engine
        """Keeps :attr:`store` in step with the backend; ``None`` until the backend is open."""
        self.saved_calendar: SavedCalendar | None = None
        """The calendar the last session saved, shown until the plan has loaded."""
        self._calendar_keeper: CalendarKeeper | None = None
        if calendar_file is not None:
            from tui_planner.ui.saved_calendar import CalendarKeeper, load_saved_calendar

            self._calendar_keeper = CalendarKeeper(
                calendar_file, clock, interval=CALENDAR_SAVE_INTERVAL
            )
            if not store.state.loaded:
                self.saved_calendar = load_saved_calendar(calendar_file, clock.tz)
        self._connected = asyncio.Event()
        self._paused = False
        self.offer_first_run = offer_first_run
        """Whether a plan that was never created (or is INACTIVE) prompts the user on load."""
        self._first_run_offered = False
        self._sync_crashes = 0
        self._pending_state: PlannerState | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread_id = threading.get_ident()
        self._unsubscribe: Callable[[], None] | None = None
        self._gc_thresholds: tuple[int, int, int] | None = None
        self.set_reactive(PlannerApp.state, self.store.state)
        self.set_reactive(PlannerApp.now, clock.now())

    def _build_engine(self, backend: Backend, config: Config) -> SyncEngine:
        from tui_planner.sync.engine import SyncEngine
        from tui_planner.sync.policy import PollPolicy

        sync = config.sync
        policy = PollPolicy(
            idle_interval=sync.idle_interval,
            generating_interval=sync.generating_interval,
            generating_max_interval=sync.generating_max_interval,
        )
        where = display_path(self.config_file) if self.config_file is not None else None
        return SyncEngine(
            self.store, backend.plan, backend.publisher, self.clock, policy, config_file=where
        )

    # -- lifecycle -------------------------------------------------------------------------

    def on_mount(self) -> None:
        # Full collections over a big plan stop the UI for 150 ms; see tui_planner/heap.py.
        self._gc_thresholds = heap.collect_rarely()
        self._loop = asyncio.get_running_loop()
        self._thread_id = threading.get_ident()
        self._apply_theme()
        self.set_keymap(dict(self.ui_settings.keymap))
        self._unsubscribe = self.store.subscribe(self._on_store_change)
        self.state = self.store.state  # anything that changed before we subscribed
        self.app_suspend_signal.subscribe(self, self._on_suspend)
        self.app_resume_signal.subscribe(self, self._on_resume)
        if self.engine is not None:
            self._connected.set()
            self._start_sync()
        else:
            # Paint first: the backend's imports and the first load come after a frame.
            self.call_after_refresh(self._connect)
        self._start_ticker()
        self._maybe_offer_first_run(self.state)
        self._calendar_changed(self.state)

    async def on_unmount(self) -> None:
        self.workers.cancel_group(self, SYNC_GROUP)
        self.workers.cancel_group(self, TICKER_GROUP)
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._gc_thresholds is not None:
            heap.restore_collection(self._gc_thresholds)
        if self._calendar_keeper is not None:
            try:
                self._calendar_keeper.save_now(self.state)
            except OSError as error:
                self.log.warning("could not save the calendar", error)
        if self.backend is not None:
            await self.backend.aclose()

    # -- connecting ------------------------------------------------------------------------

    def _connect(self) -> None:
        self.run_worker(
            self._open_then_sync(),
            name="connect",
            group=SYNC_GROUP,
            exclusive=True,
            exit_on_error=False,
            description="Opens the backend",
        )

    async def _open_then_sync(self) -> None:
        opener = self._open_backend
        if opener is None:
            return
        try:
            connection = await asyncio.to_thread(_open_off_loop, opener)
        except ConfigError as error:
            # The same sentence a bad config always gets, printed once the screen is gone.
            self.config_error = error
            self.exit(return_code=CONFIG_ERROR_EXIT)
            return
        except Exception as error:  # noqa: BLE001 - any failure becomes the status line.
            self._backend_unavailable(error)
            return
        self._take_config(connection.config, connection.backend.info)
        backend = connection.backend
        self.backend = backend
        self.engine = self._build_engine(backend, connection.config)
        if self._paused:
            self.engine.pause()
        self._connected.set()
        self._start_sync()

    def _take_config(self, config: Config, info: BackendInfo) -> None:
        """The validated config: it normally says what the first frame assumed; if the
        config changed in between, show what it says now."""
        self.config = config
        settings = UiSettings.from_config(config)
        if settings != self.ui_settings:
            self.ui_settings = settings
            self._apply_theme()
            self.set_keymap(dict(settings.keymap))
        if info != self.backend_info:
            self.backend_info = info
            for header in self.screen.query(PlannerHeader):
                header.refresh(recompose=True)

    def _backend_unavailable(self, error: Exception) -> None:
        what = "the sandbox" if self.backend_info.is_sandbox else "the connection to Wix"
        detail = str(error).rstrip(".") or type(error).__name__
        message = f"Could not open {what}: {detail}."
        if self.backend_info.is_sandbox:
            message += " `planner-tui sandbox reset` starts the sandbox afresh."
        status = SyncStatus(phase=ConnectionPhase.UNAVAILABLE, message=message)
        self.store.dispatch(reducers.set_sync_status, status)
        self.notify(message, title="Not connected", severity="error", timeout=30)
        self._connected.set()

    def _apply_theme(self) -> None:
        wanted = self.ui_settings.theme
        if wanted in self.available_themes:
            self.theme = wanted
            return
        known = ", ".join(sorted(self.available_themes))
        self.notify(
            f"There is no theme called {wanted!r}; using the default. Themes: {known}.",
            title="Unknown theme",
            severity="warning",
        )

    # -- state -----------------------------------------------------------------------------

    def _on_store_change(self, state: PlannerState) -> None:
        """Store subscriber: hand the newest snapshot to the UI, once per burst of changes."""
        already_scheduled = self._pending_state is not None
        self._pending_state = state
        if already_scheduled:
            return
        if threading.get_ident() == self._thread_id or self._loop is None:
            self.call_later(self._deliver_state)
        else:
            self._loop.call_soon_threadsafe(self.call_later, self._deliver_state)

    def _deliver_state(self) -> None:
        state, self._pending_state = self._pending_state, None
        if state is not None:
            self.state = state

    def watch_state(self, state: PlannerState) -> None:
        if state.loaded and self.journal.leftover:
            self._report_interrupted(state)
        self._maybe_offer_first_run(state)
        self._calendar_changed(state)

    def _report_interrupted(self, state: PlannerState) -> None:
        """Say how the commands the last session left in flight ended, from the plan just
        read from the server; then forget them."""
        report = self.journal.report(state)
        self.journal.forget_leftover()
        if report:
            self.notify(report, title="Interrupted last time", severity="warning", timeout=30)

    def _calendar_changed(self, state: PlannerState) -> None:
        keeper = self._calendar_keeper
        delay = keeper.changed(state) if keeper is not None else None
        if keeper is not None and delay is not None:
            self.run_worker(
                keeper.save_later(delay, lambda: self.state),
                name="save calendar",
                group=CALENDAR_GROUP,
                exit_on_error=False,
                description="Saves the calendar for the next start",
            )

    # -- sync worker -----------------------------------------------------------------------

    def _start_sync(self, delay: float = 0.0) -> None:
        self.run_worker(
            self._run_sync(delay),
            name="sync",
            group=SYNC_GROUP,
            exclusive=True,
            exit_on_error=False,
            description="Keeps the plan in step with the API",
        )

    async def _run_sync(self, delay: float) -> None:
        if delay > 0:
            await self.clock.sleep(delay)
        if self.engine is not None:
            await self.engine.run()

    def _start_ticker(self) -> None:
        self.run_worker(
            self._tick_forever(),
            name="ticker",
            group=TICKER_GROUP,
            exclusive=True,
            exit_on_error=False,
            description="Moves the status bar's clock",
        )

    async def _tick_forever(self) -> None:
        while True:
            animating = self.state.plan_status == PlanStatus.GENERATING or bool(
                self.state.posts_generating
            )
            await self.clock.sleep(GENERATING_TICK if animating else IDLE_TICK)
            self.now = self.clock.now()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are turned into sentences."""
        worker = event.worker
        if event.state == WorkerState.SUCCESS and worker.group == SYNC_GROUP:
            self._sync_crashes = 0
        if event.state != WorkerState.ERROR:
            return
        error = worker.error
        match worker.group:
            case "sync":
                delay = SYNC_RESTART_DELAYS[min(self._sync_crashes, len(SYNC_RESTART_DELAYS) - 1)]
                self._sync_crashes += 1
                self.notify(
                    f"Syncing stopped unexpectedly ({error}). Trying again in {delay:g} s.",
                    title="Sync problem",
                    severity="error",
                )
                self._start_sync(delay)
            case "commands":
                self.notify(
                    f"{worker.description} did not finish: {error}.",
                    title="Command failed",
                    severity="error",
                )
            case "ticker":
                self.log.error("status bar ticker stopped", error)
                self._start_ticker()
            case "calendar-file":
                # Only the next start is any slower; not worth interrupting the user for.
                self.log.warning("could not save the calendar", error)
            case _:
                self.notify(
                    f"{worker.description or worker.name} failed: {error}.",
                    title="Something went wrong",
                    severity="error",
                )

    def _on_suspend(self, _app: App[Any]) -> None:
        self._paused = True
        if self.engine is not None:
            self.engine.pause()

    def _on_resume(self, _app: App[Any]) -> None:
        self._paused = False
        if self.engine is not None:
            self.engine.resume()

    # -- commands --------------------------------------------------------------------------

    async def execute(self, command: Command) -> CommandOutcome:
        """Run ``command`` through the engine and return how it ended.

        Before the backend is open this waits for it; if it could not be opened, the outcome
        says so.
        """
        await self._connected.wait()
        if self.engine is None:
            from tui_planner.sync.commands import CommandOutcome

            reason = self.state.sync.message or "The backend could not be opened."
            return CommandOutcome(command, ok=False, message=f"{command.describe()}: {reason}")
        return await self.journal.record(command, self.engine.execute)

    async def wait_for_backend(self) -> Backend | None:
        """The open backend, once it is open; ``None`` if it could not be opened."""
        await self._connected.wait()
        return self.backend

    def submit(self, command: Command) -> None:
        """Run ``command`` in the background and report the outcome as a notification."""
        self.run_worker(
            self._execute_and_notify(command),
            name=f"command {type(command).__name__}",
            group=COMMAND_GROUP,
            exit_on_error=False,
            description=command.describe(),
        )

    async def _execute_and_notify(self, command: Command) -> CommandOutcome:
        outcome = await self.execute(command)
        self.notify(outcome.message, severity="information" if outcome.ok else "error")
        return outcome

    # -- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys that work here."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_sync_now(self) -> None:
        """Ask the engine for a sync right away."""
        if self.engine is None:
            self.notify("Still connecting; the plan syncs as soon as it can.", timeout=2)
            return
        self.engine.request_sync()
        self.notify("Syncing now.", timeout=2)

    def action_generate(self) -> None:
        """Generate the plan (first time, after a failure, or to reactivate it), first
        saying what an existing plan would lose. An existing plan (FAILED, INACTIVE) is
        regenerated; Generate is for a site that never had one."""
        from tui_planner.sync.plan_start import start_plan
        from tui_planner.ui.plan_commands import run_plan_command

        run_plan_command(self, start_plan(self.state.plan_status))

    async def action_goto_date(self) -> None:
        """Open the calendar's go-to-date prompt."""
        if not await self.switch_section("calendar"):
            return
        goto = getattr(self.screen, "action_goto_date", None)
        if not callable(goto):
            self.notify("The calendar cannot jump to a date here.", severity="warning")
            return
        result = goto()
        if isawaitable(result):
            # The prompt waits for its dialog (push_screen_wait), which needs a worker.
            self.run_worker(
                result,
                name="goto date",
                group=DIALOG_GROUP,
                exit_on_error=False,
                description="Go to a date",
            )

    async def action_open_activity(self, activity_id: str) -> None:
        """Show one activity in full, over the calendar."""
        from tui_planner.ui.screens.activity_detail import ActivityDetailScreen

        if await self.switch_section("calendar"):
            await self.push_screen(ActivityDetailScreen(activity_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "generate":
            # None: listed (dimmed) in the footer and help, but not run.
            return True if self.state.plan_status in _RESTARTABLE_STATUSES else None
        return True

    async def action_switch_mode(self, mode: str) -> None:
        """Switch to a top-level section (asking first if unsaved work would be left)."""
        await self.switch_section(mode)

    async def switch_section(self, mode: str) -> bool:
        """Switch to a top-level section; True when it switched at once.

        A screen holding unsaved work (``is_dirty`` and ``confirm_leave()``, as the settings
        form has) is asked first, in a worker because it waits for a dialog; then this returns
        False and the switch happens once the user has answered.
        """
        if mode == self.current_mode:
            return True
        if self._unsaved_work_here():
            self._leave_then(partial(self.switch_mode, mode))
            return False
        await self.switch_mode(mode)
        return True

    async def action_quit(self) -> None:
        """Quit, asking first when the current screen holds unsaved work."""
        if self._unsaved_work_here():
            self._leave_then(self._exit_now)
            return
        self.exit()

    async def _exit_now(self) -> None:
        self.exit()

    def _unsaved_work_here(self) -> bool:
        return bool(getattr(self.screen, "is_dirty", False)) and callable(
            getattr(self.screen, "confirm_leave", None)
        )

    def _leave_then(self, then: Callable[[], Awaitable[object]]) -> None:
        confirm_leave: Callable[[], Awaitable[bool]] = self.screen.confirm_leave  # type: ignore[attr-defined]

        async def ask_then_go() -> None:
            if await confirm_leave():
                await then()

        self.run_worker(
            ask_then_go(),
            name="leave screen",
            group=DIALOG_GROUP,
            exclusive=True,
            exit_on_error=False,
            description="Asks about unsaved changes",
        )

    # -- first run -------------------------------------------------------------------------

    def _maybe_offer_first_run(self, state: PlannerState) -> None:
        if not self.offer_first_run or self._first_run_offered or not state.loaded:
            return
        if state.plan_status not in (PlanStatus.NEVER_CREATED, PlanStatus.INACTIVE):
            return
        self._first_run_offered = True
        self._offer_first_run(state.plan_status)

    @work(group=DIALOG_GROUP, exit_on_error=False, description="Offers to generate the plan")
    async def _offer_first_run(self, status: PlanStatus) -> None:
        choice = await self.push_screen_wait(FirstRunScreen(status))
        if choice is FirstRunChoice.GENERATE:
            from tui_planner.sync.plan_start import start_plan

            self.submit(start_plan(status))
        elif choice is FirstRunChoice.SETTINGS:
            await self.switch_mode("settings")

    # -- screens ask -----------------------------------------------------------------------

    def key_for(self, binding_id: str) -> str:
        """How to show the key bound to an app binding, honouring the keymap ("ctrl+g")."""
        keys = self.ui_settings.keymap.get(binding_id) or keymap.default_key(binding_id)
        return self.get_key_display(Binding(keys.split(",")[0].strip(), ""))


def _open_off_loop(opener: BackendOpener) -> Connection:
    """Validate the config, open the backend and load the sync engine's modules: the slow
    part of start-up, run in a thread so the first frame is already on screen."""
    connection = opener()
    import_module("tui_planner.sync.engine")  # loaded here, off the event loop
    return connection

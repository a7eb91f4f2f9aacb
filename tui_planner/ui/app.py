"""``PlannerApp``: the Textual host over one :class:`~tui_planner.session.Session`.

The session holds what is not about the terminal: the store, the backend, the sync engine,
the connection and the commands. The app keeps Textual's concerns: it paints the calendar
first (the one the last session saved, :mod:`tui_planner.ui.saved_calendar`), then opens the
session in a worker and keeps it syncing; it hands each new snapshot and each clock tick to
the screen on show (:class:`~tui_planner.ui.planner_screen.PlannerScreen` subscribes while
shown), turns worker failures into sentences, runs commands in the background and asks
before a section switch or quit throws unsaved work away.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from tui_planner import heap
from tui_planner.config import ConfigError, UiSettings
from tui_planner.store.state import PlannerState
from tui_planner.ui import keymap
from tui_planner.ui.calendar_saving import CalendarSaving
from tui_planner.ui.connecting import SessionRunner
from tui_planner.ui.first_load import FirstLoadNotices
from tui_planner.ui.palette import PlannerCommands
from tui_planner.ui.plan_notices import PlanFailureNotice
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_news import PostNews
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.sections import HOME, LATER_SECTIONS, leave_then
from tui_planner.ui.store_bridge import StoreBridge
from tui_planner.ui.theme_choice import ThemeChoice
from tui_planner.ui.ticker import tick_forever
from tui_planner.ui.workers import WorkerGroup, say_failed

if TYPE_CHECKING:
    from pathlib import Path

    from textual.screen import Screen

    from tui_planner.backend import BackendInfo
    from tui_planner.clock import Clock
    from tui_planner.config import Config
    from tui_planner.session import Session
    from tui_planner.site_switch import SiteSwitch
    from tui_planner.store import Store
    from tui_planner.sync.commands import Command, CommandOutcome
    from tui_planner.ui.saved_calendar import SavedCalendar

__all__ = ["PlannerApp"]


class PlannerApp(App[None]):
    """The planner: calendar, drafts, events and settings over one live plan.

    It runs over ``session``, painting with ``ui`` (theme, keys, week start) until the
    session's config is validated. ``calendar_file`` is where the calendar is saved for the
    next start and read from at this one (``None``: nowhere). ``offer_first_run``: whether a
    plan never created (or INACTIVE) prompts the user once loaded. ``preferences_file`` keeps
    the theme picked in the palette (``None``: for this run only). ``sites`` makes the
    session for another ``[sites.NAME]`` of the config (``None``: one site).
    """

    TITLE = "planner-tui"
    # The home screen's stylesheet is read with the app's: a screen bringing a stylesheet
    # of its own makes Textual parse every stylesheet again as it opens (30 ms at start-up).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/calendar.tcss"]
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *keymap.APP_BINDINGS,
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = LATER_SECTIONS
    DEFAULT_MODE = HOME

    state: reactive[PlannerState] = reactive(
        PlannerState(), init=False, always_update=False, repaint=False
    )
    """The current snapshot; a new object means a change (snapshots compare by identity).
    Not a repaint of its own: the app's refresh redraws the whole screen, every widget
    (a full update, 20-30 ms over the big plan); widgets refresh what changed."""

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False, repaint=False)
    """The clock's time as of the last tick, for ages, countdowns and the spinner; no repaint
    of its own (as ``state``): the status bar, bound to it, redraws its one line."""

    session: Session
    """The store, backend, engine and connection of this run."""
    ui_settings: UiSettings
    """Theme, keys, week start and zone, known before the config is validated."""
    config_error: ConfigError | None = None
    """Why the config turned out unusable after the first frame (the app then exits 2)."""
    state_signal: Signal[PlannerState]
    """Each new snapshot, for the screens on show."""
    now_signal: Signal[datetime]
    """Each clock tick, for the screens on show."""
    sites: SiteSwitch | None
    """Makes the session for another site of the config (``None``: one site only)."""
    active_search: str | None = None
    """The query ``n``/``N`` step through (see :mod:`tui_planner.ui.search`)."""

    # Set after the first frame: the collector's thresholds to restore at exit.
    _gc_thresholds: tuple[int, int, int] | None = None

    def __init__(
        self,
        session: Session,
        *,
        ui: UiSettings,
        calendar_file: Path | None = None,
        offer_first_run: bool = True,
        preferences_file: Path | None = None,
        sites: SiteSwitch | None = None,
    ) -> None:
        """Run over ``session`` (the arguments are described on the class)."""
        super().__init__()
        self.session, self.ui_settings, self.sites = session, ui, sites
        self.state_signal = Signal(self, "state")
        self.now_signal = Signal(self, "now")
        self._calendar = CalendarSaving(self, calendar_file, session)
        self._theme = ThemeChoice(preferences_file)
        self._first_load = FirstLoadNotices(self, offer_first_run=offer_first_run)
        self._post_news = PostNews()
        self._runner = SessionRunner(self)
        self._bridge = StoreBridge(self)
        self._failure_notice = PlanFailureNotice(self)
        self.set_reactive(PlannerApp.state, session.state)
        self.set_reactive(PlannerApp.now, session.clock.now())

    # -- what screens read -----------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        """The one clock; screens read "now" and "today" from it."""
        return self.session.clock

    @property
    def store(self) -> Store:
        """The store, a moment ahead of :attr:`state` right after a command."""
        return self.session.store

    @property
    def saved_calendar(self) -> SavedCalendar | None:
        """The calendar the last start saved, shown until the plan is read."""
        return self._calendar.saved

    @property
    def backend_info(self) -> BackendInfo:
        """Which backend this is, for the header; known before it is open."""
        return self.session.info

    def key_for(self, binding_id: str) -> str:
        """How to show the key bound to an app binding, honouring the keymap ("ctrl+g")."""
        keys = self.ui_settings.keymap.get(binding_id) or keymap.default_key(binding_id)
        return self.get_key_display(Binding(keys.split(",")[0].strip(), ""))

    # -- lifecycle -------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The home section's screen, opened as the default screen (see ``LATER_SECTIONS``)."""
        return CalendarScreen()

    def on_mount(self) -> None:
        self.add_mode(HOME, CalendarScreen)  # its screen is open already: this names it
        self._apply_ui_settings()
        self._bridge.follow(self.store)
        self.app_suspend_signal.subscribe(self, lambda _app: self.session.pause())
        self.app_resume_signal.subscribe(self, lambda _app: self.session.resume())
        # Paint first: the backend's imports and the first load come after a frame.
        self.call_after_refresh(self._after_first_frame)
        self._start_ticker()
        self._first_load.seen(self.state)
        self._calendar.changed(self.state, lambda: self.state)

    def _after_first_frame(self) -> None:
        # Collection resumes (planner-tui paused it for start-up), with full collections
        # made rare: over a big plan they stop the UI for 150 ms; see tui_planner/heap.py.
        self._gc_thresholds = heap.collect_rarely()
        self._runner.open()

    async def on_unmount(self) -> None:
        self.workers.cancel_group(self, WorkerGroup.SYNC)
        self.workers.cancel_group(self, WorkerGroup.TICKER)
        self._bridge.stop()
        if self._gc_thresholds is not None:
            heap.restore_collection(self._gc_thresholds)
        self._calendar.save_now(self.state)
        await self.session.aclose()

    def _apply_ui_settings(self) -> None:
        """The keymap, and the config's theme, else the user's last pick, else the default."""
        self.set_keymap(dict(self.ui_settings.keymap))
        self._theme.apply(self, self.ui_settings)

    def watch_theme(self, theme: str) -> None:
        self._theme.picked(self, self.ui_settings, theme)

    # -- the validated config -------------------------------------------------------------

    def take_config(self, config: Config) -> None:
        """The validated config normally says what the first frame assumed; if it changed
        in between, show what it says now."""
        settings = UiSettings.from_config(config)
        if settings != self.ui_settings:
            self.ui_settings = settings
            self._apply_ui_settings()
        if isinstance(self.screen, PlannerScreen):
            self.screen.catch_up()  # the header names the backend as validated

    # -- another session (another site) --------------------------------------------------

    def follow_session(self, session: Session) -> Session:
        """Follow ``session`` in place of the one on show, which is returned for the caller
        to close: its store, saved calendar and journal; then open it and keep it syncing
        (:mod:`tui_planner.ui.site_switching` resets the sections around this)."""
        self.workers.cancel_group(self, WorkerGroup.SYNC)
        self._calendar.save_now(self.state)
        old, self.session = self.session, session
        self._calendar.follow(session)
        self._first_load = FirstLoadNotices(self, offer_first_run=self._first_load.offers)
        self.active_search = None
        self._bridge.follow(self.store)
        self._runner.open()
        return old

    # -- state and time --------------------------------------------------------------------

    def watch_state(self, state: PlannerState) -> None:
        self.state_signal.publish(state)
        self._failure_notice.follow(state)
        self._first_load.seen(state)
        self._calendar.changed(state, lambda: self.state)
        self._post_news.tell(self, state, listed=self.current_mode == "posts")

    def watch_now(self, now: datetime) -> None:
        self.now_signal.publish(now)

    def _start_ticker(self) -> None:
        self.run_worker(
            tick_forever(self.clock, lambda: self.state, self._tick),
            name="ticker",
            group=WorkerGroup.TICKER,
            exclusive=True,
            exit_on_error=False,
            description="Moves the status bar's clock",
        )

    def _tick(self, now: datetime) -> None:
        self.now = now

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are turned into sentences (:func:`say_failed`)."""
        worker = event.worker
        if event.state == WorkerState.SUCCESS and worker.group == WorkerGroup.SYNC:
            self._runner.synced_cleanly()
        elif event.state == WorkerState.ERROR:
            say_failed(self, worker, restart_sync=self._runner.crashed, restart=self._start_ticker)

    # -- commands --------------------------------------------------------------------------

    async def execute(self, command: Command) -> CommandOutcome:
        """Run ``command`` and return how it ended (waiting for the backend to open first)."""
        return await self.session.execute(command)

    def submit(self, command: Command) -> None:
        """Run ``command`` in the background and report the outcome as a notification."""
        self.run_worker(
            self._execute_and_notify(command),
            name=f"command {type(command).__name__}",
            group=WorkerGroup.COMMANDS,
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
        from tui_planner.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_sync_now(self) -> None:
        """Ask the engine for a sync right away."""
        if not self.session.request_sync():
            self.notify("Still connecting; the plan syncs as soon as it can.", timeout=2)
            return
        self.notify("Syncing now.", timeout=2)

    def action_generate(self) -> None:
        """Generate the plan (first time, after a failure, or to reactivate it), or offer to
        regenerate an ACTIVE one, first saying what would be lost (:func:`generate_key`)."""
        from tui_planner.ui.plan_commands import generate_key

        generate_key(self)

    def action_export_plan(self) -> None:
        """Write the plan to an .ics, .csv or .json file, asking only where."""
        from tui_planner.ui.plan_export import start_export

        start_export(self)

    async def action_goto_date(self) -> None:
        """Open the calendar's go-to-date prompt."""
        if await self.switch_section(HOME) and isinstance(self.screen, CalendarScreen):
            self.screen.action_goto_date()

    async def action_open_activity(self, activity_id: str) -> None:
        """Show one activity in full, over the calendar."""
        from tui_planner.ui.screens.activity_detail import ActivityDetailScreen

        if await self.switch_section(HOME):
            await self.push_screen(ActivityDetailScreen(activity_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search_clear", "search_step") and self.active_search is None:
            return False  # without importing search: the key bar asks at every frame
        if action in ("search", "search_clear", "search_step"):
            from tui_planner.ui.search import is_search_action_on

            return is_search_action_on(self, action)
        return True

    @work(group=WorkerGroup.DIALOGS, exclusive=True, exit_on_error=False, description="Search")
    async def action_search(self) -> None:
        """Search the plan and open what the user picks."""
        from tui_planner.ui.search import close_help, run_search

        await close_help(self)
        await run_search(self)

    async def action_search_step(self, step: int) -> None:
        """Step to the next (1) or previous (-1) match of the active search on this screen."""
        from tui_planner.ui.search import close_help, step_match

        await close_help(self)
        step_match(self, step)

    def action_search_clear(self) -> None:
        """End the active search."""
        from tui_planner.ui.search import clear_search

        clear_search(self)

    async def action_switch_mode(self, mode: str) -> None:
        """Switch to a top-level section (asking first if unsaved work would be left)."""
        await self.switch_section(mode)

    async def switch_section(self, mode: str) -> bool:
        """Switch to a top-level section; True when it switched at once.

        A screen holding unsaved work (:attr:`PlannerScreen.is_dirty`) is asked first, in a
        worker because it waits for a dialog; then this returns False and the switch
        happens once the user has answered.
        """
        if mode == self.current_mode:
            return True
        if not leave_then(self, partial(self.switch_mode, mode)):
            return False
        await self.switch_mode(mode)
        return True

    async def action_quit(self) -> None:
        """Quit, asking first when the current screen holds unsaved work."""
        if leave_then(self, self._exit_now):
            self.exit()

    async def _exit_now(self) -> None:
        self.exit()

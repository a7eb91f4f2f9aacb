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

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
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
from tui_planner.api.models import PlanStatus
from tui_planner.config import ConfigError
from tui_planner.debug_log import see_the_log
from tui_planner.launch import UiSettings
from tui_planner.preferences import Preferences, read_preferences, write_preferences
from tui_planner.store.state import PlannerState
from tui_planner.ui import keymap
from tui_planner.ui.palette import PlannerCommands
from tui_planner.ui.plan_notices import PlanFailureNotice
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.post_news import PostNews
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.first_run import FirstRunChoice, FirstRunScreen
from tui_planner.ui.screens.help import HelpScreen
from tui_planner.ui.sections import HOME, SECTIONS
from tui_planner.ui.ticker import tick_forever
from tui_planner.ui.workers import WorkerGroup

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
    from tui_planner.ui.saved_calendar import CalendarKeeper, SavedCalendar

__all__ = ["CONFIG_ERROR_EXIT", "PlannerApp"]

logger = logging.getLogger(__name__)

SYNC_RESTART_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Seconds before restarting a crashed sync worker, by how many times in a row it crashed."""

CALENDAR_SAVE_INTERVAL = 60.0
"""Seconds between saves of the calendar for the next start, at most (one more at exit)."""

CONFIG_ERROR_EXIT = 2
"""The app's return code when the config, validated after the first frame, is unusable."""


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
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = SECTIONS
    DEFAULT_MODE = HOME

    state: reactive[PlannerState] = reactive(PlannerState(), init=False, always_update=False)
    """The current snapshot; a new object means a change (snapshots compare by identity)."""

    now: reactive[datetime] = reactive(datetime(1970, 1, 1, tzinfo=UTC), init=False)
    """The clock's time as of the last tick, for ages, countdowns and the spinner."""

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
        """Run over ``session``, painting with ``ui`` (theme, keys, week start) until its
        config is validated. ``calendar_file`` is where the calendar is saved for the next
        start and read from at this one (``None``: nowhere). ``preferences_file`` keeps the
        theme picked in the palette for the next start (``None``: for this run only).
        ``sites`` makes the session for another ``[sites.NAME]`` of the config, which the
        palette offers to switch to (``None``: no switching)."""
        super().__init__()
        self.session = session
        """The store, backend, engine and connection of this run."""
        self.ui_settings = ui
        """Theme, keys and week start, known before the config is validated."""
        self.offer_first_run = offer_first_run
        """Whether a plan that was never created (or is INACTIVE) prompts the user on load."""
        self.config_error: ConfigError | None = None
        """Why the config turned out unusable after the first frame (the app then exits 2)."""
        self.state_signal: Signal[PlannerState] = Signal(self, "state")
        """Each new snapshot, for the screens on show."""
        self.now_signal: Signal[datetime] = Signal(self, "now")
        """Each clock tick, for the screens on show."""
        self._keeper, self.saved_calendar = _saved_calendar(calendar_file, session)
        self._keeps_calendars = calendar_file is not None
        self.sites = sites
        """Makes the session for another site of the config (``None``: one site only)."""
        self._first_run_offered = False
        self._post_news = PostNews()
        self._sync_crashes = 0
        self._pending_state: PlannerState | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._gc_thresholds: tuple[int, int, int] | None = None
        self._preferences_file = preferences_file
        self.preferences: Preferences = read_preferences(preferences_file)
        """What the user picked before (the theme), kept apart from the config."""
        self._theme_shown: str | None = None
        self.active_search: str | None = None
        """The query ``n``/``N`` step through (see :mod:`tui_planner.ui.search`)."""
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
    def backend_info(self) -> BackendInfo:
        """Which backend this is, for the header; known before it is open."""
        return self.session.info

    def key_for(self, binding_id: str) -> str:
        """How to show the key bound to an app binding, honouring the keymap ("ctrl+g")."""
        keys = self.ui_settings.keymap.get(binding_id) or keymap.default_key(binding_id)
        return self.get_key_display(Binding(keys.split(",")[0].strip(), ""))

    # -- lifecycle -------------------------------------------------------------------------

    def on_mount(self) -> None:
        # Full collections over a big plan stop the UI for 150 ms; see tui_planner/heap.py.
        self._gc_thresholds = heap.collect_rarely()
        self._apply_ui_settings()
        self._unsubscribe = self.store.subscribe(self._on_store_change)
        self.state = self.store.state  # anything that changed before we subscribed
        self.app_suspend_signal.subscribe(self, lambda _app: self.session.pause())
        self.app_resume_signal.subscribe(self, lambda _app: self.session.resume())
        # Paint first: the backend's imports and the first load come after a frame.
        self.call_after_refresh(self._start_sync, connect=True)
        self._start_ticker()
        self._maybe_offer_first_run(self.state)
        self._calendar_changed(self.state)

    async def on_unmount(self) -> None:
        self.workers.cancel_group(self, WorkerGroup.SYNC)
        self.workers.cancel_group(self, WorkerGroup.TICKER)
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._gc_thresholds is not None:
            heap.restore_collection(self._gc_thresholds)
        if self._keeper is not None:
            try:
                self._keeper.save_now(self.state)
            except OSError as error:
                self.log.warning("could not save the calendar", error)
        await self.session.aclose()

    def _apply_ui_settings(self) -> None:
        """The keymap, and the config's theme, else the user's last pick, else the default."""
        self.set_keymap(dict(self.ui_settings.keymap))
        wanted = self.preferences.theme_to_use(self.ui_settings.theme)
        if wanted in self.available_themes:
            self._theme_shown = wanted
            self.theme = wanted
            return
        known = ", ".join(sorted(self.available_themes))
        where = "[ui] theme" if self.ui_settings.theme else "the theme you picked last time"
        self.notify(
            f"There is no theme called {wanted!r} ({where}); using the default. Themes: {known}.",
            title="Unknown theme",
            severity="warning",
            markup=False,
        )

    def watch_theme(self, theme: str) -> None:
        """Remember a theme the user picks (in the palette) for the next start, unless the
        config names one, which wins at every start."""
        if self._theme_shown is None or theme == self._theme_shown:
            return  # the app's own choice at start-up, not the user's
        self._theme_shown = theme
        if self.ui_settings.theme is not None:
            self.notify(
                f"The theme {theme} is for this session: [ui] theme in the config file "
                f"sets {self.ui_settings.theme} for every start.",
                timeout=6,
                markup=False,
            )
            return
        self.preferences = Preferences(theme=theme)
        if self._preferences_file is None:
            return
        try:
            write_preferences(self._preferences_file, self.preferences)
        except OSError as error:
            self.log.warning("could not remember the theme", error)

    # -- connecting and syncing ------------------------------------------------------------

    def _start_sync(self, delay: float = 0.0, *, connect: bool = False) -> None:
        self.run_worker(
            self._connect_then_sync() if connect else self._sync_after(delay),
            name="connect" if connect else "sync",
            group=WorkerGroup.SYNC,
            exclusive=True,
            exit_on_error=False,
            description="Opens the backend" if connect else "Keeps the plan in step with the API",
        )

    async def _connect_then_sync(self) -> None:
        try:
            connection = await self.session.open()
        except ConfigError as error:
            # The same sentence a bad config always gets, printed once the screen is gone.
            self.config_error = error
            self.exit(return_code=CONFIG_ERROR_EXIT)
            return
        if connection is None:
            if self.session.problem is not None:
                self.notify(
                    self.session.problem, title="Not connected", severity="error", timeout=30
                )
            return
        self._take_config(connection.config)
        await self.session.sync()

    async def _sync_after(self, delay: float) -> None:
        if delay > 0:
            await self.clock.sleep(delay)
        await self.session.sync()

    def _take_config(self, config: Config) -> None:
        """The validated config normally says what the first frame assumed; if it changed
        in between, show what it says now."""
        settings = UiSettings.from_config(config)
        if settings != self.ui_settings:
            self.ui_settings = settings
            self._apply_ui_settings()
        if isinstance(self.screen, PlannerScreen):
            self.screen.catch_up()  # the header names the backend as validated

    # -- sites ---------------------------------------------------------------------------

    @property
    def site_names(self) -> tuple[str, ...]:
        """The ``[sites.NAME]`` tables of the validated config (none before it is)."""
        config = self.session.config
        return tuple(config.sites) if config is not None and self.sites is not None else ()

    async def switch_site(self, name: str) -> None:
        """Close this site and open site ``name`` in its place (asking first about unsaved
        work on the screen); a name the config does not have is a notice."""
        if self._leave_then(partial(self._switch_site_now, name)):
            await self._switch_site_now(name)

    async def _switch_site_now(self, name: str) -> None:
        if self.sites is None:
            return
        try:
            # Reads and validates the config file: off the event loop.
            session = await asyncio.to_thread(self.sites.session_for, name)
        except ConfigError as error:
            self.notify(str(error), title="Site not switched", severity="error", markup=False)
            return
        await self._replace_session(session)
        self.notify(f"Switched to the site {name}.", timeout=3, markup=False)

    async def _replace_session(self, session: Session) -> None:
        """Close the session on show and follow ``session`` instead: its store, its saved
        calendar and journal; the sections start afresh on the calendar."""
        self.workers.cancel_group(self, WorkerGroup.SYNC)
        if self._keeper is not None:
            with contextlib.suppress(OSError):  # only the next start is any slower
                self._keeper.save_now(self.state)
        if self._unsubscribe is not None:
            self._unsubscribe()
        old, self.session = self.session, session
        await old.aclose()
        calendar_file = None
        if self._keeps_calendars and session.info.key is not None:
            from tui_planner.ui.saved_calendar import saved_calendar_file

            calendar_file = saved_calendar_file(session.info.key)
        self._keeper, self.saved_calendar = _saved_calendar(calendar_file, session)
        self._first_run_offered = False
        self._pending_state = None
        self.active_search = None
        self._unsubscribe = self.store.subscribe(self._on_store_change)
        await self.switch_mode(HOME)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for mode in SECTIONS:
            # The other sections showed the old site: made again when next opened.
            if mode != HOME:
                await self.remove_mode(mode)
                self.add_mode(mode, SECTIONS[mode])
        self.state = self.store.state
        if isinstance(self.screen, PlannerScreen):
            self.screen.catch_up()  # the header names the other site
        self.refresh_bindings()
        self._start_sync(connect=True)

    # -- state and time --------------------------------------------------------------------

    def _on_store_change(self, state: PlannerState) -> None:
        """Store subscriber: hand the newest snapshot to the UI, once per burst of changes."""
        already_scheduled = self._pending_state is not None
        self._pending_state = state
        if not already_scheduled:
            self.call_later(self._deliver_state)

    def _deliver_state(self) -> None:
        state, self._pending_state = self._pending_state, None
        if state is not None:
            self.state = state

    def watch_state(self, state: PlannerState) -> None:
        self.state_signal.publish(state)
        self._failure_notice.follow(state)
        if state.loaded and self.session.journal.leftover:
            self._report_interrupted(state)
        self._maybe_offer_first_run(state)
        self._calendar_changed(state)
        self._post_news.tell(self, state)

    def _report_interrupted(self, state: PlannerState) -> None:
        """Say how the commands the last session left in flight ended, from the plan just
        read from the server; then forget them."""
        journal = self.session.journal
        report = journal.report(state)
        journal.forget_leftover()
        if report:
            self.notify(report, title="Interrupted last time", severity="warning", timeout=30)

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

    def _calendar_changed(self, state: PlannerState) -> None:
        keeper = self._keeper
        delay = keeper.changed(state) if keeper is not None else None
        if keeper is not None and delay is not None:
            self.run_worker(
                keeper.save_later(delay, lambda: self.state),
                name="save calendar",
                group=WorkerGroup.CALENDAR_FILE,
                exit_on_error=False,
                description="Saves the calendar for the next start",
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are turned into sentences."""
        worker = event.worker
        if event.state == WorkerState.SUCCESS and worker.group == WorkerGroup.SYNC:
            self._sync_crashes = 0
        if event.state != WorkerState.ERROR:
            return
        error = worker.error
        # The whole traceback goes to the debug log; the notice names the file.
        logger.error("worker %r (%s) failed", worker.name, worker.group, exc_info=error)
        see_log = see_the_log()
        match worker.group:
            case WorkerGroup.SYNC:
                delay = SYNC_RESTART_DELAYS[min(self._sync_crashes, len(SYNC_RESTART_DELAYS) - 1)]
                self._sync_crashes += 1
                self.notify(
                    f"Syncing stopped unexpectedly ({error}). Trying again in {delay:g} s."
                    f"{see_log}",
                    title="Sync problem",
                    severity="error",
                )
                self._start_sync(delay)
            case WorkerGroup.COMMANDS:
                self.notify(
                    f"{worker.description} did not finish: {error}.{see_log}",
                    title="Command failed",
                    severity="error",
                )
            case WorkerGroup.TICKER:
                self.log.error("status bar ticker stopped", error)
                self._start_ticker()
            case WorkerGroup.CALENDAR_FILE:
                # Only the next start is any slower; not worth interrupting the user for.
                self.log.warning("could not save the calendar", error)
            case _:
                self.notify(
                    f"{worker.description or worker.name} failed: {error}.{see_log}",
                    title="Something went wrong",
                    severity="error",
                )

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
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_sync_now(self) -> None:
        """Ask the engine for a sync right away."""
        if not self.session.request_sync():
            self.notify("Still connecting; the plan syncs as soon as it can.", timeout=2)
            return
        self.notify("Syncing now.", timeout=2)

    def action_generate(self) -> None:
        """Generate the plan (first time, after a failure, or to reactivate it), first
        saying what an existing plan would lose. An existing plan (FAILED, INACTIVE) is
        regenerated; Generate is for a site that never had one. While generating it says
        so; an ACTIVE plan is offered regeneration, with the same question."""
        from tui_planner.sync.commands import RegeneratePlan
        from tui_planner.sync.plan_start import start_plan
        from tui_planner.ui.plan_commands import run_plan_command

        status = self.state.plan_status
        if status == PlanStatus.GENERATING:
            self.notify("The plan is already generating; it shows here as soon as it is ready.")
        elif status == PlanStatus.ACTIVE:
            run_plan_command(self, RegeneratePlan(), always_ask=True)
        else:
            run_plan_command(self, start_plan(status))

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
        if action == "search":
            return isinstance(self._screen_under_help, PlannerScreen)  # not over a dialog
        if action == "search_clear":
            return self.active_search is not None
        if action == "search_step":
            # Screens that take part say where the next match is (tui_planner.ui.search).
            stepper = getattr(self._screen_under_help, "step_to_match", None)
            return self.active_search is not None and callable(stepper)
        return True

    @property
    def _screen_under_help(self) -> Screen[Any]:
        """The screen the user is working on: the one on top, or the one the help is about
        (whose keys the help lists, search among them)."""
        if isinstance(self.screen, HelpScreen) and len(self.screen_stack) > 1:
            return self.screen_stack[-2]
        return self.screen

    async def _close_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            await self.pop_screen()

    @work(group=WorkerGroup.DIALOGS, exclusive=True, exit_on_error=False, description="Search")
    async def action_search(self) -> None:
        """Search the plan and open what the user picks."""
        from tui_planner.ui.search import run_search

        await self._close_help()
        await run_search(self)

    async def action_search_step(self, step: int) -> None:
        """Step to the next (1) or previous (-1) match of the active search on this screen."""
        from tui_planner.ui.search import step_match

        await self._close_help()
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
        if not self._leave_then(partial(self.switch_mode, mode)):
            return False
        await self.switch_mode(mode)
        return True

    async def action_quit(self) -> None:
        """Quit, asking first when the current screen holds unsaved work."""
        if self._leave_then(self._exit_now):
            self.exit()

    async def _exit_now(self) -> None:
        self.exit()

    def _leave_then(self, then: Callable[[], Awaitable[object]]) -> bool:
        """True when the screen on show may be left at once; otherwise ask it in a worker
        and run ``then`` if the user agrees."""
        screen = self.screen
        if not isinstance(screen, PlannerScreen) or not screen.is_dirty:
            return True

        async def ask_then_go() -> None:
            if await screen.confirm_leave():
                await then()

        self.run_worker(
            ask_then_go(),
            name="leave screen",
            group=WorkerGroup.DIALOGS,
            exclusive=True,
            exit_on_error=False,
            description="Asks about unsaved changes",
        )
        return False

    # -- first run -------------------------------------------------------------------------

    def _maybe_offer_first_run(self, state: PlannerState) -> None:
        if not self.offer_first_run or self._first_run_offered or not state.loaded:
            return
        if state.plan_status not in (PlanStatus.NEVER_CREATED, PlanStatus.INACTIVE):
            return
        self._first_run_offered = True
        self._offer_first_run(state.plan_status)

    @work(group=WorkerGroup.DIALOGS, exit_on_error=False, description="Offers to generate the plan")
    async def _offer_first_run(self, status: PlanStatus) -> None:
        choice = await self.push_screen_wait(FirstRunScreen(status))
        if choice is FirstRunChoice.GENERATE:
            from tui_planner.sync.plan_start import start_plan
            from tui_planner.ui.plan_commands import carry_plan_command

            await carry_plan_command(self, start_plan(status))
        elif choice is FirstRunChoice.SETTINGS:
            await self.switch_mode("settings")


def _saved_calendar(
    calendar_file: Path | None, session: Session
) -> tuple[CalendarKeeper | None, SavedCalendar | None]:
    """Who saves the calendar for the next start, and what the last start saved (shown
    until the plan loads; ``None`` when the store has loaded already or there is none)."""
    if calendar_file is None:
        return None, None
    from tui_planner.ui.saved_calendar import CalendarKeeper, load_saved_calendar

    clock = session.clock
    keeper = CalendarKeeper(calendar_file, clock, interval=CALENDAR_SAVE_INTERVAL)
    saved = None if session.state.loaded else load_saved_calendar(calendar_file, clock.tz)
    return keeper, saved

"""``Session``: what one run of the planner holds, apart from the terminal.

A session starts with a way to open the backend (an *opener*: validate the config, build
the clients) and what the first frame needs to know about it (:class:`BackendInfo`). The
app paints, then calls :meth:`Session.open`, which runs the opener in a thread (the imports
of ``httpx``, the clients, the sandbox and the engine happen off the event loop) and builds
the sync engine. Until then the session holds the store, so the first frame has a state to
show, and commands given meanwhile wait in :meth:`Session.execute`.

Plain Python: no Textual. The UI holds one session and keeps only the terminal's concerns.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from tui_planner.config import ConfigError, display_path
from tui_planner.journal import Journal
from tui_planner.store import ConnectionPhase, Store, SyncStatus, reducers

if TYPE_CHECKING:
    from pathlib import Path

    from tui_planner.backend import Backend, BackendInfo, Connection
    from tui_planner.clock import Clock
    from tui_planner.config import Config
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command, CommandOutcome

__all__ = ["Engine", "EngineFactory", "Opener", "Session", "build_engine"]

logger = logging.getLogger(__name__)

Opener = Callable[[], "Connection"]
"""Validates the config and opens the backend it names; called once, in a thread. Raises
:class:`ConfigError` for a bad config; any other exception means the backend is unavailable."""


class Engine(Protocol):
    """What a session needs of a sync engine (:class:`SyncEngine` is the real one)."""

    @property
    def store(self) -> Store:
        """The store the engine writes to."""
        ...

    async def run(self) -> None:
        """Keep the store in step until cancelled."""
        ...

    async def run_once(self) -> float | None:
        """One sync cycle now; the seconds until the next is due (``None``: stopped)."""
        ...

    async def execute(self, command: Command) -> CommandOutcome:
        """Carry one command to the API and say how it ended."""
        ...

    def request_sync(self) -> None:
        """Sync now."""
        ...

    def read_more_posts(self) -> bool:
        """Read more of the site's older posts, at once; False when all are read."""
        ...

    def pause(self) -> None:
        """Stop polling (the app is suspended)."""
        ...

    def resume(self) -> None:
        """Poll again."""
        ...


EngineFactory = Callable[["Session", "Connection"], Engine]
"""Builds the engine for the session's open connection, writing to the session's store."""


def build_engine(session: Session, connection: Connection) -> Engine:
    """The real :class:`SyncEngine` over ``connection``, polling as its config says."""
    from tui_planner.sync.engine import SyncEngine
    from tui_planner.sync.policy import PollPolicy

    sync = connection.config.sync
    policy = PollPolicy(
        idle_interval=sync.idle_interval,
        generating_interval=sync.generating_interval,
        generating_max_interval=sync.generating_max_interval,
    )
    backend = connection.backend
    where = connection.config_file
    return SyncEngine(
        session.store,
        backend.plan,
        backend.publisher,
        session.clock,
        policy,
        config_file=display_path(where) if where is not None else None,
        plan_shown=session.plan_shown,
    )


class Session:
    """One run's backend, engine, store and connection state.

    ``info`` names the backend before it is open (the header needs it for the first frame);
    :meth:`open` replaces it with what the validated config says. ``store`` is the one source
    of truth; given an engine factory (tests), the engine it builds must write to it.
    """

    def __init__(
        self,
        opener: Opener,
        *,
        info: BackendInfo,
        clock: Clock,
        store: Store | None = None,
        make_engine: EngineFactory = build_engine,
        journal: Journal | None = None,
    ) -> None:
        self.clock = clock
        """The one clock: every "now" and "today" of this run."""
        self.info = info
        """Which backend this is, for the header; known before it is open."""
        self.store = store if store is not None else Store()
        """The one source of truth the engine writes and the screens read."""
        self.config: Config | None = None
        """The validated configuration (``None`` until :meth:`open` has validated it)."""
        self.config_file: Path | None = None
        """The file :attr:`config` came from, if it came from one."""
        self.backend: Backend | None = None
        """The backend's clients, once open."""
        self.engine: Engine | None = None
        """Keeps :attr:`store` in step with the backend, once open."""
        self.problem: str | None = None
        """Why the backend could not be opened, as a sentence (``None`` while all is well)."""
        self.plan_shown: Callable[[], Awaitable[None]] | None = None
        """Waits until the UI has shown the plan the first load just read (the app sets it:
        the engine then reads the rest of the first load, see :class:`SyncEngine`)."""
        self.journal = journal if journal is not None else Journal(None, clock)
        """Commands in flight and hand-edited activities (:mod:`tui_planner.journal`;
        by default kept in memory only)."""
        self._opener = opener
        self._make_engine = make_engine
        self._opened = asyncio.Event()
        self._opening = False
        self._paused = False

    @property
    def state(self) -> PlannerState:
        """The current snapshot."""
        return self.store.state

    @property
    def is_open(self) -> bool:
        """Whether opening has ended, whichever way (:attr:`engine` says which)."""
        return self._opened.is_set()

    async def open(self) -> Connection | None:
        """Validate the config and open the backend off the event loop, then build the engine.

        Returns the connection, or ``None`` when the backend could not be opened (then
        :attr:`problem` says why and the store's sync status is ``UNAVAILABLE``). Raises
        :class:`ConfigError` for a bad config. Only the first call opens; later ones return
        ``None`` at once.
        """
        if self._opening:
            return None
        self._opening = True
        try:
            connection = await asyncio.to_thread(_open_off_loop, self._opener)
        except ConfigError:
            self._opened.set()
            raise
        except Exception as error:  # Any failure becomes the status line (and the log).
            logger.warning("the backend could not be opened", exc_info=error)
            self._unavailable(error)
            return None
        self.config = connection.config
        self.config_file = connection.config_file
        self.info = connection.backend.info
        self.backend = connection.backend
        engine = self._make_engine(self, connection)
        if self._paused:
            engine.pause()
        self.engine = engine
        self._opened.set()
        return connection

    def _unavailable(self, error: Exception) -> None:
        what = "the sandbox" if self.info.is_sandbox else "the connection to Wix"
        detail = str(error).rstrip(".") or type(error).__name__
        message = f"Could not open {what}: {detail}."
        if self.info.is_sandbox:
            message += " `planner-tui sandbox reset` starts the sandbox afresh."
        self.problem = message
        status = SyncStatus(phase=ConnectionPhase.UNAVAILABLE, message=message)
        self.store.dispatch(reducers.set_sync_status, status)
        self._opened.set()

    async def wait_until_open(self) -> Backend | None:
        """The open backend, once opening has ended; ``None`` if it could not be opened."""
        await self._opened.wait()
        return self.backend

    async def sync(self) -> None:
        """Keep the store in step with the backend until cancelled (nothing to do if closed)."""
        await self._opened.wait()
        if self.engine is not None:
            await self.engine.run()

    async def sync_once(self) -> float | None:
        """One sync cycle now, for a caller that reads rather than follows the plan (the
        command line); returns the seconds until the next is due, ``None`` when syncing has
        stopped or the backend could not be opened (the store's sync status says why)."""
        await self._opened.wait()
        if self.engine is None:
            return None
        return await self.engine.run_once()

    async def execute(self, command: Command) -> CommandOutcome:
        """Run ``command`` through the engine and return how it ended.

        Before the backend is open this waits for it; if it could not be opened, the outcome
        says so. The journal writes the command down before it is sent and crosses it out
        when it has an answer.
        """
        await self._opened.wait()
        if self.engine is None:
            from tui_planner.sync.commands import CommandOutcome

            reason = self.problem or "The backend could not be opened."
            return CommandOutcome(command, ok=False, message=f"{command.describe()}: {reason}")
        return await self.journal.record(command, self.engine.execute)

    def request_sync(self) -> bool:
        """Sync now; False while the backend is not open yet (it syncs as soon as it is)."""
        if self.engine is None:
            return False
        self.engine.request_sync()
        return True

    def read_more_posts(self) -> bool:
        """Read more of the site's older posts now; False when there are no more to read,
        or the backend is not open yet."""
        return self.engine is not None and self.engine.read_more_posts()

    def pause(self) -> None:
        """Stop polling (the terminal is suspended); remembered until the engine exists."""
        self._paused = True
        if self.engine is not None:
            self.engine.pause()

    def resume(self) -> None:
        """Poll again."""
        self._paused = False
        if self.engine is not None:
            self.engine.resume()

    async def aclose(self) -> None:
        """Close the backend's connections, if it was opened."""
        if self.backend is not None:
            await self.backend.aclose()


def _open_off_loop(opener: Opener) -> Connection:
    """Validate the config, open the backend and load the sync engine's modules: the slow
    part of start-up, run in a thread so the first frame is already on screen."""
    connection = opener()
    import_module("tui_planner.sync.engine")  # loaded here, off the event loop
    return connection

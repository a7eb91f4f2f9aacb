"""The plan opened for one command: the app's :class:`~tui_planner.session.Session`, read once.

A scripting command opens the same backend the app would (same config, same journal, so an
interrupted ``schedule`` is reported by the app's next start), reads everything once with
:meth:`Session.sync_once` instead of polling, and closes it at the end. A backend that
cannot be opened or read is :data:`~.console.EXIT_FAILED` with one sentence.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from tui_planner.store.state import ConnectionPhase

from .console import CommandError

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from tui_planner.backend import Connection
    from tui_planner.clock import Clock
    from tui_planner.config import Config
    from tui_planner.session import Session
    from tui_planner.store.state import PlannerState
    from tui_planner.sync.commands import Command, CommandOutcome

    from .context import CommandContext

__all__ = ["PlanSession", "open_plan", "with_plan"]


class PlanSession:
    """A session whose plan has been read once; commands go through its journal."""

    def __init__(self, session: Session, config: Config) -> None:
        self.session = session
        self.config = config
        """The validated config the backend was opened with."""

    @property
    def state(self) -> PlannerState:
        """The plan as last read."""
        return self.session.state

    @property
    def clock(self) -> Clock:
        """The run's clock."""
        return self.session.clock

    @property
    def site(self) -> str:
        """The site the plan belongs to (its id, or the sandbox's)."""
        from tui_planner.export import export_site

        return export_site(self.config)

    async def read(self) -> PlannerState:
        """Read the plan again now; a failed read ends the command (exit 1, one sentence)."""
        await self.session.sync_once()
        state = self.session.state
        sync = state.sync
        if sync.phase in (ConnectionPhase.ONLINE, ConnectionPhase.PAUSED) and state.loaded:
            return state
        raise CommandError(_read_failure(sync.message, self.session.info.is_sandbox))

    async def execute(self, command: Command) -> CommandOutcome:
        """Send ``command`` (written to the journal while it is out) and say how it ended."""
        return await self.session.execute(command)


@asynccontextmanager
async def open_plan(context: CommandContext) -> AsyncIterator[PlanSession]:
    """Open the configured backend and read the plan once; close the backend afterwards.

    A bad config raises :class:`~tui_planner.config.ConfigError` (exit 2); a backend that
    cannot be opened or read raises :class:`~.console.CommandError` (exit 1).
    """
    from tui_planner.backend import Connection, describe_backend, open_backend
    from tui_planner.journal import Journal, journal_file
    from tui_planner.session import Session

    loaded = context.load()
    config = loaded.config
    info = describe_backend(config)  # a bad [api] section stops here
    clock = context.clock()

    def opener() -> Connection:
        return Connection(config, open_backend(config, clock), config_file=loaded.location.path)

    journal = Journal(journal_file(info.key) if info.key is not None else None, clock)
    session = Session(opener, info=info, clock=clock, journal=journal)
    try:
        if await session.open() is None:
            raise CommandError(session.problem or "The backend could not be opened.")
        plan = PlanSession(session, config)
        await plan.read()
        yield plan
    finally:
        await session.aclose()


def _read_failure(message: str | None, is_sandbox: bool) -> str:
    """One sentence for a plan that could not be read."""
    where = "the sandbox" if is_sandbox else "Wix"
    detail = (message or "no answer").removeprefix("Sync failed: ").rstrip(".")
    return f"Could not read the plan from {where}: {detail}."


def with_plan(context: CommandContext, body: Callable[[PlanSession], Awaitable[int]]) -> int:
    """Open the plan, run ``body`` over it, close it; ``body``'s exit code."""

    async def run() -> int:
        async with open_plan(context) as plan:
            return await body(plan)

    return asyncio.run(run())

"""Opening the app's session after the first frame, and keeping it syncing.

The first frame is painted from what is known without the backend; then one worker (group
:attr:`WorkerGroup.SYNC`) opens the session, which validates the config and opens the backend
in a thread, and runs the sync loop. A config that turned out bad ends the app with its one
sentence (exit code 2, printed once the screen is gone); a backend that cannot open is a
notification and a status line. A sync loop that crashes is restarted after a pause that
grows with each crash in a row.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from tui_planner.config import ConfigError
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from tui_planner.ui.app import PlannerApp

__all__ = ["CONFIG_ERROR_EXIT", "SYNC_RESTART_DELAYS", "SessionRunner"]

CONFIG_ERROR_EXIT = 2
"""The app's return code when the config, validated after the first frame, is unusable."""

SYNC_RESTART_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Seconds before restarting a crashed sync worker, by how many times in a row it crashed."""


class SessionRunner:
    """Runs ``app``'s session in the sync worker: opened once, then syncing until the end."""

    def __init__(self, app: PlannerApp) -> None:
        self._app = app
        self._crashes = 0

    def open(self) -> None:
        """Open the session, then sync (call after the first frame). Its engine's first load
        waits for the frame that shows the plan (:meth:`next_frame`) before reading the rest."""
        self._app.session.plan_shown = self.next_frame
        self._run(self._open_then_sync(), "connect", "Opens the backend")

    def synced_cleanly(self) -> None:
        """The sync worker ended without an error: the next crash waits the shortest."""
        self._crashes = 0

    def crashed(self, error: BaseException | None, see_log: str = "") -> None:
        """The sync worker failed: say so (``see_log`` ends the sentence when the debug log
        has the traceback) and start it again after a pause."""
        delay = SYNC_RESTART_DELAYS[min(self._crashes, len(SYNC_RESTART_DELAYS) - 1)]
        self._crashes += 1
        self._app.notify(
            f"Syncing stopped unexpectedly ({error}). Trying again in {delay:g} s.{see_log}",
            title="Sync problem",
            severity="error",
        )
        self._run(self._sync_after(delay), "sync", "Keeps the plan in step with the API")

    async def next_frame(self) -> None:
        """Wait until the snapshots published so far are on screen (the next refresh): the
        session's ``plan_shown``, awaited by the engine between the plan and the rest."""
        shown: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def painted() -> None:
            if not shown.done():
                shown.set_result(None)

        self._app.call_after_refresh(painted)
        await shown

    def _run(self, work: Coroutine[Any, Any, None], name: str, description: str) -> None:
        self._app.run_worker(
            work,
            name=name,
            group=WorkerGroup.SYNC,
            exclusive=True,
            exit_on_error=False,
            description=description,
        )

    async def _open_then_sync(self) -> None:
        app, session = self._app, self._app.session
        try:
            connection = await session.open()
        except ConfigError as error:
            app.config_error = error
            app.exit(return_code=CONFIG_ERROR_EXIT)
            return
        if connection is None:
            if session.problem is not None:
                app.notify(session.problem, title="Not connected", severity="error", timeout=30)
            return
        app.take_config(connection.config)
        await session.sync()

    async def _sync_after(self, delay: float) -> None:
        if delay > 0:
            await self._app.clock.sleep(delay)
        await self._app.session.sync()

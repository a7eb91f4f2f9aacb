"""The app's worker groups, named once, and the one place a failed worker becomes a sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tui_planner.debug_log import see_the_log

if TYPE_CHECKING:
    from textual.app import App
    from textual.worker import Worker

__all__ = ["WorkerGroup", "say_failed"]

logger = logging.getLogger("tui_planner.ui.app")


class WorkerGroup(StrEnum):
    """The groups of the app's own long-lived and background workers."""

    SYNC = "sync"
    """Opens the backend, then keeps the plan in step with it (one worker at a time)."""
    COMMANDS = "commands"
    """One worker per command the user gave, reporting its outcome."""
    TICKER = "ticker"
    """Moves the app's ``now`` on the injected clock."""
    DIALOGS = "dialogs"
    """App-level dialogs that wait for an answer (first run, unsaved work)."""
    CALENDAR_FILE = "calendar-file"
    """Saves the calendar for the next start."""


def say_failed(
    app: App[Any],
    worker: Worker[Any],
    *,
    restart_sync: Callable[[BaseException | None, str], None],
    restart: Callable[[], None],
) -> None:
    """Say what ``worker``'s failure means, by its group: a crashed sync is restarted
    (``restart_sync``), the ticker too (``restart``); a command, or anything else, is a
    notice naming the debug log, which gets the traceback; a calendar save only a log line."""
    error = worker.error
    logger.error("worker %r (%s) failed", worker.name, worker.group, exc_info=error)
    see_log = see_the_log()
    match worker.group:
        case WorkerGroup.SYNC:
            restart_sync(error, see_log)
        case WorkerGroup.COMMANDS:
            app.notify(
                f"{worker.description} did not finish: {error}.{see_log}",
                title="Command failed",
                severity="error",
            )
        case WorkerGroup.TICKER:
            app.log.error("status bar ticker stopped", error)
            restart()
        case WorkerGroup.CALENDAR_FILE:
            # Only the next start is any slower; not worth interrupting the user for.
            app.log.warning("could not save the calendar", error)
        case _:
            app.notify(
                f"{worker.description or worker.name} failed: {error}.{see_log}",
                title="Something went wrong",
                severity="error",
            )

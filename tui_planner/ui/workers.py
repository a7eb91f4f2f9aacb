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
    """Every worker group of the app, its screens and widgets: each ``run_worker`` and
    ``@work`` names one of these (``tests/ui/test_worker_groups.py`` holds to it), and
    :func:`say_failed` matches on them. ``exclusive`` workers cancel the others of their
    group on the same node only, so screens may share a group."""

    SYNC = "sync"
    """Opens the backend, then keeps the plan in step with it (one worker at a time)."""
    COMMANDS = "commands"
    """One worker per command the user gave, reporting its outcome."""
    TICKER = "ticker"
    """Moves the app's ``now`` on the injected clock."""
    DIALOGS = "dialogs"
    """Dialogs waited for in a worker: the app's (first run, unsaved work, search, export)
    and a screen's (reschedule, cancel or delete a post, the posts' filter)."""
    CALENDAR_FILE = "calendar-file"
    """Saves the calendar for the next start."""
    CALENDAR_DIALOGS = "calendar-dialogs"
    """The calendar's dialogs: go to date, new activity, filter."""
    EVENTS = "events"
    """The events screen's dialogs: new, edit, delete, regenerate."""
    SETTINGS = "settings"
    """Saving, exporting and importing the settings."""
    SETTINGS_FORM = "settings-form"
    """Builds the settings form once the options are loaded."""
    FORM_SAVE = "form-save"
    """A form dialog sending its command (activity, event, caption)."""
    SCHEDULING = "scheduling"
    """Scheduling drafts, through the confirmation and the report."""
    POSTS_LIST = "posts-list"
    """Groups a long list of the site's posts in a thread."""
    POST_IMAGE = "post-image"
    """Fetches and decodes a post's picture."""
    CLIPBOARD = "clipboard"
    """Hands a caption to the system's clipboard tool, in a thread."""


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

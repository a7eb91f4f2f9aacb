"""The app's worker groups, named once: the crash handler matches on them."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["WorkerGroup"]


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

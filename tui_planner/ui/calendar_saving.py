"""The app's saved calendar: shown at start until the plan is read, saved again when it
changes (at most once a minute, in a worker), once more at exit and on a change of site.

The file and its rules are :mod:`tui_planner.ui.saved_calendar`'s; this keeps the one the
app's session needs and runs the saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_planner.ui.saved_calendar import keep_calendar, saved_calendar_file
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual.app import App

    from tui_planner.session import Session
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.saved_calendar import SavedCalendar

__all__ = ["CalendarSaving"]


class CalendarSaving:
    """Keeps ``app``'s calendar at ``calendar_file`` for ``session`` (``None``: keeps none)."""

    def __init__(self, app: App[Any], calendar_file: Path | None, session: Session) -> None:
        self._app = app
        self._keeps = calendar_file is not None
        self.saved: SavedCalendar | None
        """The calendar the last start saved, shown until the plan is read."""
        self._keeper, self.saved = keep_calendar(calendar_file, session.clock, session.state)

    def changed(self, state: PlannerState, current: Callable[[], PlannerState]) -> None:
        """A new snapshot: save it in a worker when a save is due (``current()`` gives the
        snapshot at the time of saving)."""
        keeper = self._keeper
        delay = keeper.changed(state) if keeper is not None else None
        if keeper is not None and delay is not None:
            self._app.run_worker(
                keeper.save_later(delay, current),
                name="save calendar",
                group=WorkerGroup.CALENDAR_FILE,
                exit_on_error=False,
                description="Saves the calendar for the next start",
            )

    def save_now(self, state: PlannerState) -> None:
        """Save ``state`` at once if it changed (at exit, or before another site)."""
        if self._keeper is None:
            return
        try:
            self._keeper.save_now(state)
        except OSError as error:  # only the next start is any slower
            self._app.log.warning("could not save the calendar", error)

    def follow(self, session: Session) -> None:
        """Keep the calendar of ``session``'s backend from now on (another site)."""
        key = session.info.key
        calendar_file = saved_calendar_file(key) if self._keeps and key is not None else None
        self._keeper, self.saved = keep_calendar(calendar_file, session.clock, session.state)

"""Handing the store's snapshots to the app, once per burst of changes.

The store calls its subscribers on every change, sometimes several in one turn of the event
loop (a command's optimistic change, then the engine's answer). The bridge keeps only the
newest snapshot and sets the app's ``state`` with it on the next turn, so the screens follow
one change per burst, never a snapshot already replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui_planner.store import Store
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.app import PlannerApp

__all__ = ["StoreBridge"]


class StoreBridge:
    """Follows one store at a time (:meth:`follow`) on behalf of ``app``."""

    def __init__(self, app: PlannerApp) -> None:
        self._app = app
        self._pending: PlannerState | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def follow(self, store: Store) -> None:
        """Stop following the store followed so far, if any, and follow ``store``; the app's
        ``state`` becomes its snapshot at once (anything that changed before)."""
        self.stop()
        self._pending = None
        self._unsubscribe = store.subscribe(self._changed)
        self._app.state = store.state

    def stop(self) -> None:
        """Follow no store (at exit)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _changed(self, state: PlannerState) -> None:
        already_scheduled = self._pending is not None
        self._pending = state
        if not already_scheduled:
            self._app.call_later(self._deliver)

    def _deliver(self) -> None:
        state, self._pending = self._pending, None
        if state is not None:
            self._app.state = state

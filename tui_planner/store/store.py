"""``Store``: holds the current :class:`PlannerState` and tells subscribers when it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .state import PlannerState

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Store"]


class Store:
    """The one source of truth: a snapshot that only reducers replace.

    A change is a reducer (a pure function of the current snapshot); when it returns a new
    snapshot every subscriber is called once with it, and when it returns the same object
    nothing happens. Subscribers run in the order they subscribed.
    """

    def __init__(self, initial: PlannerState | None = None) -> None:
        self._state = initial if initial is not None else PlannerState()
        self._subscribers: list[Callable[[PlannerState], None]] = []

    @property
    def state(self) -> PlannerState:
        """The current snapshot."""
        return self._state

    def apply(self, reducer: Callable[[PlannerState], PlannerState]) -> PlannerState:
        """Replace the snapshot with ``reducer(state)`` and tell subscribers if it changed."""
        new = reducer(self._state)
        if new is self._state:
            return new
        self._state = new
        for callback in tuple(self._subscribers):
            callback(new)
        return new

    def dispatch(
        self, reducer: Callable[..., PlannerState], *args: Any, **kwargs: Any
    ) -> PlannerState:
        """``apply`` a reducer that takes extra arguments: ``dispatch(set_last_error, "...")``."""
        return self.apply(lambda state: reducer(state, *args, **kwargs))

    def subscribe(self, callback: Callable[[PlannerState], None]) -> Callable[[], None]:
        """Call ``callback`` with every new snapshot; the returned function stops that."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

"""The store: subscribers hear about each change once, and only about changes."""

from __future__ import annotations

from tui_planner.store import PlannerState, Store
from tui_planner.store.reducers import set_last_error


def test_subscribers_are_told_once_per_change() -> None:
    store = Store()
    seen: list[PlannerState] = []
    store.subscribe(seen.append)

    new = store.dispatch(set_last_error, "Could not reach the API")

    assert seen == [new]
    assert store.state is new
    assert new.last_error == "Could not reach the API"
    assert new.revision == 1


def test_a_reducer_that_changes_nothing_tells_nobody() -> None:
    store = Store()
    seen: list[PlannerState] = []
    store.subscribe(seen.append)

    store.dispatch(set_last_error, None)
    store.apply(lambda state: state)

    assert seen == []
    assert store.state.revision == 0


def test_unsubscribe_stops_the_calls() -> None:
    store = Store(PlannerState(loaded=True))
    seen: list[PlannerState] = []
    unsubscribe = store.subscribe(seen.append)

    unsubscribe()
    store.dispatch(set_last_error, "x")
    unsubscribe()

    assert seen == []
    assert store.state.loaded

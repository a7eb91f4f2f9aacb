"""The ticker: moves the app's ``now`` on the injected clock, faster while something spins.

Ages ("synced 2 min ago"), countdowns and the spinner are a function of clock time, so a
:class:`~tui_planner.clock.ManualClock` makes every one of them deterministic in tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.api.models import PlanStatus

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from tui_planner.clock import Clock
    from tui_planner.store.state import PlannerState

__all__ = ["GENERATING_TICK", "IDLE_TICK", "tick_forever", "tick_interval"]

GENERATING_TICK = 0.2
"""Seconds between ticks while something animates (the spinner)."""
IDLE_TICK = 1.0
"""Seconds between ticks otherwise (ages and countdowns)."""


def tick_interval(state: PlannerState) -> float:
    """Seconds until the next tick: short while the plan or some posts are generating."""
    animating = state.plan_status == PlanStatus.GENERATING or bool(state.posts_generating)
    return GENERATING_TICK if animating else IDLE_TICK


async def tick_forever(
    clock: Clock, current: Callable[[], PlannerState], tick: Callable[[datetime], None]
) -> None:
    """Call ``tick(clock.now())`` after every interval :func:`tick_interval` gives for the
    snapshot ``current()`` returns then, until cancelled."""
    while True:
        await clock.sleep(tick_interval(current()))
        tick(clock.now())

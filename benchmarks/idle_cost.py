"""Idle cost: requests a minute while the plan is ACTIVE and nothing happens.

The planner runs headless over a 200-activity plan (its size changes what a poll costs,
not how many polls there are) on a :class:`ManualClock`. Once the first load
has settled, a transport wrapped around the in-process sandbox counts every request the
clients send, while :data:`IDLE_MINUTES` simulated minutes pass five seconds at a time (the
poller, the status bar ticker and every other timer on the injected clock run as they
would). Nothing is timed on the wall clock, so the figure is exact and repeatable.
"""

from __future__ import annotations

import httpx

from tests.harness import advance, settle
from tui_planner.api.models import PlanStatus

from .figure import Figure
from .plans import SIZE, fresh_copy, manual_clock, planner_app, sandbox_backend, small_plan_file

__all__ = ["IDLE_MINUTES", "LIMIT", "CountingTransport", "run"]

LIMIT = 2.0
"""Requests a minute allowed while idle."""
IDLE_MINUTES = 10
STEP_SECONDS = 5.0
"""Clock steps: finer than any timer the idle app sets (the poller waits 30 s or more)."""


class CountingTransport(httpx.AsyncBaseTransport):
    """Passes requests through to ``inner`` and counts them by path."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner
        self.counting = False
        """Whether requests are being counted now."""
        self.paths: list[str] = []
        """The path of every request counted, in order."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.counting:
            self.paths.append(f"{request.method} {request.url.path}")
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def run() -> list[Figure]:
    """Count requests over ten idle minutes."""
    clock = manual_clock()
    counter: CountingTransport | None = None

    def wrap(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        nonlocal counter
        counter = CountingTransport(inner)
        return counter

    backend = sandbox_backend(fresh_copy(small_plan_file(), "idle.sqlite3"), clock, wrap)
    app = planner_app(backend, clock)
    assert counter is not None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the plan loaded")
        if app.state.plan_status != PlanStatus.ACTIVE:
            raise RuntimeError(f"the plan is {app.state.plan_status}, not ACTIVE")
        counter.counting = True
        await advance(pilot, IDLE_MINUTES * 60.0, step=STEP_SECONDS)
        counter.counting = False
    per_minute = len(counter.paths) / IDLE_MINUTES
    return [
        Figure(
            "idle requests per minute",
            per_minute,
            "req/min",
            LIMIT,
            detail={"minutes": IDLE_MINUTES, "requests": list(counter.paths)},
        )
    ]

"""The soak's world: the in-process sandbox with faults, the real clients and engine, and time.

Everything runs on one event loop and one :class:`ManualClock`. :meth:`World.run_until`
is the only thing that moves time: it lets every task run until all of them wait, then
jumps the clock to the next sleeper's deadline, so hours of polling, retries, back-offs and
latency spikes pass in seconds and in the same order on every run of a seed.

The referee reads the server through its own client whose requests carry the sandbox's
fault-free header, so checking the truth never meets (or draws) a fault.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.models import MarketingSettings, PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.faults import EXEMPT_HEADER, FaultInjector
from tui_planner.store import Store
from tui_planner.store.selectors import period_bounds, plan_period
from tui_planner.sync import PollPolicy, SyncEngine

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui_planner.api.models import CalendarEvent, PlanMarketingActivity

__all__ = ["START", "Snapshot", "Stalled", "World", "sandbox_options", "settle"]

START = datetime(2026, 7, 8, 9, 0, tzinfo=UTC)
"""A Wednesday morning: the plan period runs to the end of August."""

BASE_URL = "http://sandbox.soak"


def sandbox_options(seed: int, *, faults: bool) -> SandboxOptions:
    """The sandbox for ``seed``; with ``faults``, those of issue 15: a 5xx on a fifth of
    requests, a 429 with Retry-After on a tenth, and a latency spike on one in twenty."""
    if not faults:
        return SandboxOptions(seed=seed)
    return SandboxOptions(
        seed=seed,
        error_rate=0.20,
        rate_limit_rate=0.10,
        retry_after_seconds=2.0,
        latency_spike_rate=0.05,
        latency_spike_seconds=8.0,
    )


class Stalled(Exception):
    """Every task waits, and nothing waits on the clock: nothing can ever move again."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the server holds at one instant, read fault-free through the real client."""

    at: datetime
    status: PlanStatus
    activities: dict[str, PlanMarketingActivity]
    events: tuple[CalendarEvent, ...]
    settings: MarketingSettings


class CountingTransport(httpx.AsyncBaseTransport):
    """Passes requests on and counts them by path, so the soak knows a refresh happened."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner
        self.paths: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths[request.url.path] += 1
        return await self._inner.handle_async_request(request)


class World:
    """One soak run's sandbox, engine, referee and simulated time."""

    def __init__(self, seed: int, *, faults: bool = True) -> None:
        self.clock = ManualClock(START)
        options = sandbox_options(seed, faults=faults)
        self.options = options
        app = create_app(data_file=":memory:", clock=self.clock, options=options)
        self.faults: FaultInjector = app.state.faults
        asgi = httpx.ASGITransport(app=app)
        self.transport = CountingTransport(asgi)
        self._http = httpx.AsyncClient(transport=self.transport, base_url=BASE_URL)
        self._referee_http = httpx.AsyncClient(
            transport=asgi, base_url=BASE_URL, headers={EXEMPT_HEADER: "off"}
        )
        self.store = Store()
        plan, publisher = self._clients(self._http, random.Random(f"{seed}:client"))
        self.engine = SyncEngine(
            self.store, plan, publisher, self.clock, PollPolicy(), rng=random.Random(f"{seed}:sync")
        )
        self.referee, _ = self._clients(self._referee_http, random.Random(0))

    def _clients(
        self, http: httpx.AsyncClient, rng: random.Random
    ) -> tuple[MarketingPlanClient, PublisherClient]:
        return (
            MarketingPlanClient(
                http, base_url=BASE_URL, api_key="soak", site_id="soak", clock=self.clock, rng=rng
            ),
            PublisherClient(
                http, base_url=BASE_URL, api_key="soak", site_id="soak", clock=self.clock, rng=rng
            ),
        )

    async def aclose(self) -> None:
        """Close both HTTP clients."""
        await self._http.aclose()
        await self._referee_http.aclose()

    @property
    def injected(self) -> int:
        """How many faults the sandbox has injected so far."""
        return sum(self.faults.counts.values())

    async def snapshot(
        self, *, plan: bool = True, events: bool = True, settings: bool = True
    ) -> Snapshot:
        """The server's truth now, over the engine's plan period, read fault-free.

        Parts not asked for read as empty (plan NEVER_CREATED, no events, no settings).
        """
        first, last = plan_period(self.clock.today())
        start, after = period_bounds(first, last, self.clock.tz)
        end = after - timedelta(milliseconds=1)
        at = self.clock.now()
        answer = await self.referee.get_social_marketing_plan(start, end) if plan else None
        return Snapshot(
            at,
            answer.status if answer else PlanStatus.NEVER_CREATED,
            {a.id: a for a in answer.marketing_activities} if answer else {},
            await self.referee.query_events(start, end) if events else (),
            await self.referee.get_marketing_settings() if settings else MarketingSettings(),
        )

    def shown(self) -> Snapshot:
        """What the app shows now, in the referee's terms."""
        state = self.store.state
        return Snapshot(
            self.clock.now(),
            state.plan_status,
            dict(state.activities),
            state.events,
            state.settings or MarketingSettings(),
        )

    async def run_until(self, done: Callable[[], bool], *, limit: datetime) -> None:
        """Run every task, moving the clock from deadline to deadline, until ``done()``.

        Stops at ``limit`` at the latest. Raises :class:`Stalled` when every task waits and
        no one waits on the clock.
        """
        while True:
            await settle()
            if done() or self.clock.now() >= limit:
                return
            wake = self.clock.next_wake
            if wake is None:
                raise Stalled(f"nothing can move at {self.clock.now():%H:%M:%S}")
            self.clock.advance(min(wake, (limit - self.clock.now()).total_seconds()))


async def settle() -> None:
    """Let every ready task run until all of them wait (on the clock, an event or a lock).

    The event loop's ready queue is the only exact test of "everything waits" asyncio has;
    the soak keeps no threads, so once it is empty nothing moves until the clock does.
    """
    loop = asyncio.get_running_loop()
    ready = loop._ready  # type: ignore[attr-defined]
    await asyncio.sleep(0)
    while ready:  # noqa: ASYNC110 - no event says "every task waits"; the ready queue does.
        await asyncio.sleep(0)

"""Driving the app headless and deterministically: for tests, screenshots and benchmarks.

Everything here is fixed: the clock starts at :data:`FIXED_NOW` and moves only when told, the
sandbox lives in memory with seed :data:`SEED`, and the terminal is :data:`SIZE`. The app is
built as ``planner-tui`` builds it (a :class:`Session` whose opener is the backend module's
own, over a config whose sandbox is ``:memory:``), so the same helpers serve the UI tests
(``tests/ui/conftest.py``), ``python -m scripts.screenshots`` and the benchmarks, and a
screenshot shows what a test checked.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import httpx

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.api.models import PlanStatus
from tui_planner.backend import (
    IN_MEMORY,
    SANDBOX_API_KEY,
    SANDBOX_BASE_URL,
    SANDBOX_SITE_ID,
    Backend,
    Connection,
    describe_backend,
    open_backend,
)
from tui_planner.clock import ManualClock
from tui_planner.config import Config, SandboxConfig, UiSettings
from tui_planner.journal import Journal
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.session import Engine, Opener, Session
from tui_planner.store import Store
from tui_planner.store.state import PlannerState
from tui_planner.sync.commands import Command, CommandOutcome, GeneratePlan
from tui_planner.ui.app import PlannerApp

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

__all__ = [
    "FIXED_NOW",
    "SEED",
    "SIZE",
    "RecordingEngine",
    "advance",
    "advance_until",
    "build_app",
    "build_static_app",
    "fixed_clock",
    "generate_plan",
    "on_clock",
    "opener",
    "sandbox_backend",
    "sandbox_config",
    "settle",
]

T = TypeVar("T")

FIXED_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
"""Monday 23 November 2026, 09:00 UTC: "now" in every test and screenshot."""
SEED = 7
"""The sandbox generator's seed in every test and screenshot."""
SIZE = (120, 40)
"""The terminal size of every snapshot and screenshot."""

MAX_SETTLE_ROUNDS = 200
"""How many idle pauses :func:`settle` allows before it gives up."""


def fixed_clock() -> ManualClock:
    """A manual clock at :data:`FIXED_NOW`, in UTC."""
    return ManualClock(FIXED_NOW, tz=UTC)


def sandbox_backend(
    clock: ManualClock,
    options: SandboxOptions | None = None,
    *,
    data_file: str | Path = ":memory:",
    api_key: str = SANDBOX_API_KEY,
    served_key: str | None = None,
) -> Backend:
    """A sandbox backend over ``data_file``, reached by the real clients in process.

    The clients send ``api_key``; the sandbox accepts only ``served_key`` when one is given,
    as ``planner-tui sandbox serve --api-key`` does (any key otherwise).
    """
    app = create_app(
        data_file=data_file,
        clock=clock,
        options=options or SandboxOptions(seed=SEED),
        api_key=served_key,
    )
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=SANDBOX_BASE_URL)
    in_memory = str(data_file) == ":memory:"
    return Backend(
        plan=MarketingPlanClient(
            http, base_url=SANDBOX_BASE_URL, api_key=api_key, site_id=SANDBOX_SITE_ID, clock=clock
        ),
        publisher=PublisherClient(
            http, base_url=SANDBOX_BASE_URL, api_key=api_key, site_id=SANDBOX_SITE_ID, clock=clock
        ),
        http=http,
        label="SANDBOX in memory" if in_memory else f"SANDBOX {Path(data_file).name}",
        is_sandbox=True,
        data_file=None if in_memory else Path(data_file),
    )


def sandbox_config(
    config: Config | None = None,
    options: SandboxOptions | None = None,
    *,
    data_file: str | Path = IN_MEMORY,
) -> Config:
    """``config`` (default: the defaults) with its sandbox in ``data_file`` (default: in
    memory), switched as ``options`` says (default: seed :data:`SEED`)."""
    base = config if config is not None else Config()
    chosen = options if options is not None else SandboxOptions(seed=SEED)
    switches = dataclasses.asdict(chosen)
    switches["connected_channels"] = list(chosen.connected_channels)
    sandbox = SandboxConfig.model_validate(
        {**base.sandbox.model_dump(exclude_unset=True), **switches, "data_file": str(data_file)}
    )
    return base.model_copy(update={"sandbox": sandbox})


def opener(config: Config, clock: ManualClock) -> Opener:
    """What ``planner-tui`` gives its session, for a config already validated: open the
    backend ``config`` names (in the session's thread, as at a real start)."""
    return lambda: Connection(config, open_backend(config, clock))


def build_app(
    clock: ManualClock,
    *,
    sandbox: SandboxOptions | None = None,
    config: Config | None = None,
    first_run: bool = False,
    data_file: str | Path = IN_MEMORY,
    journal: Journal | None = None,
) -> PlannerApp:
    """A :class:`PlannerApp` over a fresh sandbox (in memory unless ``data_file``), on
    ``clock``, journalling commands in ``journal`` (default: in memory)."""
    chosen = sandbox_config(config, sandbox, data_file=data_file)
    session = Session(
        opener(chosen, clock), info=describe_backend(chosen), clock=clock, journal=journal
    )
    return PlannerApp(session, ui=UiSettings.from_config(chosen), offer_first_run=first_run)


class RecordingEngine:
    """A stand-in engine that never calls an API: it serves a fixed snapshot and records.

    For snapshot tests of a given :class:`PlannerState`: change the picture with
    ``engine.store.apply(...)``; check ``commands`` for what the UI asked for.
    """

    def __init__(
        self,
        state: PlannerState,
        answer: Callable[[Command], CommandOutcome] | None = None,
    ) -> None:
        self._store = Store(state)
        self._answer = answer
        self.commands: list[Command] = []
        """Every command executed, in order."""
        self.sync_requests = 0
        """How many times the UI asked for a sync now."""
        self.more_posts_requests = 0
        """How many times the UI asked for older posts."""
        self.paused = False
        """Whether the app has paused polling (it is suspended)."""

    @property
    def store(self) -> Store:
        """The store holding the fixed snapshot."""
        return self._store

    async def run(self) -> None:
        """Wait until cancelled: there is nothing to poll."""
        await asyncio.Event().wait()

    async def run_once(self) -> float | None:
        """Nothing to poll: the snapshot is as given."""
        return None

    async def execute(self, command: Command) -> CommandOutcome:
        """Record ``command`` and answer it (by default: it worked)."""
        self.commands.append(command)
        if self._answer is not None:
            return self._answer(command)
        return CommandOutcome(command, ok=True, message=f"{command.describe()}: done.")

    def request_sync(self) -> None:
        """Count the request."""
        self.sync_requests += 1

    def read_more_posts(self) -> bool:
        """Count the request; there are never more posts to read."""
        self.more_posts_requests += 1
        return False

    def pause(self) -> None:
        """Note that polling is paused."""
        self.paused = True

    def resume(self) -> None:
        """Note that polling resumed."""
        self.paused = False


def build_static_app(
    clock: ManualClock, engine: Engine, *, config: Config | None = None, first_run: bool = False
) -> PlannerApp:
    """A :class:`PlannerApp` over ``engine`` (a :class:`RecordingEngine`, say) instead of a
    syncing one: it shows what the engine's store holds and never polls."""
    chosen = sandbox_config(config)
    session = Session(
        opener(chosen, clock),
        info=describe_backend(chosen),
        clock=clock,
        store=engine.store,
        make_engine=lambda _session, _connection: engine,
    )
    return PlannerApp(session, ui=UiSettings.from_config(chosen), offer_first_run=first_run)


async def settle(
    pilot: Pilot[None], until: Callable[[], bool] | None = None, *, what: str = ""
) -> None:
    """Let the app work until ``until()`` holds (default: loaded, nothing pending).

    It pauses for idle a bounded number of times and raises ``AssertionError`` naming
    ``what`` when the condition never comes true, so a stuck test fails instead of hanging.
    """
    app = pilot.app
    assert isinstance(app, PlannerApp)

    def loaded() -> bool:
        return app.session.is_open and app.state.loaded and not app.state.pending

    condition = until or loaded
    for _ in range(MAX_SETTLE_ROUNDS):
        await pilot.pause()
        if condition():
            return
    raise AssertionError(f"the app never got to: {what or 'loaded with nothing pending'}")


async def advance(pilot: Pilot[None], seconds: float, *, step: float = 1.0) -> None:
    """Move the app's manual clock forward in ``step``-second steps, letting the app work."""
    app = pilot.app
    assert isinstance(app, PlannerApp)
    clock = app.clock
    assert isinstance(clock, ManualClock)
    remaining = seconds
    while remaining > 0:
        moved = min(step, remaining)
        clock.advance(moved)
        remaining -= moved
        await pilot.pause()


async def advance_until(
    pilot: Pilot[None],
    condition: Callable[[], bool],
    *,
    what: str,
    step: float = 0.5,
    max_seconds: float = 300.0,
) -> None:
    """Move the clock ``step`` by ``step`` until ``condition()`` holds: for a sandbox with
    ``latency_ms``, whose answers wait on the clock. Fails naming ``what`` after
    ``max_seconds`` of clock time."""
    waited = 0.0
    while not condition():
        if waited >= max_seconds:
            raise AssertionError(f"the app never got to: {what} ({max_seconds:g} s of clock)")
        await advance(pilot, step, step=step)
        waited += step


async def on_clock(pilot: Pilot[None], call: Awaitable[T], *, step: float = 0.5) -> T:
    """Await ``call`` (a request to a sandbox with latency, say) while moving the clock."""
    task = asyncio.ensure_future(call)
    await advance_until(pilot, task.done, what="an answer", step=step)
    return task.result()


async def generate_plan(pilot: Pilot[None], *, max_seconds: float = 120.0) -> None:
    """Generate the plan and let clock time pass until it is ACTIVE."""
    app = pilot.app
    assert isinstance(app, PlannerApp)
    await settle(pilot, what="the first load")
    outcome = await app.execute(GeneratePlan())
    assert outcome.ok, outcome.message
    waited = 0.0
    while app.state.plan_status != PlanStatus.ACTIVE and waited < max_seconds:
        await advance(pilot, 1.0)
        waited += 1.0
    await settle(pilot, lambda: app.state.plan_status == PlanStatus.ACTIVE, what="an ACTIVE plan")

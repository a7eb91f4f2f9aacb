"""The fault-injection soak (issue 15): one seeded run of the real app's sync under faults.

The real clients and :class:`SyncEngine` poll the in-process sandbox while a seeded user
issues every kind of command, for hours of simulated time, with the sandbox failing a fifth
of requests with a 5xx, rate-limiting a tenth and holding some for latency spikes. The
referee checks every outcome against the server, keeps a ledger of what was acknowledged,
checks it every ten simulated minutes, and, once the faults stop and the engine has polled
again, that the app shows exactly what the server has. Anything raised counts as a violation.

:func:`soak` runs one seed and returns a :class:`SoakReport`; the test suite runs one seed,
``python -m benchmarks soak --seeds 200`` runs many.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from .referee import Referee, parts_read
from .user import Intent, Locks, User
from .world import START, Stalled, World

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from tui_planner.sync import CommandOutcome

__all__ = ["SoakReport", "soak"]

CHECK_EVERY = 600.0
"""Simulated seconds between ledger checkpoints."""

SYNC_NOW = 0.08
"""Share of the user's turns spent pressing Ctrl+R (a full reload) instead of a command."""

SETTLE_LIMIT = timedelta(minutes=30)
"""How long, after the faults stop, the app has to catch up with the server."""

_EVENTS_QUERY = "/promote/marketing-plan-service/v1/events/query"


@dataclass
class SoakReport:
    """What one seed's run did and what broke."""

    seed: int
    hours: float
    issued: Counter[str] = field(default_factory=Counter)
    """Commands issued, by command class."""
    succeeded: int = 0
    syncs: int = 0
    """Times the user pressed Ctrl+R (sync now)."""
    faults: Counter[str] = field(default_factory=Counter)
    """Faults injected, by kind (``503``, ``429``, ``latency``, ...)."""
    requests: int = 0
    """Requests the app sent (the referee's fault-free reads not counted)."""
    violations: list[str] = field(default_factory=list)

    @property
    def commands(self) -> int:
        """How many commands the user issued."""
        return sum(self.issued.values())

    @property
    def injected(self) -> int:
        """How many faults the sandbox injected."""
        return sum(self.faults.values())


class _Trouble(logging.Handler):
    """Collects errors logged anywhere in the app or the sandbox (an unexpected exception).

    Warnings are not trouble here: the app logs each failed sync and command as one, and
    under faults those are the point.
    """

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def soak(seed: int, *, hours: float = 2.0, mean_gap: float = 45.0) -> SoakReport:
    """Run one seed for ``hours`` of simulated time, a command every ``mean_gap`` s on average."""
    report = SoakReport(seed, hours)
    world = World(seed)
    referee = Referee()
    trouble = _Trouble()
    logger = logging.getLogger("tui_planner")
    logger.addHandler(trouble)
    loop = asyncio.get_running_loop()
    previous_handler = loop.get_exception_handler()
    loop.set_exception_handler(
        lambda _, context: referee.violation(world.clock.now(), f"unhandled: {context['message']}")
    )
    try:
        await _run(world, referee, report, hours, mean_gap)
    except Stalled as stalled:
        referee.violation(world.clock.now(), f"stalled: {stalled}")
    finally:
        loop.set_exception_handler(previous_handler)
        logger.removeHandler(trouble)
        await world.aclose()
    for record in trouble.records:
        referee.violation(world.clock.now(), f"logged {record.levelname}: {record.getMessage()}")
    report.faults = Counter(world.faults.counts)
    report.requests = sum(world.transport.paths.values())
    report.violations = referee.violations
    return report


async def _run(
    world: World, referee: Referee, report: SoakReport, hours: float, mean_gap: float
) -> None:
    clock = world.clock
    rng = random.Random(f"{report.seed}:user")
    user = User(rng, world.options)
    locks = Locks()
    running: set[asyncio.Task[None]] = set()
    stop_at = START + timedelta(hours=hours)

    def spawn(work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.create_task(work, name=name)
        running.add(task)
        task.add_done_callback(running.discard)
        return task

    async def issue(intent: Intent) -> None:
        command = intent.command
        locks.take(intent.locks)
        outcome: CommandOutcome | None = None
        try:
            parts = parts_read(command)
            before = await world.snapshot(**parts)
            outcome = await world.engine.execute(command)
            shown = world.store.state
            after = await world.snapshot(**parts)
            referee.judge(command, outcome, before, after, shown)
        except Exception as error:  # noqa: BLE001 - escaping anything is what the soak looks for.
            referee.violation(clock.now(), f"{command.describe()} raised {error!r}")
        finally:
            job = user.job_seconds(command) if outcome is not None and outcome.ok else 0
            locks.release(intent.locks, clock.now() + timedelta(seconds=job) if job else None)
        if outcome is not None and outcome.ok:
            report.succeeded += 1

    async def act() -> None:
        while True:
            await clock.sleep(rng.expovariate(1 / mean_gap))
            if clock.now() >= stop_at:
                return
            # What the app shows is looked at every turn (no request needed).
            referee.checkpoint(
                world.shown(), lambda lock: locks.busy(lock, clock.now()), where="the app"
            )
            if rng.random() < SYNC_NOW:
                report.syncs += 1
                world.engine.request_sync()
                continue
            intent = user.pick(world.store.state, clock.now(), locks)
            if intent is not None:
                report.issued[type(intent.command).__name__] += 1
                spawn(issue(intent), f"command {report.commands}")

    async def check() -> None:
        while clock.now() < stop_at:
            await clock.sleep(CHECK_EVERY)
            snap = await world.snapshot()
            referee.checkpoint(snap, lambda lock: locks.busy(lock, clock.now()))
            referee.checkpoint(
                world.shown(), lambda lock: locks.busy(lock, clock.now()), where="the app"
            )

    engine = asyncio.create_task(world.engine.run(), name="sync engine")
    user_task = spawn(act(), "user")
    spawn(check(), "checkpoints")
    try:
        await world.run_until(lambda: user_task.done(), limit=stop_at + timedelta(minutes=1))
        # The last commands finish under faults; then the faults stop and the app catches up.
        await world.run_until(lambda: not running, limit=stop_at + SETTLE_LIMIT)
        if running:
            referee.violation(clock.now(), f"{len(running)} commands never finished")
        world.faults.active = False
        refreshes = world.transport.paths[_EVENTS_QUERY]

        def refreshed() -> bool:
            # Two refreshing polls: the second one started after the faults stopped.
            return world.transport.paths[_EVENTS_QUERY] >= refreshes + 2

        await world.run_until(refreshed, limit=clock.now() + SETTLE_LIMIT)
        if not refreshed():
            referee.violation(clock.now(), "the app did not refresh after the faults stopped")
        snap = await world.snapshot()
        referee.converged(world.store.state, snap)
        referee.checkpoint(snap, lambda lock: False)
        referee.checkpoint(world.shown(), lambda lock: False, where="the app")
        if world.store.state.pending:
            referee.violation(clock.now(), f"still pending: {world.store.state.pending}")
        if engine.done():
            error = engine.exception()
            referee.violation(clock.now(), f"the sync engine stopped: {error!r}")
    finally:
        for task in (engine, *running):
            task.cancel()
        await asyncio.gather(engine, *running, return_exceptions=True)

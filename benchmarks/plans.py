"""The plans the benchmarks load, and the planner app over one of them.

Every headless benchmark runs at :data:`NOW` (Tuesday 1 December 2026, 09:00 UTC), so the
plan period is December and January and the calendar opens on December. The big plan has
1,000 activities with seven post drafts each, spread evenly over those 62 days: exactly 500
fall in December, the month on display.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import httpx

from tui_planner.api import MarketingPlanClient, PublisherClient
from tui_planner.backend import (
    SANDBOX_API_KEY,
    SANDBOX_BASE_URL,
    SANDBOX_SITE_ID,
    Backend,
    Connection,
)
from tui_planner.clock import ManualClock
from tui_planner.config import Config, SandboxConfig, UiSettings
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.session import Engine, Session, build_engine
from tui_planner.sync.engine import SyncEngine
from tui_planner.sync.policy import PollPolicy
from tui_planner.ui.app import PlannerApp

from .seed import SEED, PlanSpec, SeededPlan, seed_plan

__all__ = [
    "BIG_PLAN",
    "NOW",
    "SIZE",
    "SMALL_PLAN",
    "WORK_DIR",
    "TransportWrapper",
    "backend_over",
    "big_plan_file",
    "fresh_copy",
    "manual_clock",
    "planner_app",
    "sandbox_backend",
    "small_plan_file",
]

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SIZE = (120, 40)
"""The terminal size of every run, headless or in tmux."""

BIG_PLAN = PlanSpec(
    activities=1000,
    first_day=date(2026, 12, 1),
    last_day=date(2027, 1, 31),
    posts_per_activity=7,
    now=NOW,
)
"""1,000 activities and 7,000 post drafts; 500 activities in December."""

SMALL_PLAN = PlanSpec(
    activities=200,
    first_day=date(2026, 12, 1),
    last_day=date(2027, 1, 31),
    posts_per_activity=0,
    now=NOW,
)
"""200 activities without posts: for figures where the plan's size is not the point."""

TransportWrapper = Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport]

WORK_DIR = Path(tempfile.mkdtemp(prefix="planner-bench-"))
"""Where this run's sandbox files live (removed at exit)."""
atexit.register(shutil.rmtree, WORK_DIR, ignore_errors=True)


@cache
def big_plan_file() -> SeededPlan:
    """The big plan's sandbox file, seeded once per process (do not write to it)."""
    return seed_plan(WORK_DIR / "big-plan.sqlite3", BIG_PLAN)


@cache
def small_plan_file() -> SeededPlan:
    """The small plan's sandbox file, seeded once per process (do not write to it)."""
    return seed_plan(WORK_DIR / "small-plan.sqlite3", SMALL_PLAN)


def fresh_copy(seeded: SeededPlan, name: str) -> Path:
    """A copy of a seeded file that one run may change (the sandbox writes on every read)."""
    target = WORK_DIR / name
    shutil.copyfile(seeded.path, target)
    return target


def manual_clock() -> ManualClock:
    """A manual clock at :data:`NOW`."""
    return ManualClock(NOW, tz=UTC)


def sandbox_backend(
    data_file: Path, clock: ManualClock, wrap: TransportWrapper | None = None
) -> Backend:
    """The sandbox over ``data_file`` reached in-process, as the app reaches it by default.

    ``wrap`` may put a transport of its own (counting, recording) around the ASGI one.
    """
    app = create_app(data_file=data_file, clock=clock, options=SandboxOptions(seed=SEED))
    transport: httpx.AsyncBaseTransport = httpx.ASGITransport(app=app)
    if wrap is not None:
        transport = wrap(transport)
    http = httpx.AsyncClient(transport=transport, base_url=SANDBOX_BASE_URL)
    return backend_over(http, clock, data_file)


def backend_over(
    http: httpx.AsyncClient, clock: ManualClock, data_file: Path | None = None
) -> Backend:
    """A sandbox-labelled backend whose clients send their requests through ``http``."""
    plan = MarketingPlanClient(
        http,
        base_url=SANDBOX_BASE_URL,
        api_key=SANDBOX_API_KEY,
        site_id=SANDBOX_SITE_ID,
        clock=clock,
    )
    publisher = PublisherClient(
        http,
        base_url=SANDBOX_BASE_URL,
        api_key=SANDBOX_API_KEY,
        site_id=SANDBOX_SITE_ID,
        clock=clock,
    )
    return Backend(
        plan=plan,
        publisher=publisher,
        http=http,
        label="SANDBOX benchmark",
        is_sandbox=True,
        data_file=data_file,
    )


def planner_app(
    backend: Backend, clock: ManualClock, policy: PollPolicy | None = None
) -> PlannerApp:
    """The planner on ``clock`` over ``backend``, with no first-run dialog; ``policy`` sets
    the sync engine's timings and caps (default: what the config gives)."""
    config = Config(sandbox=SandboxConfig(data_file=backend.data_file))
    if policy is None:
        make_engine = build_engine
    else:

        def make_engine(session: Session, connection: Connection) -> Engine:
            plan, publisher = connection.backend.plan, connection.backend.publisher
            return SyncEngine(session.store, plan, publisher, session.clock, policy)

    session = Session(
        lambda: Connection(config, backend),
        info=backend.info,
        clock=clock,
        make_engine=make_engine,
    )
    return PlannerApp(session, ui=UiSettings.from_config(config), offer_first_run=False)

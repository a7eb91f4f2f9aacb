"""The Posts section with 2,000 posts: a cursor move's latency, and the longest block of the
event loop while they are read and shown.

The site: 285 activities from October to January with seven posts each, and the five posts
a new sandbox site has beyond its plan (three imported, two made on the dashboard): 2,000
posts. Those of activities before mid-December were scheduled on their day; by NOW (1
December) the ones due have gone out, one in ten failing with a reason. So the section lists
scheduled, published (with figures), failed and draft posts.

- **Cursor move**: the key-latency method (:mod:`benchmarks.key_latency`): the planner on the
  Posts section with every post read (the engine's cap raised to 2,000, as three "load
  more"s would) presses ``down`` five times then ``up`` five times; the floor is the 42-cell
  grid moving its highlight with the same keys. Five rounds of each app, alternately.
- **Posts apply**: like :mod:`benchmarks.sync_apply`, the server is taken out: every answer
  of a full sync is recorded from the sandbox, then replayed from memory (each answer
  through the loop, as over a socket). The app opens on the Posts section with the newest
  1,000 posts read; once it has settled, the loop-lag monitor starts and the section asks
  for older posts (moving down past the last does): the engine reads all 2,000 and the
  section lists them. The figure is the longest block of the loop until it has.
"""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import statistics
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import httpx
from textual.pilot import Pilot

from tests.harness import settle
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.store import Store
from tui_planner.sync.engine import SyncEngine
from tui_planner.sync.policy import PollPolicy
from tui_planner.ui.screens.posts import PostsScreen

from .figure import Figure
from .grid_floor import GridFloorApp
from .key_latency import LIMIT as KEY_LIMIT
from .key_latency import measure_keys, prepare_floor
from .loop_lag import LoopLagMonitor
from .plans import NOW, SIZE, WORK_DIR, backend_over, fresh_copy, manual_clock, planner_app
from .seed import SEED, PlanSpec, SeededPlan, seed_plan
from .sync_apply import LIMIT as APPLY_LIMIT
from .sync_apply import RecordingTransport

__all__ = ["POSTS", "posts_file", "run"]

POSTS = 2000
"""Posts on the site."""

SITE = PlanSpec(
    activities=285,
    first_day=date(2026, 10, 1),
    last_day=date(2027, 1, 31),
    posts_per_activity=7,
    now=NOW,
)
"""1,995 posts of the plan; the new site's five others make 2,000."""

SCHEDULED_UNTIL = NOW + timedelta(days=14)
"""Posts of activities before this were scheduled on their activity's day."""

POLICY = PollPolicy(site_posts_cap=POSTS)
"""Every post read at once, as after three "load more"s."""

FIRST_READ = PollPolicy(site_posts_cap=POSTS // 2)
"""Half the posts read at first, the other half on "load more"."""

MOVE_KEYS = ("down",) * 5 + ("up",) * 5
WARM_UP_KEYS = ("down", "up", "down", "up")
ROUNDS = 5

_QUERY_PATH = "/items/query"

Key = tuple[str, str, bytes]


@cache
def posts_file() -> SeededPlan:
    """The 2,000-post site's sandbox file, seeded once per process (do not write to it)."""
    seeded = seed_plan(WORK_DIR / "posts-site.sqlite3", SITE)
    with sqlite3.connect(seeded.path) as conn:
        due = [
            (target, activity_id)
            for activity_id, target in conn.execute("SELECT id, target_date FROM activities")
            if datetime.fromisoformat(target) < SCHEDULED_UNTIL
        ]
        conn.executemany(
            "UPDATE items SET status = 'SCHEDULED', scheduled_date = ? WHERE activity_id = ?",
            due,
        )
    conn.close()
    return seeded


def _backend(name: str, wrap: Any = None) -> Any:
    """The planner's backend over a fresh copy of the site, one in ten posts failing."""
    clock = manual_clock()
    data_file = fresh_copy(posts_file(), name)
    options = SandboxOptions(seed=SEED, publish_failure_rate=0.1)
    app = create_app(data_file=data_file, clock=clock, options=options)
    transport: httpx.AsyncBaseTransport = httpx.ASGITransport(app=app)
    if wrap is not None:
        transport = wrap(transport)
    http = httpx.AsyncClient(transport=transport, base_url="http://sandbox.local")
    return backend_over(http, clock, data_file), clock


def _listed(pilot: Pilot[Any]) -> int:
    screen = pilot.app.screen
    return len(screen.post_list.keys) if isinstance(screen, PostsScreen) else -1


async def _open_posts(pilot: Pilot[Any], expected: int | None = None) -> None:
    """Open the Posts section and wait until it lists ``expected`` posts (default: every
    post read so far, once the site's posts have been read)."""
    app: Any = pilot.app
    await settle(pilot, what="the site loaded")
    await pilot.press("f8")

    def listed() -> bool:
        posts = app.state.site_posts
        wanted = len(posts.items) if expected is None else expected
        return posts.read_at is not None and _listed(pilot) == wanted

    await settle(pilot, listed, what="the posts listed")


# -- cursor move -------------------------------------------------------------------------------


async def _prepare_posts(pilot: Pilot[Any]) -> None:
    await _open_posts(pilot, POSTS)


async def _cursor_figure() -> Figure:
    planner: list[float] = []
    floor: list[float] = []
    keys: dict[str, Sequence[str]] = {"cursor move": MOVE_KEYS}
    for n in range(ROUNDS):
        measured = await measure_keys(GridFloorApp(), prepare_floor, keys, WARM_UP_KEYS)
        floor += measured["cursor move"]
        backend, clock = _backend(f"posts-keys-{n}.sqlite3")
        app = planner_app(backend, clock, POLICY)
        measured = await measure_keys(app, _prepare_posts, keys, WARM_UP_KEYS)
        planner += measured["cursor move"]
    mine, base = statistics.median(planner), statistics.median(floor)
    return Figure(
        "key latency: posts cursor move",
        mine / base,
        "x",
        KEY_LIMIT,
        detail={
            "posts": POSTS,
            "planner_median_ms": mine * 1000,
            "grid_floor_median_ms": base * 1000,
            "presses": len(planner),
            "planner_ms": [s * 1000 for s in planner],
            "grid_floor_ms": [s * 1000 for s in floor],
        },
    )


# -- posts apply -------------------------------------------------------------------------------


def _key(request: httpx.Request) -> Key:
    return request.method, str(request.url), request.content


class _Replay(httpx.AsyncBaseTransport):
    """Answers from the recording, counting the pages of posts it serves."""

    def __init__(self, answers: dict[Key, tuple[int, bytes]]) -> None:
        self._answers = answers
        self.pages_served = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # A network answer always comes back through the loop: so does this one (each
        # page of Query Items is its own turn, as it would be over a socket).
        await asyncio.sleep(0)
        recorded = self._answers.get(_key(request))
        if recorded is None:
            raise httpx.ConnectError(f"nothing recorded for {request.method} {request.url}")
        self.pages_served += request.url.path.endswith(_QUERY_PATH)
        status, body = recorded
        headers = {"content-type": "application/json"}
        return httpx.Response(status, headers=headers, content=body, request=request)


async def _record() -> dict[Key, tuple[int, bytes]]:
    recorder: RecordingTransport[Key] | None = None

    def wrap(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        nonlocal recorder
        recorder = RecordingTransport(inner, _key)
        return recorder

    backend, clock = _backend("posts-record.sqlite3", wrap)
    engine = SyncEngine(Store(), backend.plan, backend.publisher, clock, POLICY)
    await engine.run_once()
    listed = len(engine.store.state.site_posts.items)
    await backend.aclose()
    if listed != POSTS:
        raise RuntimeError(f"the recording read {listed} posts, not {POSTS}")
    assert recorder is not None
    return recorder.answers


async def _apply_figure() -> Figure:
    answers = await _record()
    gc.collect()
    replay = _Replay(answers)
    clock = manual_clock()
    http = httpx.AsyncClient(transport=replay, base_url="http://sandbox.local")
    app = planner_app(backend_over(http, clock), clock, FIRST_READ)
    monitor = LoopLagMonitor()
    async with app.run_test(size=SIZE) as pilot:
        await _open_posts(pilot)
        before = _listed(pilot)
        replay.pages_served = 0
        monitor.start()
        if not app.session.read_more_posts():
            raise RuntimeError("the app had every post already")
        await settle(pilot, lambda: _listed(pilot) == POSTS, what="2,000 posts listed")
        await pilot.pause()
        await monitor.stop()
    if replay.pages_served == 0:
        raise RuntimeError("the app never read the recorded posts")
    return Figure(
        "posts apply: longest loop block",
        monitor.longest * 1000,
        "ms",
        APPLY_LIMIT,
        strict=True,
        detail={
            "posts": POSTS,
            "posts_before": before,
            "query_pages": replay.pages_served,
            "loop_samples": monitor.samples,
        },
    )


async def run() -> list[Figure]:
    """Both figures: a cursor move over 2,000 posts, and reading and showing them."""
    return [await _cursor_figure(), await _apply_figure()]

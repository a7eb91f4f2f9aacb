"""Sync apply: the longest block of the UI's event loop during one full sync of the big plan.

The server's side is taken out of the measurement, as it would be against Wix: every answer
of one full sync (plan, events, settings, options, features, tokens) is first recorded from
the in-process sandbox over the 1,000-activity, 7,000-post plan, then replayed from memory.

The planner then runs headless with the replaying transport, first seeing an empty ACTIVE
plan. Once that has settled, a :class:`LoopLagMonitor` starts, the plan answer switches to the
recorded big one and the app is asked to sync (as Ctrl+R does). Everything the client side
does is measured: reading the 1.9 MB answer, validating it, reconciling, applying it to the
store and repainting the calendar. The monitor stops once the calendar shows the plan.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import httpx

from tests.harness import settle
from tui_planner.store import Store
from tui_planner.sync.engine import SyncEngine
from tui_planner.sync.policy import PollPolicy

from .figure import Figure
from .loop_lag import LoopLagMonitor
from .plans import (
    SIZE,
    backend_over,
    big_plan_file,
    fresh_copy,
    manual_clock,
    planner_app,
    sandbox_backend,
)

__all__ = ["LIMIT", "ReplayTransport", "run"]

LIMIT = 50.0
"""Milliseconds: the longest the event loop may be blocked (strictly less)."""

_PLAN_PATH = "/promote/marketing-plan-service/v1/marketing-plan"
_EMPTY_PLAN = json.dumps({"status": "ACTIVE", "marketingActivities": []}).encode()

Key = tuple[str, str]
K = TypeVar("K", bound=Hashable)


def _key(request: httpx.Request) -> Key:
    return request.method, str(request.url)


class RecordingTransport(httpx.AsyncBaseTransport, Generic[K]):
    """Passes requests to ``inner`` and keeps every answer's status and body, by
    ``key(request)`` (method and URL here; the posts benchmark adds the body)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, key: Callable[[httpx.Request], K]) -> None:
        self._inner = inner
        self._key = key
        self.answers: dict[K, tuple[int, bytes]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        body = await response.aread()
        self.answers[self._key(request)] = (response.status_code, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)


class ReplayTransport(httpx.AsyncBaseTransport):
    """Answers from recorded bodies; the plan reads as empty until :attr:`full_plan`."""

    def __init__(self, answers: dict[Key, tuple[int, bytes]]) -> None:
        self._answers = answers
        self.full_plan = False
        """Whether the plan answer is the recorded big plan (else an empty ACTIVE plan)."""
        self.plan_reads = 0
        """How many times the big plan was served."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        recorded = self._answers.get(_key(request))
        if recorded is None:
            raise httpx.ConnectError(f"nothing recorded for {request.method} {request.url}")
        status, body = recorded
        if request.url.path == _PLAN_PATH and request.method == "GET":
            if not self.full_plan:
                body = _EMPTY_PLAN
            else:
                self.plan_reads += 1
        headers = {"content-type": "application/json"}
        return httpx.Response(status, headers=headers, content=body, request=request)


async def _record() -> tuple[dict[Key, tuple[int, bytes]], int]:
    """One full sync's answers from the sandbox over the big plan, and the plan's size."""
    clock = manual_clock()
    recorder: RecordingTransport[Key] | None = None

    def wrap(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        nonlocal recorder
        recorder = RecordingTransport(inner, _key)
        return recorder

    backend = sandbox_backend(fresh_copy(big_plan_file(), "sync.sqlite3"), clock, wrap)
    engine = SyncEngine(Store(), backend.plan, backend.publisher, clock, PollPolicy())
    await engine.run_once()
    await backend.aclose()
    assert recorder is not None
    plan = [body for (method, url), (_, body) in recorder.answers.items() if _PLAN_PATH in url]
    return recorder.answers, len(plan[0]) if plan else 0


async def run() -> list[Figure]:
    """Record, then replay one full sync under the loop-lag monitor."""
    answers, plan_bytes = await _record()
    # Reading the recording froze the objects alive then (the transport's large-answer path
    # does); undo it so the measured sync starts from a heap like a fresh app's.
    gc.unfreeze()
    gc.collect()
    replay = ReplayTransport(answers)
    clock = manual_clock()
    http = httpx.AsyncClient(transport=replay, base_url="http://sandbox.local")
    app = planner_app(backend_over(http, clock), clock)
    expected = big_plan_file().activities
    monitor = LoopLagMonitor()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the empty plan loaded")
        replay.full_plan = True
        monitor.start()
        engine = app.session.engine
        if engine is None:
            raise RuntimeError("the app was given an open backend, so its engine is running")
        engine.request_sync()
        await settle(
            pilot,
            lambda: len(app.state.activities) == expected and not app.state.pending,
            what="the big plan applied",
        )
        await pilot.pause()
        await monitor.stop()
    if replay.plan_reads == 0:
        raise RuntimeError("the app never read the recorded plan")
    return [
        Figure(
            "sync apply: longest loop block",
            monitor.longest * 1000,
            "ms",
            LIMIT,
            strict=True,
            detail={
                "activities": expected,
                "posts": big_plan_file().posts,
                "plan_answer_bytes": plan_bytes,
                "loop_samples": monitor.samples,
            },
        )
    ]

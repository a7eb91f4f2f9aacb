"""A scripted stand-in for Wix behind ``httpx.MockTransport``, plus clock helpers.

``FakeWix`` answers each request with the next scripted reply (200 ``{}`` once the script runs
out) and records what was sent, so a test can assert the exact verb, path, query, headers and
JSON body of every call.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx

from tui_planner.clock import ManualClock

API_KEY = "IST.secret-key-never-shown-0123456789"
SITE_ID = "0f6b5a4c-1d2e-4f3a-8b9c-7d6e5f4a3b2c"
BASE = "https://www.wixapis.com"
PLAN_ROOT = "/promote/marketing-plan-service/v1"
PUBLISHER_ROOT = "/social-publisher/v1"
START = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)

T = TypeVar("T")
Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


@dataclass(frozen=True)
class Sent:
    """One request as the server saw it."""

    method: str
    path: str
    raw_path: str
    query: list[tuple[str, str]]
    headers: httpx.Headers
    body: Any

    @property
    def params(self) -> dict[str, str]:
        """The query as a dict (for parameters that appear once)."""
        return dict(self.query)


class FakeWix:
    """Scripted replies in, recorded requests out."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self._script: deque[Reply] = deque()

    def reply(
        self,
        body: Any = None,
        *,
        status: int = 200,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> FakeWix:
        """Queue one answer: a JSON ``body``, or raw ``content`` (empty when neither)."""
        if content is None:
            content = b"" if body is None else json.dumps(body).encode()
        self._script.append(httpx.Response(status, content=content, headers=headers))
        return self

    def fail(self, error: Exception) -> FakeWix:
        """Queue a transport failure (no answer at all)."""
        self._script.append(error)
        return self

    def answer_with(self, handler: Callable[[httpx.Request], httpx.Response]) -> FakeWix:
        """Queue a reply computed from the request."""
        self._script.append(handler)
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler."""
        self.sent.append(
            Sent(
                method=request.method,
                path=request.url.path,
                raw_path=request.url.raw_path.decode().split("?")[0],
                query=list(request.url.params.multi_items()),
                headers=request.headers,
                body=json.loads(request.content) if request.content else None,
            )
        )
        reply = self._script.popleft() if self._script else httpx.Response(200, json={})
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return reply(request)

    @property
    def last(self) -> Sent:
        """The most recent request."""
        return self.sent[-1]


class RecordingClock(ManualClock):
    """A ManualClock that remembers every wait it was asked for."""

    def __init__(self, start: datetime = START) -> None:
        super().__init__(start)
        self.slept: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        await super().sleep(seconds)


async def until(condition: Callable[[], bool], *, turns: int = 200) -> None:
    """Let other tasks run until ``condition`` holds (event-loop turns, never real time)."""
    for _ in range(turns):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition never became true")


async def settle(turns: int = 50) -> None:
    """Give every ready task a chance to run (event-loop turns, never real time)."""
    for _ in range(turns):
        await asyncio.sleep(0)


async def drive(clock: ManualClock, call: Awaitable[T]) -> T:
    """Run ``call``, moving the clock past every wait it makes, and return its result."""
    task = asyncio.ensure_future(call)
    while not task.done():
        await asyncio.sleep(0)
        if clock.sleepers:
            clock.advance(3600)
    return task.result()

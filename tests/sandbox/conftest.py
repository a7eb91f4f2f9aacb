"""Fixtures for the sandbox tests: a manual clock and in-process sandboxes built on it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sandbox.harness import AUTH, BASE_URL, START, Sandbox
from tests.sandbox.publisher_items import own_sandbox
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.options import Shape


@pytest.fixture
def clock() -> ManualClock:
    """The manual clock every sandbox in a test shares."""
    return ManualClock(START)


@pytest.fixture(params=["rich", "documented"])
def shape(request: pytest.FixtureRequest) -> Shape:
    """Each answer shape of the sandbox in turn, for tests that must hold over both."""
    value: Shape = request.param
    return value


@pytest.fixture
async def make_sandbox(clock: ManualClock) -> AsyncIterator[Callable[..., Any]]:
    """Build sandboxes: ``await make_sandbox(premium=False, data_file=...)``."""
    clients: list[httpx.AsyncClient] = []

    async def build(
        data_file: str | Path = ":memory:", api_key: str | None = None, **switches: Any
    ) -> Sandbox:
        options = SandboxOptions(**switches)
        app = create_app(data_file=data_file, clock=clock, options=options, api_key=api_key)
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=AUTH
        )
        clients.append(http)
        return Sandbox(clock, http, options, str(data_file), app.state.faults)

    yield build
    for http in clients:
        await http.aclose()


@pytest.fixture
async def sandbox(make_sandbox: Callable[..., Any]) -> Sandbox:
    """A sandbox with the default switches."""
    built: Sandbox = await make_sandbox()
    return built


@pytest.fixture
async def own_sandboxes() -> AsyncIterator[Callable[..., Sandbox]]:
    """Build sandboxes that each keep their own clock: ``own_sandboxes(shape="documented")``."""
    built: list[Sandbox] = []

    def build(**switches: Any) -> Sandbox:
        sandbox = own_sandbox(**switches)
        built.append(sandbox)
        return sandbox

    yield build
    for sandbox in built:
        await sandbox.http.aclose()

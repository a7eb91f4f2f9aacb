"""Shared fixtures for every UI test: a fixed clock, an in-memory sandbox, an app factory.

Typical use::

    async def test_something(make_app, settle, generate_plan):
        app = make_app(premium=False)              # SandboxOptions fields as keywords
        async with app.run_test(size=SIZE) as pilot:
            await generate_plan(pilot)             # plan ACTIVE, clock moved on
            await pilot.press("f3")
            await settle(pilot, lambda: ..., what="the drafts screen")

Tests that show plan data take the ``shape`` fixture and build ``make_app(shape=shape)``, so
they run against the rich and the documented sandbox alike. ``clock`` is the app's
:class:`ManualClock` (2026-11-23 09:00 UTC); advance it with the
``advance`` fixture (``await advance(pilot, 5)``) so the engine and the status bar see time
pass. ``make_static_app(state)`` shows a hand-built
:class:`PlannerState` with an engine that never polls (for snapshots of exact states).
Nothing here touches the network or the wall clock. The first-run dialog is off unless
``make_app(first_run=True)``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import pytest

from tests import harness
from tests.harness import SEED, SIZE, RecordingEngine
from tui_planner.clock import ManualClock
from tui_planner.config import Config
from tui_planner.sandbox import SandboxOptions
from tui_planner.store.state import PlannerState
from tui_planner.sync.commands import Command, CommandOutcome
from tui_planner.ui.app import PlannerApp

__all__ = ["SIZE"]


class MakeApp(Protocol):
    """The ``make_app`` fixture's signature."""

    def __call__(
        self,
        *,
        config: Config | None = None,
        first_run: bool = False,
        **sandbox: Any,
    ) -> PlannerApp: ...


@pytest.fixture(params=["rich", "documented"])
def shape(request: pytest.FixtureRequest) -> str:
    """Each sandbox answer shape in turn: ``make_app(shape=shape)`` runs a test over both.

    ``documented`` answers only what the API reference states (no activity type in the plan,
    stories apart from items, no read-only flag on events...); the app must behave the same.
    """
    value: str = request.param
    return value


@pytest.fixture
def clock() -> ManualClock:
    """The manual clock every app from ``make_app`` runs on."""
    return harness.fixed_clock()


@pytest.fixture
def make_app(clock: ManualClock) -> MakeApp:
    """Build a :class:`PlannerApp` over a fresh in-memory sandbox on the ``clock`` fixture.

    Keywords other than ``config`` and ``first_run`` are :class:`SandboxOptions` fields
    (``premium=False``, ``connected_channels=(...)``, ``generation_seconds=3``...).
    """

    def make(
        *, config: Config | None = None, first_run: bool = False, **sandbox: Any
    ) -> PlannerApp:
        options = SandboxOptions(**{"seed": SEED, **sandbox})
        return harness.build_app(clock, sandbox=options, config=config, first_run=first_run)

    return make


class MakeStaticApp(Protocol):
    """The ``make_static_app`` fixture's signature."""

    def __call__(
        self,
        state: PlannerState,
        *,
        config: Config | None = None,
        answer: Callable[[Command], CommandOutcome] | None = None,
    ) -> PlannerApp: ...


@pytest.fixture
def make_static_app(clock: ManualClock) -> MakeStaticApp:
    """Build a :class:`PlannerApp` that shows a given :class:`PlannerState` and never polls.

    Its engine is a :class:`RecordingEngine`: ``app.session.engine.commands`` lists what was
    executed; ``answer(command)`` decides each outcome (default: success).
    """

    def make(
        state: PlannerState,
        *,
        config: Config | None = None,
        answer: Callable[[Command], CommandOutcome] | None = None,
    ) -> PlannerApp:
        return harness.build_static_app(clock, RecordingEngine(state, answer), config=config)

    return make


@pytest.fixture
def settle() -> Callable[..., Awaitable[None]]:
    """``await settle(pilot, until=None, what="")``: pause until loaded (or until ``until()``)."""
    return harness.settle


@pytest.fixture
def advance() -> Callable[..., Awaitable[None]]:
    """``await advance(pilot, seconds, step=1.0)``: move the clock, letting the app work."""
    return harness.advance


@pytest.fixture
def generate_plan() -> Callable[..., Awaitable[None]]:
    """``await generate_plan(pilot)``: generate the plan and advance the clock until ACTIVE."""
    return harness.generate_plan


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the machine's clipboard tool (xclip, pbcopy, ...); the clipboard
    tests put a fake one on the PATH and restore the list themselves."""
    from tui_planner import clipboard

    monkeypatch.setattr(clipboard, "CLIPBOARD_TOOLS", ())

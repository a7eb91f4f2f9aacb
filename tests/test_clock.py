"""The manual clock tells a driver of simulated time when the next sleeper is due."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from tests.api.wix_double import settle
from tui_planner.clock import ManualClock


async def test_next_wake_is_the_earliest_waiting_deadline() -> None:
    clock = ManualClock(datetime(2026, 7, 1, 9, 0, tzinfo=UTC))
    assert clock.next_wake is None

    late = asyncio.ensure_future(clock.sleep(30))
    soon = asyncio.ensure_future(clock.sleep(5))
    await settle()
    assert clock.next_wake == 5

    clock.advance(2)
    assert clock.next_wake == 3
    soon.cancel()
    await settle()
    assert clock.next_wake == 28, "a cancelled sleeper no longer counts"

    clock.advance(28)
    await settle()
    assert late.done()
    assert clock.next_wake is None

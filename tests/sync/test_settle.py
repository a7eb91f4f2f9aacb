"""``settle()`` runs the other tasks until all of them wait, and says so when one never does."""

from __future__ import annotations

import asyncio

import pytest

from tests.sync.sync_fakes import settle


async def test_settle_runs_a_long_chain_of_steps_to_where_it_waits() -> None:
    steps: list[int] = []

    async def chain() -> None:
        for step in range(200):
            steps.append(step)
            await asyncio.sleep(0)
        await asyncio.Event().wait()

    task = asyncio.create_task(chain())
    try:
        await settle()

        assert steps == list(range(200))
    finally:
        task.cancel()


async def test_settle_fails_with_a_reason_when_work_never_stops_being_ready() -> None:
    loop = asyncio.get_running_loop()
    handles: list[asyncio.Handle] = []

    def spin() -> None:
        handles.append(loop.call_soon(spin))

    spin()
    try:
        with pytest.raises(AssertionError, match="some task never waits"):
            await settle(max_turns=50)
    finally:
        handles[-1].cancel()

"""Letting go of a read answer in slices (``let_go_in_slices``), so freeing it never holds
the event loop in one block."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from tui_planner.sync.engine import let_go_in_slices


async def _turns_while(work: asyncio.Future[None] | asyncio.Task[None]) -> int:
    """How many turns another task got while ``work`` ran."""
    turns = 0

    async def other_task() -> None:
        nonlocal turns
        while not work.done():
            turns += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(other_task())
    await work
    await ticker
    return turns


async def test_a_long_list_goes_a_slice_at_a_time_with_turns_between() -> None:
    read = [object() for _ in range(1000)]
    lengths: list[int] = []

    async def watch() -> None:
        while read:
            lengths.append(len(read))
            await asyncio.sleep(0)

    watcher = asyncio.create_task(watch())
    await asyncio.sleep(0)
    turns = await _turns_while(asyncio.ensure_future(let_go_in_slices(read, 100)))
    await watcher

    assert read == []
    assert turns >= 9
    assert lengths[:1] == [1000]
    assert all(a - b <= 100 for a, b in itertools.pairwise(lengths))


async def test_a_short_list_goes_at_once() -> None:
    read = [object() for _ in range(20)]

    turns = await _turns_while(asyncio.ensure_future(let_go_in_slices(read, 20)))

    assert read == []
    assert turns <= 1


async def test_a_slice_must_hold_something() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        await let_go_in_slices([object()], 0)

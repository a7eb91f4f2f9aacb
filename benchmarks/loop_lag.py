"""Measuring how long the event loop is blocked: a task that asks to wake every millisecond.

Whatever holds the loop (a callback parsing JSON, a long render) delays that task's wake-up;
the longest delay seen is the longest block. It is measured on ``perf_counter``, a
monotonic performance counter, never the wall clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

__all__ = ["LoopLagMonitor"]

_TICK = 0.001


class LoopLagMonitor:
    """Records the worst lateness of a 1 ms sleep on the running loop while started."""

    def __init__(self) -> None:
        self.longest = 0.0
        """The longest block seen, in seconds."""
        self.samples = 0
        """How many wake-ups were measured."""
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start watching the running loop."""
        self._task = asyncio.get_running_loop().create_task(self._watch())

    async def stop(self) -> None:
        """Stop watching."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _watch(self) -> None:
        while True:
            asked = time.perf_counter()
            await asyncio.sleep(_TICK)
            late = time.perf_counter() - asked - _TICK
            self.samples += 1
            self.longest = max(self.longest, late)

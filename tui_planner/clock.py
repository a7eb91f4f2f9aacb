"""The one clock.

Every "now" and "today" in planner-tui comes from a :class:`Clock` handed down from the
entry point. The sandbox, the sync engine and the UI never read the wall clock themselves,
so tests and screenshots drive time with a :class:`ManualClock` and see identical results on
every machine. This is the only module allowed to call ``datetime.now()`` or ``time``.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol, runtime_checkable

from tui_planner.zone import local_zone

__all__ = ["Clock", "ManualClock", "SystemClock", "utc"]


def utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC datetime (naive values are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


@runtime_checkable
class Clock(Protocol):
    """Where time comes from."""

    @property
    def tz(self) -> tzinfo:
        """The time zone that "today" and displayed times are in."""
        ...

    def now(self) -> datetime:
        """The current instant, an aware UTC datetime."""
        ...

    def today(self) -> date:
        """Today's date in :attr:`tz`."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards, for measuring intervals."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of this clock's time."""
        ...


class SystemClock:
    """The real clock, showing wall time in ``tz`` (the system's zone when omitted).

    The zone is an IANA zone with its rules (:func:`tui_planner.zone.local_zone`), not
    the fixed offset in force at start, so times across a daylight-saving change are right.
    """

    def __init__(self, tz: tzinfo | None = None) -> None:
        self._tz: tzinfo = tz if tz is not None else local_zone()

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(self._tz).date()

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class ManualClock:
    """A clock that moves only when told to, for tests, screenshots and benchmarks.

    ``sleep`` does not wait on real time: a sleeper wakes when :meth:`advance` (or
    :meth:`set`) moves the clock past its deadline.
    """

    def __init__(self, start: datetime, tz: tzinfo = UTC) -> None:
        self._now = utc(start)
        self._tz = tz
        self._elapsed = 0.0
        self._counter = itertools.count()
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone(self._tz).date()

    def monotonic(self) -> float:
        return self._elapsed

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._elapsed + seconds, next(self._counter), future))
        await future

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move time forward by ``seconds`` (plus any ``timedelta`` keywords) and wake sleepers."""
        step = seconds + timedelta(**delta).total_seconds()
        if step < 0:
            raise ValueError("a ManualClock only moves forward")
        self._elapsed += step
        self._now += timedelta(seconds=step)
        self._wake()
        return self._now

    def set(self, when: datetime) -> datetime:
        """Jump forward to ``when``."""
        return self.advance((utc(when) - self._now).total_seconds())

    @property
    def sleepers(self) -> int:
        """How many tasks are waiting on this clock."""
        return sum(1 for _, _, future in self._sleepers if not future.done())

    @property
    def next_wake(self) -> float | None:
        """Seconds until the earliest waiting sleeper's deadline; ``None`` when none waits.

        A driver of simulated time advances by this much whenever every task is waiting.
        """
        waiting = [deadline for deadline, _, future in self._sleepers if not future.done()]
        return max(0.0, min(waiting) - self._elapsed) if waiting else None

    def _wake(self) -> None:
        while self._sleepers and self._sleepers[0][0] <= self._elapsed:
            _, _, future = heapq.heappop(self._sleepers)
            if not future.done():
                future.set_result(None)

"""How often to poll, and how long to back off after a failure.

Polling is fast while something is generating (about a second, stretching to five), slow when
the plan is idle (30 s by default, one request each: idle costs at most two requests a
minute), and after an error it backs off exponentially with jitter and never sooner than the
server's ``Retry-After``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

__all__ = ["PollPolicy"]


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """The timings of the sync engine, in seconds of the injected clock."""

    idle_interval: float = 30.0
    """Between polls while nothing is generating (``[sync].idle_interval`` in config)."""
    generating_interval: float = 1.0
    """The first wait while the plan or posts are generating."""
    generating_max_interval: float = 5.0
    """The longest wait while generating; the wait grows by ``generating_backoff`` up to it."""
    generating_backoff: float = 1.5
    error_base: float = 1.0
    """The wait after the first failure; it doubles with each further failure."""
    error_max: float = 60.0
    """The longest wait after failures (a longer ``Retry-After`` still wins)."""
    refresh_every: int = 10
    """Refresh events, settings, connections and features on every n-th idle poll."""
    idle_requests_per_minute: float = 2.0
    """The idle request budget: after a refresh (several requests) the next idle wait
    stretches so that idle polling averages no more than this."""
    posts_timeout: float = 600.0
    """Stop waiting for requested posts after this long and say so."""
    site_posts_every: int = 6
    """Read every post of the site (Query Items) on every n-th idle poll; sooner while a
    post outside the plan is going out."""
    site_posts_cap: int = 500
    """Read at most this many of the site's posts (the newest)."""

    def generating_delay(self, streak: int) -> float:
        """The wait before the next poll, ``streak`` polls into a generation."""
        delay = self.generating_interval * self.generating_backoff ** max(0, streak)
        return min(self.generating_max_interval, delay)

    def idle_delay(self, requests: int) -> float:
        """The wait after an idle poll that made ``requests`` requests."""
        return max(self.idle_interval, requests * 60.0 / self.idle_requests_per_minute)

    def error_delay(
        self, failures: int, rng: random.Random, retry_after: float | None = None
    ) -> float:
        """The wait after the ``failures``-th failure in a row.

        Exponential with "equal jitter": a random point in the upper half of the capped
        exponential step, so many clients that failed together do not retry together, and
        never less than ``retry_after`` when the server named one.
        """
        step = min(self.error_max, self.error_base * 2.0 ** max(0, failures - 1))
        delay = step / 2 + rng.uniform(0, step / 2)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay

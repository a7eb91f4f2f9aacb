"""Injected faults for testing the app's resilience: latency, 5xx and 429 (all off by default).

Draws come from a random generator seeded with the sandbox seed, one fixed set of draws per
request, so the same sequence of requests meets the same faults every run. Latency and latency
spikes wait on the sandbox's clock: real time when serving, simulated seconds under a manual
clock, where a request stays in flight until a test moves the clock (how tests hold a save or
a schedule half-way). A fault is decided before the request is handled: a faulted request
changes nothing.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import TYPE_CHECKING

from starlette.responses import Response

from .errors import WixError

if TYPE_CHECKING:
    from starlette.datastructures import Headers

    from tui_planner.clock import Clock

    from .options import SandboxOptions

__all__ = ["EXEMPT_HEADER", "FaultInjector"]

_SERVER_ERRORS = (500, 503, 504)

EXEMPT_HEADER = "x-sandbox-faults"
"""A request carrying this header with the value ``off`` meets no fault: for a tool that
checks the sandbox's state while faults are on (the fault soak's referee)."""


class FaultInjector:
    """Decides, request by request, whether to delay, fail or rate-limit.

    ``counts`` tallies what was injected (``"latency"``, ``"429"``, ``"503"``, ...);
    ``active`` switched off lets every later request through untouched.
    """

    def __init__(self, options: SandboxOptions, clock: Clock) -> None:
        self._options = options
        self._clock = clock
        self._rng = random.Random(f"{options.seed}:faults")
        self.counts: Counter[str] = Counter()
        self.active = True

    async def before(self, headers: Headers) -> Response | None:
        """Delay this request as configured; the fault answer for it, or ``None`` to serve it.

        A 429 carries ``Retry-After`` (whole seconds, rounded up) and a Wix body; a 5xx has
        an empty body, as Wix's system errors do.
        """
        options = self._options
        if options.latency_ms > 0:
            await self._clock.sleep(options.latency_ms / 1000)
        if not self.active or headers.get(EXEMPT_HEADER) == "off":
            return None
        if options.latency_spike_rate > 0 and self._rng.random() < options.latency_spike_rate:
            self.counts["latency"] += 1
            await self._clock.sleep(options.latency_spike_seconds * (0.5 + self._rng.random()))
        if options.rate_limit_rate <= 0 and options.error_rate <= 0:
            return None
        draw = self._rng.random()
        if draw < options.rate_limit_rate:
            self.counts["429"] += 1
            retry_after = max(1, math.ceil(options.retry_after_seconds))
            error = WixError(429, "Too many requests; slow down", "RESOURCE_EXHAUSTED")
            return error.response(headers={"Retry-After": str(retry_after)})
        if draw < options.rate_limit_rate + options.error_rate:
            status = self._rng.choice(_SERVER_ERRORS)
            self.counts[str(status)] += 1
            return Response(status_code=status)
        return None

"""Injected faults for testing the app's resilience: latency, 5xx and 429 (all off by default).

Draws come from a random generator seeded with the sandbox seed, so the same sequence of
requests meets the same faults every run.
"""

from __future__ import annotations

import math
import random
from asyncio import sleep

from starlette.responses import Response

from .errors import WixError
from .options import SandboxOptions

__all__ = ["FaultInjector"]

_SERVER_ERRORS = (500, 503, 504)


class FaultInjector:
    """Decides, request by request, whether to delay, fail or rate-limit."""

    def __init__(self, options: SandboxOptions) -> None:
        self._options = options
        self._rng = random.Random(f"{options.seed}:faults")

    async def delay(self) -> None:
        """Wait the configured latency in real time (serving only; 0 by default)."""
        if self._options.latency_ms > 0:
            await sleep(self._options.latency_ms / 1000)

    def fault(self) -> Response | None:
        """The fault answer for this request, or ``None`` to serve it normally.

        A 429 carries ``Retry-After`` (whole seconds, rounded up) and a Wix body; a 5xx has
        an empty body, as Wix's system errors do.
        """
        options = self._options
        if options.rate_limit_rate <= 0 and options.error_rate <= 0:
            return None
        draw = self._rng.random()
        if draw < options.rate_limit_rate:
            retry_after = max(1, math.ceil(options.retry_after_seconds))
            error = WixError(429, "Too many requests; slow down", "RESOURCE_EXHAUSTED")
            return error.response(headers={"Retry-After": str(retry_after)})
        if draw < options.rate_limit_rate + options.error_rate:
            return Response(status_code=self._rng.choice(_SERVER_ERRORS))
        return None

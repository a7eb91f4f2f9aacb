"""How a client call reaches Wix: auth headers, error mapping and the retry policy.

Retry policy (issue 2 §3). A failed attempt is tried again, up to ``max_retries`` more times,
only when repeating it cannot do harm:

* :attr:`Replay.SAFE` calls (reads, the read-style query POSTs, idempotent PUT/DELETE) are
  retried on 429, 500, 502, 503, 504 and on network errors and timeouts.
* :attr:`Replay.ONCE` calls (generate, schedule, create, publish, upsert...) could take effect
  twice. A 5xx or a lost connection leaves us unable to know whether the server acted, so they
  raise at once. The one exception is a 429 that carries ``Retry-After``: the server says it
  refused the request and when to come back, so nothing was applied and following its word is
  safe. A 429 without ``Retry-After`` (usually a spent quota) raises.

The wait before a retry is the server's ``Retry-After`` (seconds or an HTTP date) when given,
otherwise exponential backoff with full jitter. A ``Retry-After`` longer than
:data:`MAX_RETRY_AFTER` is not waited out inside the call: the error is raised with
``retry_after`` set, so the sync engine can count down and try later. Every wait goes through
``clock.sleep`` so a ManualClock drives it in tests.
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import random
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from .errors import ApiConnectionError, ApiError, ResponseFormatError, error_from_response
from .json_pieces import loads_in_pieces, read_in_pieces, read_in_turns

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui_planner.clock import Clock

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "LARGE_BODY",
    "MAX_RETRY_AFTER",
    "MEDIUM_BODY",
    "RETRYABLE_STATUSES",
    "Replay",
    "ServiceClient",
    "Transport",
    "backoff_delay",
    "parse_retry_after",
    "path_segment",
]

logger = logging.getLogger(__name__)

ModelT = TypeVar("ModelT", bound=BaseModel)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
"""HTTP statuses that mean "try again later"."""

BACKOFF_BASE = 0.5
"""Seconds: the ceiling of the first jittered wait; it doubles with each attempt."""

BACKOFF_CAP = 30.0
"""Seconds: the highest ceiling a jittered wait can reach."""

MAX_RETRY_AFTER = 60.0
"""Seconds: the longest ``Retry-After`` waited out inside a call."""

LARGE_BODY = 256 * 1024
"""Bytes: answers larger than this are decoded and validated in a worker thread."""

MEDIUM_BODY = 16 * 1024
"""Bytes: answers larger than this (up to :data:`LARGE_BODY`) are validated on the loop a
piece at a time, giving it a turn in between (:func:`~.json_pieces.read_in_turns`). A page
of 20 activities' posts or of 100 of the site's posts is 30-95 KB, 4-9 ms of the loop's
time read at once, and a full sync reads fifty of them in a row."""


class Replay(enum.Enum):
    """Whether a call may be sent again after a failure that left its outcome unknown."""

    SAFE = "safe"
    """Reads and idempotent writes: repeating them changes nothing."""

    ONCE = "once"
    """Calls that could take effect twice; only a refused 429 with ``Retry-After`` is retried."""


def backoff_delay(attempt: int, rng: random.Random) -> float:
    """The full-jitter wait before retry number ``attempt + 1``: uniform in [0, ceiling]."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * (2**attempt))
    return rng.uniform(0.0, ceiling)


def path_segment(value: str) -> str:
    """An ID made safe to stand as one path segment (``/`` and ``?`` escaped)."""
    return quote(value, safe="")


def parse_retry_after(value: str | None, clock: Clock) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - clock.now()).total_seconds())


class Transport:
    """Sends one service's requests with Wix auth headers, retries and typed errors.

    ``prefix`` is the service root under ``base_url`` (``/promote/marketing-plan-service/v1``).
    The API key lives only in the outgoing ``Authorization`` header: it is never logged, never
    part of an exception's text and not shown by ``repr``.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        prefix: str,
        api_key: str,
        site_id: str | None,
        clock: Clock,
        max_retries: int = 3,
        rng: random.Random | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries cannot be negative")
        self._http = http
        self._root = base_url.rstrip("/") + prefix
        self._prefix = prefix
        self._api_key = api_key
        self._site_id = site_id
        self._clock = clock
        self._max_retries = max_retries
        self._rng = rng or random.Random()

    @property
    def base_url(self) -> str:
        """The service root every path is appended to."""
        return self._root

    @property
    def site_id(self) -> str | None:
        """The site the calls act on (``None`` when no ``wix-site-id`` header is sent)."""
        return self._site_id

    def __repr__(self) -> str:
        return f"Transport(base_url={self._root!r}, site_id={self._site_id!r})"

    def headers(self) -> dict[str, str]:
        """The headers of every call (§7.1): the key as-is, no ``Bearer``; the site if known."""
        headers = {"Authorization": self._api_key, "Content-Type": "application/json"}
        if self._site_id is not None:
            headers["wix-site-id"] = self._site_id
        return headers

    async def call(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        replay: Replay,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send a request and return its JSON object body (``{}`` for an empty answer).

        Raises an :class:`~tui_planner.api.errors.ApiError` subclass when the call fails after
        the retries its :class:`Replay` allows.
        """
        response = await self._send(
            method, path, operation=operation, replay=replay, params=params, body=body
        )
        full_path = self._prefix + path
        if len(response.content) > LARGE_BODY:
            return await asyncio.to_thread(self._json_body, response, method, full_path, operation)
        return self._json_body(response, method, full_path, operation)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        replay: Replay,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None,
        body: Mapping[str, Any] | None,
    ) -> httpx.Response:
        """Send a request, retrying as ``replay`` allows; the successful response."""
        url = self._root + path
        query = params if params is None or isinstance(params, Mapping) else tuple(params)
        full_path = self._prefix + path
        attempt = 0
        while True:
            # The debug log has each request's method, path, status and time; never its
            # headers (the key) or body.
            started = self._clock.monotonic()
            try:
                response = await self._http.request(
                    method, url, params=query, json=body, headers=self.headers()
                )
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                logger.debug(
                    "%s %s -> no answer (%s) after %.0f ms (attempt %d)",
                    method,
                    full_path,
                    type(exc).__name__,
                    (self._clock.monotonic() - started) * 1000,
                    attempt + 1,
                )
                error: ApiError = self._connection_error(exc, method, full_path, operation)
                error.__cause__ = exc
                delay = backoff_delay(attempt, self._rng) if replay is Replay.SAFE else None
            except httpx.TransportError as exc:
                # Bad URL scheme, proxy set-up and the like: repeating cannot help.
                raise self._connection_error(exc, method, full_path, operation) from exc
            else:
                logger.debug(
                    "%s %s -> %s in %.0f ms (attempt %d)",
                    method,
                    full_path,
                    response.status_code,
                    (self._clock.monotonic() - started) * 1000,
                    attempt + 1,
                )
                if response.is_success:
                    return response
                error = error_from_response(
                    response.status_code,
                    response.content,
                    retry_after=parse_retry_after(response.headers.get("Retry-After"), self._clock),
                    method=method,
                    path=full_path,
                    operation=operation,
                    secret=self._api_key,
                )
                delay = self._retry_delay(error, replay, attempt)
            if delay is None or attempt >= self._max_retries:
                raise error
            logger.debug(
                "retrying %s %s in %.2fs after %s", method, full_path, delay, error.canonical
            )
            await self._clock.sleep(delay)
            attempt += 1

    async def fetch(
        self,
        model: type[ModelT],
        method: str,
        path: str,
        *,
        operation: str,
        replay: Replay,
        params: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> ModelT:
        """Like :meth:`call`, then read the answer as ``model``.

        An answer that does not fit raises :class:`ResponseFormatError` naming the operation
        and the first field at fault, never a pydantic dump. An answer over
        :data:`LARGE_BODY` bytes is decoded and read in a worker thread, so a big plan does
        not stop the UI's event loop; one over :data:`MEDIUM_BODY` is read on the loop in
        turns.
        """
        response = await self._send(
            method, path, operation=operation, replay=replay, params=params, body=body
        )
        size = len(response.content)
        if size > LARGE_BODY:
            return await asyncio.to_thread(
                self._read_response, model, response, method=method, path=path, operation=operation
            )
        if size > MEDIUM_BODY:
            try:
                return await read_in_turns(model, response.content)
            except (ValueError, RecursionError):
                pass  # Read it again the usual way, whose errors say what is wrong and where.
        return self._read_response(model, response, method=method, path=path, operation=operation)

    def _read_response(
        self,
        model: type[ModelT],
        response: httpx.Response,
        *,
        method: str,
        path: str,
        operation: str,
    ) -> ModelT:
        if len(response.content) > LARGE_BODY:
            try:
                return read_in_pieces(model, response.content)
            except (ValueError, RecursionError):
                pass  # Read it again the usual way, whose errors say what is wrong and where.
        data = self._json_body(response, method, self._prefix + path, operation)
        return self.read(model, data, operation=operation, method=method, path=path)

    def read(
        self,
        model: type[ModelT],
        data: Mapping[str, Any],
        *,
        operation: str,
        method: str,
        path: str,
    ) -> ModelT:
        """Read an answer's body as ``model``; a misfit raises :class:`ResponseFormatError`."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0] if exc.error_count() else None
            where = ".".join(str(part) for part in first["loc"]) if first else ""
            at = f" (at {where})" if where else ""
            raise ResponseFormatError(
                f"The answer to {operation} did not match the documented format{at}",
                method=method,
                path=self._prefix + path,
                operation=operation,
            ) from None

    def _retry_delay(self, error: ApiError, replay: Replay, attempt: int) -> float | None:
        """How long to wait before trying again, or ``None`` when this failure is final."""
        if error.status not in RETRYABLE_STATUSES:
            return None
        if replay is Replay.ONCE and not (error.status == 429 and error.retry_after is not None):
            return None
        if error.retry_after is not None:
            return error.retry_after if error.retry_after <= MAX_RETRY_AFTER else None
        return backoff_delay(attempt, self._rng)

    def _connection_error(
        self, exc: httpx.TransportError, method: str, path: str, operation: str
    ) -> ApiConnectionError:
        host = httpx.URL(self._root).host
        if isinstance(exc, httpx.TimeoutException):
            message = f"{operation} timed out waiting for {host}"
        else:
            message = f"Could not reach {host} for {operation} ({type(exc).__name__})"
        return ApiConnectionError(message, method=method, path=path, operation=operation)

    def _json_body(
        self, response: httpx.Response, method: str, path: str, operation: str
    ) -> dict[str, Any]:
        if not response.content.strip():
            return {}
        try:
            if len(response.content) > LARGE_BODY:
                # Piece by piece, so a worker thread doing this lets the event loop run.
                parsed = loads_in_pieces(response.content)
            else:
                parsed = json.loads(response.content)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than Python goes
            parsed = None
        if not isinstance(parsed, dict):
            raise ResponseFormatError(
                f"The answer to {operation} was not a JSON object",
                status=response.status_code,
                method=method,
                path=path,
                operation=operation,
            )
        return parsed


class ServiceClient:
    """What both API clients share: the constructor every caller uses and a safe ``repr``."""

    #: The service root under ``base_url``; each client sets its own.
    prefix: ClassVar[str] = ""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str = "https://www.wixapis.com",
        api_key: str,
        site_id: str | None,
        clock: Clock,
        max_retries: int = 3,
        rng: random.Random | None = None,
    ) -> None:
        self._transport = Transport(
            http,
            base_url=base_url,
            prefix=self.prefix,
            api_key=api_key,
            site_id=site_id,
            clock=clock,
            max_retries=max_retries,
            rng=rng,
        )

    def __repr__(self) -> str:
        # Deliberately without the API key.
        transport = self._transport
        return (
            f"{type(self).__name__}(base_url={transport.base_url!r}, site_id={transport.site_id!r})"
        )

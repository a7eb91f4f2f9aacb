"""What a request body may be: its size, its nesting and the characters in its strings.

Wix sits behind gateways that refuse absurd bodies before any service sees them; the sandbox,
which a user may serve on a port, refuses them the same way, with Wix error bodies:

* a body over :data:`MAX_BODY_BYTES` is 413, whether it says its length or streams it
  (:class:`BodySizeLimit`, ASGI middleware that reads at most one byte past the limit);
* JSON nested deeper than :data:`MAX_DEPTH` is 400 (Python's parser would otherwise run out
  of stack on 100,000 nested lists and the request become a 500);
* a string holding a control character (C0, DEL or C1; tab, newline and carriage return
  excepted) is a 400 validation error naming the field, so a stray BEL or SOH is never stored
  and sent on to a network.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tui_planner.api.text_rules import first_control_character

from .errors import FieldViolation, WixError, invalid_argument, parse_failure

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_DEPTH",
    "BodySizeLimit",
    "read_json_object",
]

MAX_BODY_BYTES = 1024 * 1024
"""The largest request body accepted: far above any body the contract describes."""

MAX_DEPTH = 64
"""The deepest nesting of objects and arrays accepted (the contract's bodies nest about 6)."""


def _too_large() -> WixError:
    limit = MAX_BODY_BYTES // 1024
    return WixError(413, f"The request body is larger than {limit:,} KiB", code="PAYLOAD_TOO_LARGE")


def _too_deep() -> WixError:
    return invalid_argument(
        f"The request body is nested more than {MAX_DEPTH} levels deep",
        code="INVALID_ARGUMENT",
    )


def read_json_object(raw: bytes) -> dict[str, Any]:
    """``raw`` as a JSON object, or the Wix 400 saying why it cannot be one.

    Refuses bad JSON and non-objects ("Failed to parse request message"), nesting deeper than
    :data:`MAX_DEPTH`, and strings (keys included) holding control characters.
    """
    try:
        body = json.loads(raw)
    except RecursionError:
        raise _too_deep() from None
    except ValueError:
        raise parse_failure() from None
    if not isinstance(body, dict):
        raise parse_failure()
    _check_tree(body)
    return body


def _check_tree(body: dict[str, Any]) -> None:
    # Iterative, so checking a deep body cannot itself run out of stack.
    pending: list[tuple[object, str, int]] = [(body, "", 1)]
    while pending:
        value, path, depth = pending.pop()
        if isinstance(value, str):
            _check_text(value, path or "request")
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise _too_deep()
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, int):
                    where = f"{path}[{key}]"
                else:
                    where = f"{path}.{key}" if path else key
                    _check_text(key, where)
                pending.append((item, where, depth + 1))


def _check_text(text: str, field: str) -> None:
    char = first_control_character(text)
    if char is not None:
        named = f"U+{ord(char):04X}"
        raise invalid_argument(
            f"{field} holds a control character ({named})",
            FieldViolation(field, f"must not hold control characters ({named})", "FORMAT"),
        )


class BodySizeLimit:
    """ASGI middleware: a request body over :data:`MAX_BODY_BYTES` is answered 413 unread.

    The body is read here, at most one byte past the limit, and handed on to the app whole,
    so a sender that streams without a ``Content-Length`` is held to the limit too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse an oversized body, or pass the request on with its body replayed."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > MAX_BODY_BYTES:
            await _too_large().response()(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                await _too_large().response()(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None

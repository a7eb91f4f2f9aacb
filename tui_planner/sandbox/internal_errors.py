"""Unexpected exceptions answered the way Wix answers its own failures: 500, empty body.

Handlers raise :class:`~.errors.WixError` for the refusals the contract describes. Anything
else that escapes a handler is a sandbox bug; without this guard it would reach Starlette's
``ServerErrorMiddleware``, which answers with a plain-text page and then re-raises, so a client
reaching the app in process (``httpx.ASGITransport``) would get the Python exception instead
of an HTTP answer.

:class:`InternalErrorMiddleware` is installed as ordinary application middleware, which
Starlette places inside ``ServerErrorMiddleware`` (an ``exception_handlers={Exception: ...}``
entry would be handed to ``ServerErrorMiddleware`` itself, which always re-raises). It logs the
traceback and answers 500 with an empty body, as the contract says Wix answers a system error
(§7.2) and as the fault injector does: no message, type or traceback reaches the client.
"""

from __future__ import annotations

import logging

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["InternalErrorMiddleware"]

logger = logging.getLogger(__name__)


class InternalErrorMiddleware:
    """ASGI middleware: an exception escaping the app becomes a logged, empty 500 answer.

    When the app had already started its answer, the status line is gone and cannot be
    replaced; the exception is logged and raised again so the server drops the connection.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app for one connection, answering its unexpected exceptions."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        except Exception:
            method = scope.get("method", "?")
            path = scope.get("path", "?")
            if started:
                logger.exception("Unexpected error after answering %s %s", method, path)
                raise
            logger.exception("Unexpected error answering %s %s", method, path)
            await Response(status_code=500)(scope, receive, send)

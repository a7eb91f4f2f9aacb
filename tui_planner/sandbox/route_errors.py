"""Unknown paths and wrong verbs answered with Wix error bodies, like every other refusal.

Starlette's router raises ``HTTPException(404)`` for a path no route serves and
``HTTPException(405)`` for a known path asked with a verb it does not take; left to Starlette,
both become plain-text pages (``Not Found``), which no Wix API sends. These handlers answer
``{message, details: {applicationError: {code}}}`` instead (§7.2). A 405 lists in ``Allow``
every verb the path takes, not only those of the first route that matched it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException
from starlette.routing import Match

from .errors import WixError

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

__all__ = ["ROUTE_ERROR_HANDLERS", "method_not_allowed", "not_found"]


async def not_found(request: Request, exc: Exception) -> Response:
    """404 for a path the sandbox does not serve."""
    return WixError(
        404,
        f"{request.method} {request.url.path} is not a method of this API",
        code="NOT_FOUND",
    ).response()


def _allowed(request: Request) -> list[str]:
    """Every verb some route takes for the request's path."""
    verbs: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches({**request.scope, "method": "OPTIONS"})
        methods = getattr(route, "methods", None)
        if match != Match.NONE and methods:
            verbs.update(methods)
    return sorted(verbs)


async def method_not_allowed(request: Request, exc: Exception) -> Response:
    """405 for a known path asked with a verb it does not take."""
    allowed = _allowed(request)
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    if allowed:
        headers["Allow"] = ", ".join(allowed)
    verbs = " or ".join(verb for verb in allowed if verb != "HEAD") or "another verb"
    return WixError(
        405,
        f"{request.url.path} does not take {request.method}; use {verbs}",
        code="METHOD_NOT_ALLOWED",
    ).response(headers=headers)


ROUTE_ERROR_HANDLERS = {404: not_found, 405: method_not_allowed}
"""Starlette ``exception_handlers`` for the router's own refusals."""

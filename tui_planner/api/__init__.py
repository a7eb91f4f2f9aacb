"""The typed client for the Wix Marketing Plan and Publisher APIs.

``MarketingPlanClient`` and ``PublisherClient`` send requests through an ``httpx.AsyncClient``
with Wix auth headers and a retry policy that never repeats a call that could apply twice;
failures raise :class:`ApiError` subclasses whose text is a sentence for the user.

The names below are loaded on first use (PEP 562): importing ``tui_planner.api.models`` or
``tui_planner.api.errors`` runs this file first, and the config and the sandbox need only
those, not the clients and ``httpx`` behind them (about 100 ms at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .errors import (
        AlreadyExistsError,
        ApiConnectionError,
        ApiError,
        FailedPreconditionError,
        FieldViolation,
        InvalidArgumentError,
        NotFoundError,
        PermissionDeniedError,
        ResourceExhaustedError,
        ResponseFormatError,
        ServerBusyError,
        ServerError,
        UnauthenticatedError,
        describe_error,
    )
    from .id_lists import CHUNK_SIZE
    from .plan_client import MarketingPlanClient
    from .publisher_client import PublisherClient
    from .transport import Replay

__all__ = [
    "CHUNK_SIZE",
    "AlreadyExistsError",
    "ApiConnectionError",
    "ApiError",
    "FailedPreconditionError",
    "FieldViolation",
    "InvalidArgumentError",
    "MarketingPlanClient",
    "NotFoundError",
    "PermissionDeniedError",
    "PublisherClient",
    "Replay",
    "ResourceExhaustedError",
    "ResponseFormatError",
    "ServerBusyError",
    "ServerError",
    "UnauthenticatedError",
    "describe_error",
]

_ERROR_NAMES = (
    "AlreadyExistsError",
    "ApiConnectionError",
    "ApiError",
    "FailedPreconditionError",
    "FieldViolation",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "ResponseFormatError",
    "ServerBusyError",
    "ServerError",
    "UnauthenticatedError",
    "describe_error",
)

_HOMES: dict[str, str] = {
    **dict.fromkeys(_ERROR_NAMES, ".errors"),
    "CHUNK_SIZE": ".id_lists",
    "MarketingPlanClient": ".plan_client",
    "PublisherClient": ".publisher_client",
    "Replay": ".transport",
}
"""The submodule each public name lives in."""


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)

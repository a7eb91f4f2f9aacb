"""The typed client for the Wix Marketing Plan and Publisher APIs.

``MarketingPlanClient`` and ``PublisherClient`` send requests through an ``httpx.AsyncClient``
with Wix auth headers and a retry policy that never repeats a call that could apply twice;
failures raise :class:`ApiError` subclasses whose text is a sentence for the user.
"""

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
    "ServerError",
    "UnauthenticatedError",
    "describe_error",
]

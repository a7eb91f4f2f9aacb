"""Typed exceptions built from Wix error answers (marketing-plan-api.md §7.2).

Wix answers a failed call with an HTTP status and, usually, a JSON body::

    {"message": "...", "details": {"applicationError": {"code": "...", "description": "..."}}}
    {"message": "...", "details": {"validationError": {"fieldViolations": [{...}]}}}

System errors come back with an empty body by design, and gateways in front of Wix sometimes
answer with an HTML page. Every one of these becomes an :class:`ApiError` subclass chosen by
HTTP status, whose ``str()`` is a sentence a user can read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

__all__ = [
    "SERVER_BUSY_STATUSES",
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
    "error_from_response",
]

SERVER_BUSY_STATUSES = frozenset({429, 503})
"""Statuses that mean the server is up but will not take the request now."""

# HTTP status -> canonical code, per the Wix errors article (§7.2).
_CANONICAL: dict[int, str] = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    428: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

# What to tell the user when the body says nothing (system errors, HTML gateway pages).
_DEFAULT_MESSAGES: dict[int, str] = {
    400: "The request was not valid",
    401: "The API key was missing or not accepted",
    403: "The API key is not allowed to do this on this site",
    404: "Not found",
    409: "That conflicts with what is already there",
    428: "The request cannot be carried out in the current state",
    429: "Too many requests; the service asked to slow down",
    500: "The service had an internal error; try again later",
    501: "The service does not support this request",
    502: "The service is temporarily unavailable; try again later",
    503: "The service is temporarily unavailable; try again later",
    504: "The service took too long to answer; try again later",
}


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One entry of ``details.validationError.fieldViolations``: which field broke which rule."""

    field: str
    description: str
    violated_rule: str | None = None
    rule_name: str | None = None


class ApiError(Exception):
    """A call to the Marketing Plan or Publisher API failed.

    ``status`` is the HTTP status (``None`` when no answer arrived), ``canonical`` the Wix
    canonical code (``FAILED_PRECONDITION``), ``application_code`` the service's own code
    (``PLAN_ALREADY_GENERATING_ERROR``) when it sent one, ``violations`` the field violations of
    a validation error, and ``retry_after`` the seconds the server asked to wait, if it did.
    ``method`` and ``path`` say which request failed; ``operation`` names the contract method.
    """

    canonical_default: ClassVar[str] = "UNKNOWN"

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        canonical: str | None = None,
        application_code: str | None = None,
        description: str | None = None,
        violations: tuple[FieldViolation, ...] = (),
        retry_after: float | None = None,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.canonical = canonical or self.canonical_default
        self.application_code = application_code
        self.description = description
        self.violations = violations
        self.retry_after = retry_after
        self.method = method
        self.path = path
        self.operation = operation

    @property
    def is_auth_error(self) -> bool:
        """Whether the key was refused (401) or lacks permission (403): retrying will not help."""
        return self.status in (401, 403)

    @property
    def is_server_busy(self) -> bool:
        """Whether the server answered but is too busy now (429 or 503): it is not offline."""
        return self.status in SERVER_BUSY_STATUSES

    def __str__(self) -> str:
        sentence = _sentence(self.message)
        if self.violations:
            listed = "; ".join(
                f"{violation.field}: {violation.description}" for violation in self.violations
            )
            sentence = f"{sentence} ({listed})"
        codes = [self.canonical]
        if self.application_code and self.application_code != self.canonical:
            codes.append(self.application_code)
        return f"{sentence} ({', '.join(codes)})"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, canonical={self.canonical!r}, "
            f"application_code={self.application_code!r}, message={self.message!r})"
        )


class InvalidArgumentError(ApiError):
    """400: a parameter was missing or failed validation."""

    canonical_default = "INVALID_ARGUMENT"


class UnauthenticatedError(ApiError):
    """401: the API key was missing or wrong."""

    canonical_default = "UNAUTHENTICATED"


class PermissionDeniedError(ApiError):
    """403: the key may not do this (or the site ID is missing or foreign)."""

    canonical_default = "PERMISSION_DENIED"


class NotFoundError(ApiError):
    """404: the thing asked for does not exist."""

    canonical_default = "NOT_FOUND"


class AlreadyExistsError(ApiError):
    """409: it exists already, or another state conflict."""

    canonical_default = "ALREADY_EXISTS"


class FailedPreconditionError(ApiError):
    """428: the request is valid but cannot be done now (plan generating, premium missing...)."""

    canonical_default = "FAILED_PRECONDITION"


class ResourceExhaustedError(ApiError):
    """429: rate limit or quota reached."""

    canonical_default = "RESOURCE_EXHAUSTED"


class ServerError(ApiError):
    """5xx: Wix (or a gateway in front of it) failed; often worth trying again later."""

    canonical_default = "INTERNAL"


class ServerBusyError(ServerError):
    """503: the service (or the sandbox's data file) is busy; trying again later may work."""

    canonical_default = "UNAVAILABLE"


class ApiConnectionError(ApiError):
    """No answer arrived: the connection failed or timed out (``status`` is ``None``)."""

    canonical_default = "UNAVAILABLE"


class ResponseFormatError(ApiError):
    """A successful answer whose body is not what the contract describes."""

    canonical_default = "INVALID_RESPONSE"


_CLASSES: dict[int, type[ApiError]] = {
    400: InvalidArgumentError,
    401: UnauthenticatedError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: AlreadyExistsError,
    428: FailedPreconditionError,
    429: ResourceExhaustedError,
    503: ServerBusyError,
}


def error_from_response(
    status: int,
    content: bytes,
    *,
    retry_after: float | None = None,
    method: str | None = None,
    path: str | None = None,
    operation: str | None = None,
    secret: str | None = None,
) -> ApiError:
    """Build the exception for a non-2xx answer from its status and raw body.

    ``secret`` (the API key) is blotted out of any text the server echoes back, so it can never
    reach a log or the screen through an error message.
    """
    body = _json_object(content)
    details = _dict(body, "details")
    application = _dict(details, "applicationError")
    validation = _dict(details, "validationError")

    description = _text(application.get("description"))
    message = _text(body.get("message")) or description or _default_message(status)
    violations = tuple(
        FieldViolation(
            field=_text(raw.get("field")) or "request",
            description=_redact(_text(raw.get("description")) or "is not valid", secret),
            violated_rule=_text(raw.get("violatedRule")),
            rule_name=_text(raw.get("ruleName")),
        )
        for raw in validation.get("fieldViolations") or ()
        if isinstance(raw, dict)
    )
    cls = _CLASSES.get(status) or (ServerError if status >= 500 else ApiError)
    return cls(
        _redact(message, secret),
        status=status,
        canonical=_CANONICAL.get(status),
        application_code=_text(application.get("code")),
        description=_redact(description, secret) if description else None,
        violations=violations,
        retry_after=retry_after,
        method=method,
        path=path,
        operation=operation,
    )


def describe_error(exc: BaseException) -> str:
    """A one-line sentence for the UI or a log about any exception a client call raised."""
    if isinstance(exc, ApiError):
        return str(exc)
    detail = str(exc).strip()
    kind = type(exc).__name__
    return f"Unexpected error ({kind}): {detail}" if detail else f"Unexpected error ({kind})"


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] if text else "The request failed"


def _default_message(status: int) -> str:
    if status in _DEFAULT_MESSAGES:
        return _DEFAULT_MESSAGES[status]
    if status >= 500:
        return f"The service failed with HTTP {status}; try again later"
    return f"The request failed with HTTP {status}"


def _json_object(content: bytes) -> dict[str, Any]:
    # Empty bodies (system errors) and HTML gateway pages carry nothing but the status.
    try:
        parsed = json.loads(content) if content.strip() else None
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python goes
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _dict(container: dict[str, Any], key: str) -> dict[str, Any]:
    value = container.get(key)
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text

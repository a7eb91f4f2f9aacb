"""Wix error answers (marketing-plan-api.md §7.2): status codes and bodies as Wix sends them.

A handler raises :class:`WixError`; the app turns it into the JSON body Wix would send, with
either ``details.applicationError`` (a business rule said no) or ``details.validationError``
(a field broke a rule). The request's transaction is rolled back first, so a refused request
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.responses import JSONResponse

__all__ = [
    "CANONICAL_CODES",
    "FieldViolation",
    "WixError",
    "failed_precondition",
    "invalid_argument",
    "not_found",
    "parse_failure",
    "permission_denied",
    "unauthenticated",
]

CANONICAL_CODES: dict[int, str] = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    428: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
"""HTTP status to Wix canonical code (the status table of §7.2)."""


@dataclass(frozen=True)
class FieldViolation:
    """One entry of ``details.validationError.fieldViolations``."""

    field: str
    description: str
    violated_rule: str = "VALIDATION_ERROR"

    def to_wire(self) -> dict[str, Any]:
        """The violation as Wix writes it."""
        return {
            "field": self.field,
            "description": self.description,
            "violatedRule": self.violated_rule,
            "ruleName": "VALIDATION_ERROR",
            "data": {},
        }


@dataclass
class WixError(Exception):
    """A refusal the sandbox answers with a Wix error body.

    ``code`` is the ``applicationError.code`` (the canonical code when the service documents
    none); ``violations``, when given, make the body a ``validationError`` instead.
    """

    status: int
    message: str
    code: str | None = None
    violations: tuple[FieldViolation, ...] = field(default=())
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        """The JSON body of this error."""
        if self.violations:
            details: dict[str, Any] = {
                "validationError": {
                    "fieldViolations": [violation.to_wire() for violation in self.violations]
                }
            }
        else:
            details = {
                "applicationError": {
                    "code": self.code or CANONICAL_CODES.get(self.status, "UNKNOWN"),
                    "description": self.message,
                    "data": self.data,
                }
            }
        return {"message": self.message, "details": details}

    def response(self, headers: dict[str, str] | None = None) -> JSONResponse:
        """The HTTP answer carrying this error."""
        return JSONResponse(self.body(), status_code=self.status, headers=headers)


def invalid_argument(
    message: str, *violations: FieldViolation, code: str | None = None
) -> WixError:
    """400 INVALID_ARGUMENT, as a validation error when ``violations`` are given."""
    return WixError(400, message, code=code, violations=violations)


def parse_failure() -> WixError:
    """400 for a body Wix cannot even read (bad JSON, a fieldMask array, a date object)."""
    return WixError(400, "Failed to parse request message", code="INVALID_ARGUMENT")


def failed_precondition(message: str, code: str | None = None) -> WixError:
    """428 FAILED_PRECONDITION."""
    return WixError(428, message, code=code)


def not_found(message: str, code: str | None = None) -> WixError:
    """404 NOT_FOUND."""
    return WixError(404, message, code=code)


def unauthenticated(message: str) -> WixError:
    """401 UNAUTHENTICATED."""
    return WixError(401, message)


def permission_denied(message: str) -> WixError:
    """403 PERMISSION_DENIED."""
    return WixError(403, message)

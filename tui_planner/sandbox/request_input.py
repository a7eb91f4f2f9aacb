"""Reading request bodies the way Wix does: date strings, field masks, optional wrappers.

Where the contract is UNVERIFIED the sandbox accepts every plausible form (both wrapper keys,
with or without ``query``); where Wix is documented as strict (date-times must be strings, a
settings fieldMask must be one comma-separated string) it is strict too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tui_planner.clock import utc

from .errors import FieldViolation, invalid_argument, parse_failure

__all__ = [
    "field_mask_paths",
    "id_list",
    "parse_datetime",
    "unwrap",
]


def parse_datetime(value: object, field: str) -> datetime:
    """An ISO-8601 date-time string as an aware UTC datetime.

    Wix refuses date-times sent as ``{seconds, nanos}`` objects or numbers with a 400
    "Expected a string."; a string it cannot read is a validation error on ``field``.
    """
    if not isinstance(value, str):
        raise invalid_argument(
            "Expected a string.",
            FieldViolation(field, "Expected a string.", "FORMAT"),
        )
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        raise invalid_argument(
            f"{field} is not an ISO-8601 date-time",
            FieldViolation(field, f"'{value}' is not an ISO-8601 date-time", "FORMAT"),
        ) from None
    return utc(parsed)


def unwrap(body: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The object under the first of ``keys`` present in ``body``, else ``body`` itself."""
    for key in keys:
        inner = body.get(key)
        if isinstance(inner, dict):
            return inner
    return body


def field_mask_paths(value: object, *, string_only: bool) -> list[str]:
    """The paths of a proto3 JSON FieldMask: one comma-separated string.

    With ``string_only`` an array or ``{paths: [...]}`` is a 400 "Failed to parse request
    message", as UpsertMarketingSettings answers; otherwise both are accepted too.
    """
    if isinstance(value, str):
        return [path.strip() for path in value.split(",") if path.strip()]
    if string_only:
        raise parse_failure()
    if isinstance(value, dict):
        value = value.get("paths")
    if isinstance(value, list) and all(isinstance(path, str) for path in value):
        return [path.strip() for path in value if path.strip()]
    raise parse_failure()


def id_list(body: dict[str, Any], key: str, *, limit: int = 20) -> list[str]:
    """A required list of 1 to ``limit`` ID strings at ``body[key]`` (400 otherwise)."""
    value = body.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_argument(
            f"{key} must be a list of IDs",
            FieldViolation(key, "must be a list of ID strings", "REQUIRED_FIELD"),
        )
    if not 1 <= len(value) <= limit:
        raise invalid_argument(
            f"{key} must hold between 1 and {limit} IDs",
            FieldViolation(key, f"must hold between 1 and {limit} IDs", "ARRAY_SIZE"),
        )
    return list(dict.fromkeys(value))

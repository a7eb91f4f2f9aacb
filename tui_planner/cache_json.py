"""Hand checks for the small JSON files the app keeps in its cache directory.

The saved calendar and the journal are read before the first frame, when pydantic is
not loaded yet (it costs 30 ms to import), and they are the app's own files: a wrong shape
means a damaged or foreign file, which the reader treats as no file. Each check returns the
value with its type narrowed, or raises ``TypeError`` / ``ValueError``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["count", "json_object", "text"]


def json_object(value: object) -> dict[str, Any]:
    """``value`` if it is a JSON object."""
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def text(value: object) -> str:
    """``value`` if it is a string."""
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def count(value: object) -> int:
    """``value`` if it is a whole number, not negative (``true`` is not a number here)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("expected a count")
    return value

"""The one exception the config package raises."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ConfigError"]


class ConfigError(Exception):
    """A configuration problem, told as one sentence the user can act on.

    ``str(error)`` is the sentence; ``path``, ``line`` and ``key`` say where the problem is
    when that is known, for callers that want to point at it.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.key = key

    def __str__(self) -> str:
        return self.message

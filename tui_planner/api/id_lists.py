"""ID lists as the bulk methods take them: no repeats, at most 20 per request."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CHUNK_SIZE", "chunked_ids", "unique_ids"]

CHUNK_SIZE = 20
"""The most IDs one GenerateSocialPosts / GetMarketingActivityPosts / ScheduleDrafts call takes."""


def unique_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """The IDs without repeats, in first-seen order."""
    if isinstance(ids, str):
        # A lone string would otherwise be split into one "ID" per character.
        raise TypeError("Pass a list of IDs, not a single string")
    return tuple(dict.fromkeys(ids))


def chunked_ids(ids: Iterable[str]) -> list[tuple[str, ...]]:
    """The IDs without repeats, in order, cut into requests of at most :data:`CHUNK_SIZE`."""
    unique = unique_ids(ids)
    return [unique[start : start + CHUNK_SIZE] for start in range(0, len(unique), CHUNK_SIZE)]

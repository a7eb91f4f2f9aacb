"""What to ask Query Items for, and what a whole query brought back (A.8).

The filter uses the Wix API Query Language. The filterable fields are UNVERIFIED; the ones
sent are the likeliest: ``status``, ``channel.name``, ``schedulingInfo.scheduledDate`` and
``external``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import format_wix_datetime

if TYPE_CHECKING:
    from datetime import datetime

    from .enums import ChannelName, ItemStatus
    from .posts import PostItem

__all__ = ["ItemQuery", "ItemsQueryResult"]


@dataclass(frozen=True, slots=True)
class ItemQuery:
    """Which items to find, and in what order. Empty fields do not narrow the query.

    ``scheduled_from`` is inclusive and ``scheduled_until`` exclusive. ``sort_field`` is a
    wire path (``schedulingInfo.scheduledDate``); ``None`` leaves the order to the server.
    """

    statuses: tuple[ItemStatus, ...] = ()
    channels: tuple[ChannelName, ...] = ()
    scheduled_from: datetime | None = None
    scheduled_until: datetime | None = None
    external: bool | None = None
    sort_field: str | None = None
    descending: bool = False

    def wire_filter(self) -> dict[str, Any]:
        """The ``query.filter`` object (``{}`` when nothing narrows the query)."""
        query_filter: dict[str, Any] = {}
        if self.statuses:
            query_filter["status"] = _one_or_in([status.value for status in self.statuses])
        if self.channels:
            query_filter["channel.name"] = _one_or_in([channel.value for channel in self.channels])
        dates: dict[str, str] = {}
        if self.scheduled_from is not None:
            dates["$gte"] = format_wix_datetime(self.scheduled_from)
        if self.scheduled_until is not None:
            dates["$lt"] = format_wix_datetime(self.scheduled_until)
        if dates:
            query_filter["schedulingInfo.scheduledDate"] = dates
        if self.external is not None:
            query_filter["external"] = self.external
        return query_filter

    def wire_sort(self) -> list[dict[str, str]]:
        """The ``query.sort`` list (empty when the server's order will do)."""
        if self.sort_field is None:
            return []
        return [{"fieldName": self.sort_field, "order": "DESC" if self.descending else "ASC"}]


def _one_or_in(values: list[str]) -> str | dict[str, list[str]]:
    """One value as itself (the language's short ``$eq``), several as ``$in``."""
    unique = list(dict.fromkeys(values))
    return unique[0] if len(unique) == 1 else {"$in": unique}


@dataclass(frozen=True, slots=True)
class ItemsQueryResult:
    """Every item a query found, up to the cap it was read with.

    ``complete`` is False when the cap stopped the reading before the last page; ``total``
    is the server's count when it gave one; ``pages`` is how many requests the reading took.
    """

    items: tuple[PostItem, ...]
    complete: bool = True
    total: int | None = None
    pages: int = 1

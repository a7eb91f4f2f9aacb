"""What a handler works with: the open transaction, the request's moment, and the switches."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from starlette.datastructures import QueryParams

from tui_planner.api.models import ChannelName

from .options import SandboxOptions
from .site import SiteState, load_site, next_id, save_site

__all__ = ["ApiRequest", "SandboxContext"]


@dataclass(frozen=True)
class ApiRequest:
    """A request's inputs, already read: JSON body (``{}`` when empty), query, path parameters."""

    body: dict[str, Any] = field(default_factory=dict)
    query: QueryParams = field(default_factory=QueryParams)
    path: dict[str, str] = field(default_factory=dict)


@dataclass
class SandboxContext:
    """One request's view of the sandbox.

    ``now`` and ``today`` are read from the clock once, so every rule in a request sees the
    same moment. ``site`` is loaded at the start and written back by :meth:`save`.
    """

    conn: sqlite3.Connection
    options: SandboxOptions
    now: datetime
    today: date
    tz: tzinfo
    base_url: str
    site: SiteState

    @classmethod
    def open(
        cls,
        conn: sqlite3.Connection,
        options: SandboxOptions,
        *,
        now: datetime,
        today: date,
        tz: tzinfo,
        base_url: str,
    ) -> SandboxContext:
        """The context of a request in the transaction ``conn`` (the site row must exist)."""
        site = load_site(conn)
        if site is None:
            raise RuntimeError("the sandbox site row is missing")
        return cls(conn, options, now, today, tz, base_url.rstrip("/"), site)

    def new_id(self) -> str:
        """A fresh, reproducible GUID."""
        return next_id(self.conn, self.options.seed)

    def save(self) -> None:
        """Write the site row back."""
        save_site(self.conn, self.site)

    def is_connected(self, channel: ChannelName | str) -> bool:
        """Whether the site has connected ``channel`` through the Publisher."""
        return str(channel) in {str(connected) for connected in self.options.connected_channels}

    def absolute_url(self, path: str) -> str:
        """``path`` (starting with ``/``) under the URL this request reached the sandbox at."""
        return f"{self.base_url}{path}"

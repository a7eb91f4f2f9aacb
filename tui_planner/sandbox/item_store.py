"""Post and story items: the Publisher drafts an activity's content lives in (§2.3, A.3).

Content objects are stored as wire JSON with sandbox-relative media URLs; :func:`item_wire`
makes them absolute for the request that reads them. A channel's ``accountId`` is filled in
only while that channel is connected, since it comes from the Publisher connection.

Most items belong to a plan activity; posts made on the dashboard or imported from the
network (``external``) belong to none. A deleted item stays, as ``DELETED``, so deleting it
again can say so; nothing lists it any more.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ChannelName, ItemStatus, ItemType, format_wix_datetime

from .accounts import account_id
from .context import SandboxContext
from .media import absolute_media
from .publication import publication_wire

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "ItemRow",
    "activity_items",
    "all_items",
    "delete_item",
    "each_item",
    "find_item",
    "insert_item",
    "item_wire",
    "items_with_status",
    "update_item",
]


@dataclass
class ItemRow:
    """One stored item."""

    id: str
    activity_id: str | None
    channel: ChannelName
    type: ItemType
    status: ItemStatus
    content_key: str
    content: dict[str, Any] = field(default_factory=dict)
    scheduled_date: datetime | None = None
    external: bool = False

    @property
    def is_story(self) -> bool:
        """Whether this is a story rather than a feed post."""
        return self.type == ItemType.STORY

    def media_urls(self) -> list[str]:
        """The URLs in the content's ``mediaWrapper`` (a story has one per frame)."""
        wrapper = self.content.get("mediaWrapper")
        media = wrapper.get("media", []) if isinstance(wrapper, dict) else []
        return [str(entry.get("url")) for entry in media if isinstance(entry, dict)]

    def set_media(self, urls: list[str]) -> None:
        """Replace the content's media with images at ``urls``."""
        self.content.pop("imageUrl", None)
        self.content["mediaWrapper"] = {"media": [{"type": "IMAGE", "url": url} for url in urls]}


def _row(row: sqlite3.Row) -> ItemRow:
    return ItemRow(
        id=row["id"],
        activity_id=row["activity_id"],
        channel=ChannelName(row["channel"]),
        type=ItemType(row["type"]),
        status=ItemStatus(row["status"]),
        content_key=row["content_key"],
        content=json.loads(row["content_json"]),
        scheduled_date=datetime.fromisoformat(row["scheduled_date"])
        if row["scheduled_date"]
        else None,
        external=bool(row["external"]),
    )


def activity_items(conn: sqlite3.Connection, activity_id: str) -> list[ItemRow]:
    """An activity's items (deleted ones left out): posts first in channel order, then stories."""
    rows = conn.execute(
        "SELECT * FROM items WHERE activity_id = ? AND status != 'DELETED' "
        "ORDER BY type = 'STORY', seq",
        (activity_id,),
    ).fetchall()
    return [_row(row) for row in rows]


def items_by_activity(conn: sqlite3.Connection) -> dict[str, list[ItemRow]]:
    """Every activity's items at once (deleted ones left out), each list in
    :func:`activity_items`' order: one query for a whole plan rather than one per activity."""
    rows = conn.execute(
        "SELECT * FROM items WHERE status != 'DELETED' AND activity_id IS NOT NULL "
        "ORDER BY activity_id, type = 'STORY', seq"
    ).fetchall()
    found: dict[str, list[ItemRow]] = {}
    for row in rows:
        item = _row(row)
        if item.activity_id is not None:  # not made on the dashboard, outside any activity
            found.setdefault(item.activity_id, []).append(item)
    return found


def all_items(conn: sqlite3.Connection) -> list[ItemRow]:
    """Every item of the site but the deleted ones, oldest first."""
    return list(each_item(conn))


def each_item(conn: sqlite3.Connection) -> Iterator[ItemRow]:
    """:func:`all_items` one at a time, so a caller that keeps little of each holds little."""
    for row in conn.execute("SELECT * FROM items WHERE status != 'DELETED' ORDER BY seq"):
        yield _row(row)


def items_with_status(conn: sqlite3.Connection, *statuses: ItemStatus) -> list[ItemRow]:
    """Every item in one of ``statuses``."""
    marks = ",".join("?" for _ in statuses)
    rows = conn.execute(
        f"SELECT * FROM items WHERE status IN ({marks}) ORDER BY seq",
        [status.value for status in statuses],
    ).fetchall()
    return [_row(row) for row in rows]


def find_item(conn: sqlite3.Connection, item_id: str) -> ItemRow | None:
    """The item with that ID, if there is one."""
    row = conn.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
    return _row(row) if row else None


def insert_item(conn: sqlite3.Connection, item: ItemRow) -> None:
    """Store a new item."""
    seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM items").fetchone()[0]
    conn.execute(
        """INSERT INTO items (id, activity_id, channel, type, status, content_key, content_json,
           scheduled_date, external, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            item.id,
            item.activity_id,
            item.channel.value,
            item.type.value,
            item.status.value,
            item.content_key,
            json.dumps(item.content),
            item.scheduled_date.isoformat() if item.scheduled_date else None,
            int(item.external),
            seq,
        ),
    )


def update_item(conn: sqlite3.Connection, item: ItemRow) -> None:
    """Write an item's status, content and schedule back."""
    conn.execute(
        "UPDATE items SET status = ?, content_json = ?, scheduled_date = ? WHERE id = ?",
        (
            item.status.value,
            json.dumps(item.content),
            item.scheduled_date.isoformat() if item.scheduled_date else None,
            item.id,
        ),
    )


def delete_item(conn: sqlite3.Connection, item_id: str) -> None:
    """Remove an item for good (clearing drafts); Delete Item marks it ``DELETED`` instead."""
    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))


def item_wire(item: ItemRow, ctx: SandboxContext) -> dict[str, Any]:
    """The item as the Publisher and the plan send it, with how its publishing went."""
    channel: dict[str, Any] = {"name": item.channel.value}
    if ctx.is_connected(item.channel):
        channel["accountId"] = account_id(item.channel, ctx.options.seed)
    wire: dict[str, Any] = {
        "id": item.id,
        "channel": channel,
        "type": item.type.value,
        "status": item.status.value,
        item.content_key: absolute_media(item.content, ctx.base_url),
    }
    if item.scheduled_date is not None:
        wire["schedulingInfo"] = {"scheduledDate": format_wix_datetime(item.scheduled_date)}
    if item.external:
        wire["external"] = True
    wire.update(publication_wire(item, ctx))
    return wire

"""Post images: their keys, the URLs items carry, and the PNGs the sandbox serves.

An item stores its media URL relative to the sandbox (``/sandbox-media/<key>.png``) and the
URL is made absolute with the base URL of whichever request reads it, so the same file works
in-process and on any loopback port. The images table remembers how to draw each key
(channel, title, seed) and caches the PNG once drawn.
"""

from __future__ import annotations

import sqlite3
import zlib
from typing import Any

from tui_planner.api.models import ChannelName, ItemType

# Looked up when an image is first drawn: the generator's images module brings PIL.
from . import generator

__all__ = [
    "MEDIA_PATH",
    "absolute_media",
    "image_png",
    "image_seed",
    "register_image",
]

MEDIA_PATH = "/sandbox-media/"
"""Where the sandbox serves images; stored media URLs start with it."""


def image_seed(seed: int, activity_id: str, image_generation: int) -> int:
    """The seed an activity's image of that generation is drawn with."""
    return zlib.crc32(f"{seed}:{activity_id}:{image_generation}".encode())


def register_image(
    conn: sqlite3.Connection,
    key: str,
    channel: ChannelName,
    *,
    title: str,
    seed: int,
    item_type: ItemType = ItemType.POST,
) -> str:
    """Remember how to draw image ``key`` and return its (relative) media URL."""
    conn.execute(
        "INSERT OR IGNORE INTO images (key, channel, item_type, title, seed)"
        " VALUES (?, ?, ?, ?, ?)",
        (key, channel.value, item_type.value, title, seed),
    )
    return f"{MEDIA_PATH}{key}.png"


def image_png(conn: sqlite3.Connection, key: str) -> bytes | None:
    """The PNG of image ``key`` (drawn on first request, then cached), or ``None`` if unknown."""
    row = conn.execute("SELECT * FROM images WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    if row["png"] is not None:
        return bytes(row["png"])
    png = generator.render_image(
        key,
        ChannelName(row["channel"]),
        title=row["title"],
        seed=row["seed"],
        item_type=ItemType(row["item_type"]),
    )
    conn.execute("UPDATE images SET png = ? WHERE key = ?", (png, key))
    return png


def absolute_media(content: Any, base_url: str) -> Any:
    """``content`` with every sandbox-relative media URL made absolute under ``base_url``."""
    if isinstance(content, dict):
        return {key: absolute_media(value, base_url) for key, value in content.items()}
    if isinstance(content, list):
        return [absolute_media(value, base_url) for value in content]
    if isinstance(content, str) and content.startswith(MEDIA_PATH):
        return f"{base_url}{content}"
    return content

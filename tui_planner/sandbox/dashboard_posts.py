"""The demo site's posts outside its plan: imported from its networks, or made on the dashboard.

A real site's Publisher holds more than the plan's drafts (A.1): posts made by hand on the
dashboard's Social Media Marketing page, and, for a site on a paid plan, posts published
natively on a network and imported once a day (``external: true``). A new sandbox file gets a
few of each on its connected channels, dated around its first day, so a list of every post
has all of them. Their IDs and images come from their own names, not the file's ID counter,
so the plan generated afterwards is the same with or without them.
"""

from __future__ import annotations

import sqlite3
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from tui_planner.api.models import Channel, ChannelName, ItemStatus, ItemType, PostItem

from .item_store import ItemRow, insert_item
from .media import register_image

if TYPE_CHECKING:
    from .generator import SiteProfile
    from .options import SandboxOptions

__all__ = ["seed_dashboard_posts"]

_NAMESPACE = uuid.UUID("5b7e2f1c-8a3d-4c6e-9f0b-2d4a6c8e1f37")


@dataclass(frozen=True)
class _Seed:
    """One post to put into a new file."""

    key: str
    days: int
    """Days from the file's first day (negative: in the past)."""
    hour: int
    status: ItemStatus
    external: bool
    caption: str


def _seeds(profile: SiteProfile) -> tuple[_Seed, ...]:
    mug, bowls = profile.products[0].name, profile.products[1].name
    course = next((p.name for p in profile.products if not p.physical), profile.products[0].name)
    return (
        _Seed(
            "kiln-morning",
            -3,
            8,
            ItemStatus.PUBLISHED,
            True,
            f"Kiln day at {profile.place_noun}. Forty {mug}s came out this morning and not one "
            "crack. We'll take it. #handmadepottery #kilnday",
        ),
        _Seed(
            "market-thanks",
            -6,
            18,
            ItemStatus.PUBLISHED,
            True,
            f"Thank you, {profile.city}! The {bowls} sold out by noon at the market. A new batch "
            "is drying on the shelves now.",
        ),
        _Seed(
            "hiring",
            -12,
            10,
            ItemStatus.PUBLISHED,
            True,
            f"{profile.name} is looking for a part-time studio assistant: glazing, packing and "
            "keeping the wheels spinning. Message us if that sounds like your kind of week.",
        ),
        _Seed(
            "open-studio",
            2,
            17,
            ItemStatus.SCHEDULED,
            False,
            f"Open studio this Saturday: come throw a pot, meet the team and ask about the "
            f"{course}. Coffee is on us, served in a {mug}.",
        ),
        _Seed(
            "behind-the-glaze",
            5,
            12,
            ItemStatus.DRAFT,
            False,
            "Ever wondered what a glaze looks like before the kiln? Grey, chalky and nothing "
            "like the finished colour. A little before-and-after, coming soon.",
        ),
    )


def seed_dashboard_posts(
    conn: sqlite3.Connection, profile: SiteProfile, options: SandboxOptions, now: datetime
) -> None:
    """Put the demo's imported and hand-made posts into a new file.

    Only connected channels get posts; imported ones only on a premium site (Wix imports
    native posts only for paid plans).
    """
    channels = [ChannelName(channel) for channel in options.connected_channels]
    if not channels:
        return
    today = now.astimezone(UTC).date()
    for index, seed in enumerate(_seeds(profile)):
        if seed.external and not options.premium:
            continue
        channel = channels[index % len(channels)]
        item_id = str(uuid.uuid5(_NAMESPACE, f"{options.seed}:{seed.key}"))
        # Which content object and text field the network uses, as the client reads them.
        where = PostItem(id=item_id, channel=Channel(name=channel), type=ItemType.POST).text_path
        if where is None:
            continue
        content_key, text_field = where
        when = datetime.combine(today + timedelta(days=seed.days), time(seed.hour), tzinfo=UTC)
        image = _image(conn, channel, seed, profile, options.seed)
        insert_item(
            conn,
            ItemRow(
                id=item_id,
                activity_id=None,
                channel=channel,
                type=ItemType.POST,
                status=seed.status,
                content_key=content_key,
                content={
                    text_field: seed.caption,
                    "mediaWrapper": {"media": [{"type": "IMAGE", "url": image}]},
                },
                scheduled_date=None if seed.status == ItemStatus.DRAFT else when,
                external=seed.external,
            ),
        )


def _image(
    conn: sqlite3.Connection, channel: ChannelName, seed: _Seed, profile: SiteProfile, number: int
) -> str:
    return register_image(
        conn,
        f"dashboard-{seed.key}-{channel.value.lower()}",
        channel,
        title=profile.name,
        seed=zlib.crc32(f"{number}:dashboard:{seed.key}".encode()),
    )

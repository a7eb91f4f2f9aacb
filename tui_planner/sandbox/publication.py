"""What happens to an item once it goes out: the live link, the failure, the insights.

Everything here is a function of the item, the seed and the clock, so nothing is stored:
whether an item fails (``publish_failure_rate``, drawn per seed and item ID), the reason it
failed, the URL of the live post on its network, and insights that grow with the time since
it went live, quickly at first and then levelling off, the same on every read.
"""

from __future__ import annotations

import math
import random
import re
import string
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ChannelName, ItemStatus, ItemType

from .accounts import account_extra_id

if TYPE_CHECKING:
    from .context import SandboxContext
    from .item_store import ItemRow
    from .options import SandboxOptions

__all__ = [
    "FAILURE_REASONS",
    "PUBLISHING_SECONDS",
    "external_item_url",
    "insights",
    "publication_error",
    "publication_wire",
    "publish_fails",
    "published_at",
]

PUBLISHING_SECONDS = 5.0
"""How long an item stays PROCESSING before it is PUBLISHED or FAILED."""

NETWORK_NAMES: dict[str, str] = {
    ChannelName.INSTAGRAM: "Instagram",
    ChannelName.FACEBOOK: "Facebook",
    ChannelName.LINKEDIN: "LinkedIn",
    ChannelName.TWITTER: "X",
    ChannelName.PINTEREST: "Pinterest",
    ChannelName.GBP: "Google Business Profile",
    ChannelName.TIKTOK: "TikTok",
    ChannelName.YOUTUBE: "YouTube",
}

FAILURE_REASONS: tuple[tuple[str, str], ...] = (
    (
        "ACCOUNT_DISCONNECTED",
        "The {network} account was disconnected before the post went out; reconnect it in "
        "the dashboard and publish again",
    ),
    ("MEDIA_REJECTED", "{network} rejected the image: its size or aspect ratio is not supported"),
    ("DUPLICATE_CONTENT", "{network} refused the post as a duplicate of a recent one"),
    ("PUBLISH_LIMIT_EXCEEDED", "The {network} account reached its daily publishing limit"),
    ("PERMISSION_REVOKED", "The site may no longer publish to this {network} account"),
)
"""(code, message) of the ways a post fails on its network; ``{network}`` is filled in."""

# How many people a post reaches when it has fully run its course, by network.
_AUDIENCE: dict[str, int] = {
    ChannelName.INSTAGRAM: 2400,
    ChannelName.FACEBOOK: 1500,
    ChannelName.LINKEDIN: 900,
    ChannelName.TWITTER: 1100,
    ChannelName.PINTEREST: 1300,
    ChannelName.GBP: 400,
    ChannelName.TIKTOK: 3500,
    ChannelName.YOUTUBE: 2000,
}
_REACH_HOURS = 18.0
"""Time constant of the reach curve: about two thirds of it in the first 18 hours."""

_SHORTCODE = string.ascii_letters + string.digits + "-_"
_BASE62 = string.ascii_letters + string.digits


def _rng(options: SandboxOptions, item_id: str, purpose: str) -> random.Random:
    return random.Random(f"{options.seed}:{purpose}:{item_id}")


def publish_fails(options: SandboxOptions, item_id: str) -> bool:
    """Whether this item's publishing ends FAILED (same answer for the same seed and ID)."""
    return random.Random(f"{options.seed}:{item_id}").random() < options.publish_failure_rate


def published_at(item: ItemRow) -> datetime | None:
    """When a PUBLISHED item went live (its time plus the publishing step)."""
    if item.status != ItemStatus.PUBLISHED or item.scheduled_date is None:
        return None
    return item.scheduled_date + timedelta(seconds=PUBLISHING_SECONDS)


def _network(item: ItemRow) -> str:
    return NETWORK_NAMES.get(item.channel, item.channel.value.title())


def publication_error(options: SandboxOptions, item: ItemRow) -> tuple[str, str]:
    """(code, message) of why a FAILED item did not go out."""
    code, message = _rng(options, item.id, "failure").choice(FAILURE_REASONS)
    return code, message.format(network=_network(item))


def _handle(business_name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", business_name.lower()) or "business"


def _digits(rng: random.Random, count: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(count - 1))


def _chars(rng: random.Random, alphabet: str, count: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(count))


def external_item_url(options: SandboxOptions, item: ItemRow, business_name: str) -> str:
    """The live post's address on its network, in the form that network uses."""
    rng = _rng(options, item.id, "url")
    handle = _handle(business_name)
    channel = item.channel
    if channel == ChannelName.INSTAGRAM:
        kind = "reel" if item.type == ItemType.REEL else "p"
        return f"https://www.instagram.com/{kind}/{_chars(rng, _SHORTCODE, 11)}/"
    if channel == ChannelName.FACEBOOK:
        page = account_extra_id(channel, options.seed)
        return f"https://www.facebook.com/{page}/posts/{_digits(rng, 16)}"
    if channel == ChannelName.LINKEDIN:
        return f"https://www.linkedin.com/feed/update/urn:li:share:{_digits(rng, 19)}/"
    if channel == ChannelName.TWITTER:
        return f"https://x.com/{handle}/status/{_digits(rng, 19)}"
    if channel == ChannelName.PINTEREST:
        return f"https://www.pinterest.com/pin/{_digits(rng, 18)}/"
    if channel == ChannelName.GBP:
        return f"https://posts.gle/{_chars(rng, _BASE62, 17)}"
    if channel == ChannelName.TIKTOK:
        kind = "video" if item.type == ItemType.VIDEO else "photo"
        return f"https://www.tiktok.com/@{handle}/{kind}/{_digits(rng, 19)}"
    if channel == ChannelName.YOUTUBE:
        video = _chars(rng, _SHORTCODE, 11)
        if item.type == ItemType.SHORT:
            return f"https://www.youtube.com/shorts/{video}"
        return f"https://www.youtube.com/watch?v={video}"
    return f"https://www.{channel.value.lower()}.com/posts/{_digits(rng, 16)}"


def insights(options: SandboxOptions, item: ItemRow, now: datetime) -> dict[str, int]:
    """How a PUBLISHED item has done by ``now``: every count grows with time and never drops.

    The item's eventual reach and its rates of likes, comments, shares and clicks are drawn
    once per seed and item; the whole hours since it went live set how much of that has
    happened.
    """
    live_since = published_at(item)
    rng = _rng(options, item.id, "insights")
    final_reach = _AUDIENCE.get(item.channel, 1000) * rng.uniform(0.4, 2.2)
    rates = {
        "likes": rng.uniform(0.01, 0.05),
        "comments": rng.uniform(0.001, 0.008),
        "shares": rng.uniform(0.001, 0.006),
        "clicks": rng.uniform(0.002, 0.015),
    }
    # The networks refresh their figures now and then, not continuously: whole hours, so
    # an item reads the same on every poll within the hour.
    hours = math.floor(max(0.0, (now - live_since).total_seconds()) / 3600) if live_since else 0
    impressions = math.floor(final_reach * (1 - math.exp(-hours / _REACH_HOURS)))
    counts = {name: math.floor(impressions * rate) for name, rate in rates.items()}
    return {"impressions": impressions, "interactions": sum(counts.values()), **counts}


def publication_wire(item: ItemRow, ctx: SandboxContext) -> dict[str, Any]:
    """The item fields that tell how its publishing went (none before it went out).

    In the ``rich`` shape: every metric as a number, and ``{code, message}``; the
    ``documented`` shape is made from these by :mod:`.shape`.
    """
    if item.status == ItemStatus.PUBLISHED:
        return {
            "externalItemUrl": external_item_url(ctx.options, item, ctx.site.profile.name),
            "insightsSummary": insights(ctx.options, item, ctx.now),
        }
    if item.status == ItemStatus.FAILED:
        code, message = publication_error(ctx.options, item)
        return {"publicationError": {"code": code, "message": message}}
    return {}

"""Glyphs the screens share: one per activity type and one per post status.

Single-cell characters only, so a cell's width never depends on the terminal's emoji
handling; each glyph has a word beside it wherever there is room. The words themselves
(channel and type names) live in :mod:`tui_planner.store.names`, for the command line and
the exports too, and are re-exported here.
"""

from __future__ import annotations

from tui_planner.api.models import ChannelName, ItemStatus, ItemType, MarketingActivityType
from tui_planner.store.names import CHANNEL_LABELS, TYPE_LABELS, channel_label, type_label

__all__ = [
    "CHANNEL_LABELS",
    "CHANNEL_SHORT",
    "EVENT_ICON",
    "READ_ONLY_ICON",
    "RECURRING_ICON",
    "STATUS_ICONS",
    "STATUS_STYLES",
    "TYPE_ICONS",
    "TYPE_LABELS",
    "channel_label",
    "channel_short",
    "status_icon",
    "type_icon",
    "type_label",
]

TYPE_ICONS: dict[MarketingActivityType, str] = {
    MarketingActivityType.SOCIAL_MARKETING: "◆",
    MarketingActivityType.BLOG: "¶",
    MarketingActivityType.EMAIL_MARKETING: "✉",
    MarketingActivityType.UNKNOWN: "·",
}
"""Social posts, blog post, email campaign."""

STATUS_ICONS: dict[ItemStatus, str] = {
    ItemStatus.DRAFT: "○",
    ItemStatus.SCHEDULED: "◷",
    ItemStatus.PROCESSING: "◌",
    ItemStatus.IN_QUEUE: "◌",
    ItemStatus.PUBLISHED: "●",
    ItemStatus.FAILED: "✗",
    ItemStatus.CANCELED: "⊘",
    ItemStatus.DELETED: "⊘",
}

STATUS_STYLES: dict[ItemStatus, str] = {
    ItemStatus.DRAFT: "",
    ItemStatus.SCHEDULED: "bold cyan",
    ItemStatus.PROCESSING: "yellow",
    ItemStatus.IN_QUEUE: "yellow",
    ItemStatus.PUBLISHED: "green",
    ItemStatus.FAILED: "bold red",
    ItemStatus.CANCELED: "dim",
    ItemStatus.DELETED: "dim",
}
"""Rich styles for a status glyph or word; empty means the surrounding style."""

CHANNEL_SHORT: dict[ChannelName, str] = {
    ChannelName.FACEBOOK: "FB",
    ChannelName.INSTAGRAM: "IG",
    ChannelName.LINKEDIN: "LI",
    ChannelName.PINTEREST: "PI",
    ChannelName.GBP: "GBP",
    ChannelName.TIKTOK: "TT",
    ChannelName.TWITTER: "X",
    ChannelName.YOUTUBE: "YT",
}
"""Two- or three-letter channel names for tight rows."""

EVENT_ICON = "★"
"""Marks a day with a calendar event."""

RECURRING_ICON = "↻"
"""Marks a recurring calendar event."""

READ_ONLY_ICON = "⊠"
"""Marks an event from a connected calendar, which cannot be edited here."""


def type_icon(activity_type: MarketingActivityType | None) -> str:
    """The glyph for an activity type; an unset or unknown type is treated as social."""
    if activity_type is None:
        return TYPE_ICONS[MarketingActivityType.SOCIAL_MARKETING]
    return TYPE_ICONS.get(activity_type, TYPE_ICONS[MarketingActivityType.UNKNOWN])


def channel_short(channel: ChannelName, item_type: ItemType = ItemType.POST) -> str:
    """A channel's short name for tight rows, with the kind of any item but a feed post.

    An activity can hold an Instagram post and an Instagram story; they read "IG" and
    "IG story" (likewise "FB reel", "TT video"), so the two are told apart.
    """
    short = CHANNEL_SHORT.get(channel, channel.value[:3])
    if item_type == ItemType.POST:
        return short
    return f"{short} {item_type.value.lower()}"


def status_icon(status: ItemStatus) -> str:
    """The glyph for a post status (``?`` for one this app does not know)."""
    return STATUS_ICONS.get(status, "?")

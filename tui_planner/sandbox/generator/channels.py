"""Per-network wire shapes: which content object a post travels in and what its text is called."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from tui_planner.api.channel_rules import CAPTION_LIMITS, HASHTAG_LIMITS, TITLE_LIMITS
from tui_planner.api.models import ChannelName, ItemType

from .captions import Caption

__all__ = [
    "CAPTION_LIMITS",
    "CONTENT_KEYS",
    "HASHTAG_LIMITS",
    "TEXT_FIELDS",
    "TITLE_LIMITS",
    "content_object",
]

CONTENT_KEYS: Mapping[tuple[ChannelName, ItemType], str] = MappingProxyType(
    {
        (ChannelName.INSTAGRAM, ItemType.POST): "instagramPost",
        (ChannelName.INSTAGRAM, ItemType.STORY): "instagramStory",
        (ChannelName.FACEBOOK, ItemType.POST): "facebookPost",
        (ChannelName.FACEBOOK, ItemType.STORY): "facebookStory",
        (ChannelName.LINKEDIN, ItemType.POST): "linkedinPost",
        (ChannelName.PINTEREST, ItemType.POST): "pinterestPost",
        (ChannelName.GBP, ItemType.POST): "gbpPost",
        (ChannelName.TIKTOK, ItemType.POST): "tiktokPhoto",
        (ChannelName.TWITTER, ItemType.POST): "twitterPost",
    }
)
"""The wire (camelCase) key of each plan channel's content object, by item type."""

TEXT_FIELDS: Mapping[ChannelName, str] = MappingProxyType(
    {
        ChannelName.PINTEREST: "description",
        ChannelName.GBP: "description",
        ChannelName.TIKTOK: "description",
    }
)
"""Networks whose main text is a ``description``; every other one calls it ``caption``."""


def content_object(
    channel: ChannelName,
    caption: Caption | None,
    media_urls: Sequence[str],
    *,
    link: str | None = None,
    call_to_action: str | None = None,
) -> dict[str, Any]:
    """The wire JSON of a content object: text (and title), media, and network extras."""
    content: dict[str, Any] = {}
    if caption is not None:
        content[TEXT_FIELDS.get(channel, "caption")] = caption.text
        if caption.title and channel in TITLE_LIMITS:
            content["title"] = caption.title
    content["mediaWrapper"] = {"media": [{"type": "IMAGE", "url": url} for url in media_urls]}
    if channel == ChannelName.PINTEREST and link:
        content["link"] = f"https://{link}" if "://" not in link else link
    if channel == ChannelName.GBP and call_to_action and caption is not None:
        content["callToAction"] = call_to_action
    if channel == ChannelName.TIKTOK and caption is not None:
        content["privacyLevel"] = "PUBLIC_TO_EVERYONE"
    return content

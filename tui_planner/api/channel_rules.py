"""Each social network's text rules: caption and title limits, hashtag habits, X's length count
(weighted as X weighs it: see :mod:`.x_length`).

Shared by the sandbox generator (which writes captions inside these limits) and the UI (which
shows a caption's length against its network's limit and highlights hashtags and links).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from .models.enums import ChannelName
from .x_length import X_RULES_V3, x_weighted_length
from .x_links import link_spans

__all__ = [
    "CAPTION_LIMITS",
    "HASHTAG_LIMITS",
    "TITLE_LIMITS",
    "caption_length",
    "hashtags",
    "links",
    "x_weighted_length",
]

CAPTION_LIMITS: Mapping[ChannelName, int] = MappingProxyType(
    {
        ChannelName.TWITTER: X_RULES_V3.max_weighted_length,
        ChannelName.INSTAGRAM: 2200,
        ChannelName.LINKEDIN: 3000,
        ChannelName.PINTEREST: 500,
        ChannelName.GBP: 1500,
        ChannelName.TIKTOK: 2200,
        ChannelName.FACEBOOK: 63206,
        ChannelName.YOUTUBE: 5000,
    }
)
"""The most characters a caption (or description) may hold on each network (X: weighted)."""

HASHTAG_LIMITS: Mapping[ChannelName, int] = MappingProxyType(
    {
        ChannelName.INSTAGRAM: 30,
        ChannelName.TWITTER: 3,
        ChannelName.TIKTOK: 5,
        ChannelName.LINKEDIN: 5,
        ChannelName.PINTEREST: 20,
        ChannelName.FACEBOOK: 3,
        ChannelName.GBP: 0,
        ChannelName.YOUTUBE: 15,
    }
)
"""The most hashtags a caption should carry: Instagram's hard limit, the others' good habit."""

TITLE_LIMITS: Mapping[ChannelName, int] = MappingProxyType(
    {
        ChannelName.PINTEREST: 100,
        ChannelName.TIKTOK: 90,
        ChannelName.YOUTUBE: 100,
    }
)
"""The most characters of a post title, for the networks whose posts have one."""

_HASHTAG = re.compile(r"(?<![\w#&/])#(\w*[^\W\d]\w*)")


def links(text: str) -> list[str]:
    """The links in ``text`` as X finds them (``https://...`` and bare ``example.com/shop``
    alike, never an e-mail address), in order."""
    return [text[start:end] for start, end in link_spans(text)]


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text`` without their ``#``, in order (``#2024`` alone is not a tag)."""
    return [match.group(1) for match in _HASHTAG.finditer(text)]


def caption_length(channel: ChannelName, text: str) -> int:
    """The length of ``text`` as ``channel`` counts it against :data:`CAPTION_LIMITS`."""
    if channel == ChannelName.TWITTER:
        return x_weighted_length(text)
    return len(text)

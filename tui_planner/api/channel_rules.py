"""Each social network's text rules: caption and title limits, hashtag habits, X's length count.

Shared by the sandbox generator (which writes captions inside these limits) and the UI (which
shows a caption's length against its network's limit and highlights hashtags and links).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from .models.enums import ChannelName

__all__ = [
    "CAPTION_LIMITS",
    "HASHTAG_LIMITS",
    "TITLE_LIMITS",
    "X_URL_LENGTH",
    "caption_length",
    "hashtags",
    "links",
    "x_weighted_length",
]

CAPTION_LIMITS: Mapping[ChannelName, int] = MappingProxyType(
    {
        ChannelName.TWITTER: 280,
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

X_URL_LENGTH = 23
"""X counts every link as this many characters, whatever its real length (t.co wrapping)."""

_URL = re.compile(
    r"(?:https?://[^\s<>\"']+)"
    r"|(?:\b(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.(?:com|org|net|io|co|shop|store|studio|art|design|info|biz|app|dev|uk|us|ca|de|fr)"
    r"\b(?:/[^\s<>\"']*)?)",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,!?;:)]}'\""
_HASHTAG = re.compile(r"(?<![\w#&/])#(\w*[^\W\d]\w*)")

# A pictographic character, optionally followed by modifiers and joined by ZWJ into one glyph.
_EMOJI_CORE = (
    "\U0001f1e6-\U0001f1ff"  # regional indicators (flags come in pairs)
    "\U0001f300-\U0001faff"  # pictographs, emoticons, transport, supplemental symbols
    "\u2600-\u27bf"  # misc symbols and dingbats
    "\u2b00-\u2bff"  # arrows and stars
    "\u2300-\u23ff"  # technical (watch, hourglass)
)
_EMOJI_TAIL = "\ufe0f\u20e3\U0001f3fb-\U0001f3ff"
_EMOJI = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"
    rf"|[{_EMOJI_CORE}][{_EMOJI_TAIL}]*(?:\u200d[{_EMOJI_CORE}][{_EMOJI_TAIL}]*)*"
)

# twitter-text v3: code points in these ranges weigh 1, every other one weighs 2 (CJK, ...).
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_HEAVY = re.compile(
    "[^" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _LIGHT_RANGES[1:]) + "\x00-\u10ff]"
)


def links(text: str) -> list[str]:
    """The links in ``text``, full URLs and bare domains (``example.com/shop``), in order."""
    return [match.group(0).rstrip(_TRAILING_PUNCTUATION) for match in _URL.finditer(text)]


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text`` without their ``#``, in order (``#2024`` alone is not a tag)."""
    return [match.group(1) for match in _HASHTAG.finditer(text)]


def x_weighted_length(text: str) -> int:
    """How long X counts ``text``: links 23, emoji 2, CJK and other heavy characters 2, else 1."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
        total += _weigh_plain(text[position : match.start()]) + X_URL_LENGTH
        position = match.start() + len(url)
    return total + _weigh_plain(text[position:])


def caption_length(channel: ChannelName, text: str) -> int:
    """The length of ``text`` as ``channel`` counts it against :data:`CAPTION_LIMITS`."""
    if channel == ChannelName.TWITTER:
        return x_weighted_length(text)
    return len(text)


def _weigh_plain(text: str) -> int:
    total = 0
    position = 0
    for match in _EMOJI.finditer(text):
        total += _weigh_characters(text[position : match.start()]) + 2
        position = match.end()
    return total + _weigh_characters(text[position:])


def _weigh_characters(text: str) -> int:
    return len(text) + len(_HEAVY.findall(text))

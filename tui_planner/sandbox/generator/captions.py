"""Each network's caption layout: length, structure, hashtags and emoji as its users expect.

X is short with a link and one or two tags; Instagram tells a story and ends with a block of
tags and a link-in-bio; LinkedIn is longer, plainer and ends on three tags; Pinterest is a
keyword-rich description under a title; Google Business Profile has no hashtags and ends on a
call to action; TikTok is short and punchy with a few tags; Facebook is conversational.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tui_planner.api.channel_rules import (
    CAPTION_LIMITS,
    HASHTAG_LIMITS,
    TITLE_LIMITS,
    caption_length,
)
from tui_planner.api.models import ChannelName

from .tone import ToneStyle
from .writer import CaptionParts

__all__ = ["Caption", "write_caption"]


@dataclass(frozen=True)
class Caption:
    """A network's finished text: the caption (or description) and, where it has one, a title."""

    text: str
    title: str | None = None


def write_caption(
    channel: ChannelName, parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> Caption:
    """Lay ``parts`` out as ``channel`` expects, within its limits."""
    layout = _LAYOUTS.get(channel, _facebook)
    variants, title = layout(parts, style, rng)
    return Caption(text=_first_fitting(channel, variants, style), title=title)


_Layout = Callable[[CaptionParts, ToneStyle, random.Random], tuple[list[str], str | None]]


def _x(parts: CaptionParts, style: ToneStyle, rng: random.Random) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.TWITTER, rng.randint(1, 2))
    hook = _with_emoji(_hook(parts, style, shout_limit=40), parts.emoji[:1])
    body = parts.body[:1]
    mentions = parts.mentions
    return [
        _line(hook, *body, *mentions, parts.cta_link, tags),
        _line(hook, *mentions, parts.cta_link, tags),
        _line(hook, *mentions, tags),
        _line(parts.headline, parts.cta_link, tags[:1] if tags else ""),
        _line(hook, tags),
    ], None


def _instagram(
    parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.INSTAGRAM, rng.randint(8, 15))
    first = _with_emoji(_opened(parts.opener, _hook(parts, style)), parts.emoji[:1])
    story = _with_emoji(_line(*parts.body, *parts.support), parts.emoji[1:2])
    ending = _line(*parts.mentions, parts.cta_bio, parts.closer)
    return [
        _blocks(first, story, parts.question, ending, parts.sign_off, tags),
        _blocks(first, _line(*parts.body[:1], *parts.support), ending, tags),
    ], None


def _linkedin(
    parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.LINKEDIN, 3)
    emoji = parts.emoji[:1] if style.emoji >= 2 else ()
    # LinkedIn readers expect the point first and a calmer register, whatever the tone.
    headline = _with_emoji(parts.headline, emoji)
    return [
        _blocks(
            headline,
            parts.hook,
            _line(*parts.body),
            _line(*parts.support),
            _line(*parts.mentions, parts.cta_link, parts.sign_off),
            tags,
        ),
        _blocks(headline, _line(*parts.body[:1], *parts.mentions), parts.cta_link, tags),
    ], None


def _pinterest(
    parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.PINTEREST, rng.randint(3, 5))
    title = _shorten(parts.headline or parts.hook, TITLE_LIMITS[ChannelName.PINTEREST])
    mentions = parts.mentions
    return [
        _blocks(
            _line(parts.hook, *parts.body[:2], *parts.support[:1], *mentions, parts.cta_link),
            tags,
        ),
        _blocks(_line(parts.hook, *parts.body[:1], *mentions, parts.cta_link), tags),
        _blocks(_line(parts.hook, *mentions), tags),
    ], title


def _gbp(parts: CaptionParts, style: ToneStyle, rng: random.Random) -> tuple[list[str], str | None]:
    # Google shows these on Maps and Search: no hashtags, no emoji, always a next step.
    return [
        _blocks(
            parts.hook,
            _line(*parts.body[:2], *parts.support, *parts.mentions),
            _line(parts.location_line, parts.cta_link),
        ),
        _blocks(parts.hook, _line(*parts.mentions, parts.location_line, parts.cta_link)),
    ], None


def _tiktok(
    parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.TIKTOK, rng.randint(3, 5))
    hook = _with_emoji(_hook(parts, style, shout_limit=60), parts.emoji[:2])
    title = _shorten(parts.headline or parts.hook, TITLE_LIMITS[ChannelName.TIKTOK])
    return [
        _blocks(_line(hook, *parts.body[:1], *parts.mentions), _line(parts.cta_bio, tags)),
        _blocks(_line(hook, *parts.mentions), _line(parts.cta_bio, tags)),
    ], title


def _facebook(
    parts: CaptionParts, style: ToneStyle, rng: random.Random
) -> tuple[list[str], str | None]:
    tags = _tags(parts, ChannelName.FACEBOOK, rng.randint(0, 2))
    first = _with_emoji(_opened(parts.opener, _hook(parts, style)), parts.emoji[:1])
    return [
        _blocks(
            first,
            _line(*parts.body[:2], *parts.support),
            parts.question,
            _line(*parts.mentions, parts.cta_link, parts.closer),
            parts.sign_off,
            tags,
        ),
        _blocks(first, _line(*parts.body[:1], *parts.mentions), parts.cta_link, tags),
    ], None


_LAYOUTS: dict[ChannelName, _Layout] = {
    ChannelName.TWITTER: _x,
    ChannelName.INSTAGRAM: _instagram,
    ChannelName.LINKEDIN: _linkedin,
    ChannelName.PINTEREST: _pinterest,
    ChannelName.GBP: _gbp,
    ChannelName.TIKTOK: _tiktok,
    ChannelName.FACEBOOK: _facebook,
}


# Sentence starts that go lower case after an opener that leads into the hook: one ending in
# a colon ("Heads up: this...") or mid-sentence ("Not to be dramatic, but here's...").
_COMMON_STARTS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "some", "say", "meet", "if", "here's",
        "ever", "no", "real", "your", "you", "good", "only", "it's", "today's", "what",
        "still", "new", "fresh", "grab", "first", "something", "quick", "save", "psst",
        "there's", "there", "mark", "doors", "nothing", "not",
    }
)  # fmt: skip


def _opened(opener: str | None, hook: str) -> str:
    if not opener:
        return hook
    first = hook.split(" ", 1)[0]
    leads_in = opener.endswith(":") or opener[-1:].isalnum()
    if leads_in and first.lower() in _COMMON_STARTS and not hook.isupper():
        hook = hook[:1].lower() + hook[1:]
    return _line(opener, hook)


def _hook(parts: CaptionParts, style: ToneStyle, shout_limit: int = 50) -> str:
    if style.shouts_hooks and len(parts.hook) <= shout_limit:
        return parts.hook.upper()
    return parts.hook


def _tags(parts: CaptionParts, channel: ChannelName, wanted: int) -> str:
    count = min(wanted, HASHTAG_LIMITS.get(channel, 0))
    return " ".join(f"#{tag}" for tag in parts.tags[:count])


def _with_emoji(text: str, emoji: tuple[str, ...]) -> str:
    return _line(text, "".join(emoji)) if text else text


def _line(*pieces: str | None) -> str:
    return " ".join(piece.strip() for piece in pieces if piece and piece.strip())


def _blocks(*pieces: str | None) -> str:
    return "\n\n".join(piece.strip() for piece in pieces if piece and piece.strip())


def _first_fitting(channel: ChannelName, variants: list[str], style: ToneStyle) -> str:
    limit = CAPTION_LIMITS.get(channel, 2200)
    finished = [style.punctuate(variant) for variant in variants if variant]
    for text in finished:
        if caption_length(channel, text) <= limit:
            return text
    return _shorten(finished[-1] if finished else "", limit, channel)


def _shorten(text: str, limit: int, channel: ChannelName | None = None) -> str:
    """``text`` cut at a word boundary with an ellipsis so it counts at most ``limit``."""

    def length(value: str) -> int:
        return caption_length(channel, value) if channel else len(value)

    if length(text) <= limit:
        return text
    words = text.split(" ")
    while words and length(" ".join(words) + "…") > limit:
        words.pop()
    if words:
        return " ".join(words).rstrip(",;:") + "…"
    return text[: max(0, limit - 1)] + "…"

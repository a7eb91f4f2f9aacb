"""The networks' text rules the generator and the caption counter share."""

from __future__ import annotations

from tui_planner.api.channel_rules import (
    CAPTION_LIMITS,
    HASHTAG_LIMITS,
    caption_length,
    hashtags,
    links,
    x_weighted_length,
)
from tui_planner.api.models import PLAN_CHANNELS, ChannelName


def test_every_plan_channel_has_a_caption_and_hashtag_limit() -> None:
    assert set(PLAN_CHANNELS) <= set(CAPTION_LIMITS)
    assert set(PLAN_CHANNELS) <= set(HASHTAG_LIMITS)
    assert CAPTION_LIMITS[ChannelName.TWITTER] == 280
    assert CAPTION_LIMITS[ChannelName.INSTAGRAM] == 2200
    assert HASHTAG_LIMITS[ChannelName.INSTAGRAM] == 30
    assert HASHTAG_LIMITS[ChannelName.GBP] == 0


def test_x_counts_links_as_23_and_emoji_as_2() -> None:
    assert x_weighted_length("hello") == 5
    assert x_weighted_length("see https://example.com/a/very/long/path/indeed") == 4 + 23
    assert x_weighted_length("shop emberlineceramics.com/shop.") == 5 + 23 + 1
    assert x_weighted_length("☕") == 2
    assert x_weighted_length("👩‍👩‍👧") == 2
    assert x_weighted_length("🇺🇸") == 2


def test_x_counts_cjk_characters_as_2() -> None:
    assert x_weighted_length("日本") == 4


def test_caption_length_uses_x_weighting_only_for_x() -> None:
    text = "☕ https://example.com/long/path"
    assert caption_length(ChannelName.TWITTER, text) == 2 + 1 + 23
    assert caption_length(ChannelName.INSTAGRAM, text) == len(text)


def test_hashtags_are_found_without_their_hash_and_numbers_alone_are_not_tags() -> None:
    assert hashtags("#one and #two-three, #2024 a#b #café_1") == ["one", "two", "café_1"]


def test_links_finds_full_urls_and_bare_domains_without_trailing_punctuation() -> None:
    text = "Visit emberlineceramics.com/shop. Or https://x.io/a?b=1)."
    assert links(text) == ["emberlineceramics.com/shop", "https://x.io/a?b=1"]

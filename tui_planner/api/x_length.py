"""X's weighted post length: how X measures a post against its 280 limit.

X weighs characters rather than counting them. The text is NFC-normalised first. Every link
(see :mod:`.x_links`) weighs ``transformed_url_length`` (23) whatever its length, because X
wraps it in a t.co link. Under the v3 rules an emoji weighs two however many code points it
joins (a family, a flag, a skin tone). Any other code point weighs one inside the light
ranges (Latin to Georgian, general punctuation) and two elsewhere (CJK, directional marks,
symbols). Weights are kept in hundredths (``scale``), as X's configuration states them.

The figures follow twitter-text's configuration files and conformance suite, which
``tests/api/test_x_length.py`` runs in full. Emoji come from the ``emoji`` package, imported
with the first count rather than at start-up.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .x_links import link_spans, utf16_length

__all__ = [
    "X_RULES_V2",
    "X_RULES_V3",
    "WeightedRange",
    "XPostCount",
    "XTextRules",
    "count_x_post",
    "x_weighted_length",
]

# Every emoji of more than one code point holds one of these (UTS #51 sequences: zero-width
# joiner, variation selector 16, combining keycap, skin tones, regional indicators, tags).
_SEQUENCE_MARK = re.compile(
    "[\u200d\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff\U000e0020-\U000e007f]"
)
_WORD = re.compile(r"\S+")

# Not a character a post may hold: the byte-order mark and the two Unicode non-characters.
_INVALID = re.compile("[\ufffe\ufeff\uffff]")


@dataclass(frozen=True, slots=True)
class WeightedRange:
    """Code points ``start`` to ``end`` (both included) weigh ``weight`` (in ``scale`` units)."""

    start: int
    end: int
    weight: int


@dataclass(frozen=True, slots=True)
class XTextRules:
    """One version of X's length rules (twitter-text's ``config/v2.json``, ``v3.json``)."""

    version: int
    max_weighted_length: int
    """The most a post may weigh, in characters (280)."""
    scale: int
    """Weights are in 1/``scale`` of a character (100)."""
    default_weight: int
    """The weight of a code point outside every range, and of an emoji (200: two characters)."""
    transformed_url_length: int
    """What any link weighs, in characters (23)."""
    emoji_parsing: bool
    """Whether an emoji sequence weighs ``default_weight`` as a whole (v3) or per code point."""
    ranges: tuple[WeightedRange, ...]
    """Code point ranges with their own weight, none overlapping another."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> XTextRules:
        """The rules a twitter-text configuration object states (``v3.json``'s keys)."""
        return cls(
            version=int(config["version"]),
            max_weighted_length=int(config["maxWeightedTweetLength"]),
            scale=int(config["scale"]),
            default_weight=int(config["defaultWeight"]),
            transformed_url_length=int(config["transformedURLLength"]),
            emoji_parsing=bool(config.get("emojiParsingEnabled", False)),
            ranges=tuple(
                WeightedRange(int(item["start"]), int(item["end"]), int(item["weight"]))
                for item in config["ranges"]
            ),
        )

    def weigh(self, plain: str) -> int:
        """What ``plain`` weighs character by character (no links or emoji), in ``scale`` units."""
        total = len(plain) * self.default_weight
        for weighted, pattern in _range_patterns(self.ranges):
            total += (weighted.weight - self.default_weight) * len(pattern.findall(plain))
        return total

    def weight_of(self, code_point: int) -> int:
        """What one code point weighs outside links and emoji, in ``scale`` units."""
        for weighted in self.ranges:
            if weighted.start <= code_point <= weighted.end:
                return weighted.weight
        return self.default_weight


X_RULES_V2 = XTextRules(
    version=2,
    max_weighted_length=280,
    scale=100,
    default_weight=200,
    transformed_url_length=23,
    emoji_parsing=False,
    ranges=(
        WeightedRange(0x0000, 0x10FF, 100),  # Latin, Greek, Cyrillic, ... through Georgian
        WeightedRange(0x2000, 0x200D, 100),  # spaces, zero-width (non-)joiners
        WeightedRange(0x2010, 0x201F, 100),  # dashes and quotation marks
        WeightedRange(0x2032, 0x2037, 100),  # primes
    ),
)
"""X's rules before emoji were discounted: each code point of an emoji weighs on its own."""

X_RULES_V3 = dataclasses.replace(X_RULES_V2, version=3, emoji_parsing=True)
"""X's rules today: as v2, but an emoji sequence weighs two characters in all."""


@dataclass(frozen=True, slots=True)
class XPostCount:
    """How X measures one post.

    The ranges are X's own: inclusive ``(start, end)`` indices in UTF-16 code units of the
    text as given (before normalisation). ``display_range`` covers the whole text
    (``(0, -1)`` when empty); ``valid_range`` the part that fits the limit and comes before
    any character a post may not hold.
    """

    weighted_length: int
    valid: bool
    """Within the limit, not blank, and free of the characters a post may not hold."""
    permillage: int
    """``weighted_length`` in thousandths of the limit, rounded down (1000 = full)."""
    display_range: tuple[int, int]
    valid_range: tuple[int, int]


def count_x_post(text: str, rules: XTextRules = X_RULES_V3) -> XPostCount:
    """Measure ``text`` as X does under ``rules`` (today's, v3, unless told)."""
    normalized = unicodedata.normalize("NFC", text)
    limit = rules.max_weighted_length * rules.scale
    weight = 0
    fits_up_to: int | None = None  # where the text first runs over the limit
    position = 0
    end_of_text = (len(normalized), len(normalized), 0)
    for start, end, whole_weight in (*_weighed_wholes(normalized, rules), end_of_text):
        plain_weight = rules.weigh(normalized[position:start])
        if fits_up_to is None and weight + plain_weight > limit:
            fits_up_to = position + _fitting(normalized[position:start], limit - weight, rules)
        weight += plain_weight
        if fits_up_to is None and weight + whole_weight > limit:
            fits_up_to = start
        weight += whole_weight
        position = end
    valid_end = len(normalized) if fits_up_to is None else fits_up_to
    invalid = _INVALID.search(normalized)
    if invalid is not None:
        valid_end = min(valid_end, invalid.start())
    # X reports the ranges against the text as typed, so they shift by what NFC changed.
    shift = utf16_length(text) - utf16_length(normalized)
    weighted_length = weight // rules.scale
    fits = weighted_length <= rules.max_weighted_length
    return XPostCount(
        weighted_length=weighted_length,
        valid=fits and invalid is None and bool(text.strip()),
        permillage=weighted_length * 1000 // rules.max_weighted_length,
        display_range=(0, utf16_length(text) - 1),
        valid_range=(0, utf16_length(normalized[:valid_end]) + shift - 1),
    )


def x_weighted_length(text: str) -> int:
    """How many characters X counts ``text`` as, under today's rules."""
    return count_x_post(text).weighted_length


def _weighed_wholes(text: str, rules: XTextRules) -> list[tuple[int, int, int]]:
    """The links and emoji sequences of ``text``, each weighed as one: ``(start, end, weight)``.

    Reading left to right, a link wins over an emoji starting at the same place, and anything
    starting inside the one before is part of it.
    """
    link_weight = rules.transformed_url_length * rules.scale
    # (start, 0 for a link or 1 for an emoji, end, weight): sorting puts links first.
    found = [(start, 0, end, link_weight) for start, end in link_spans(text)]
    if rules.emoji_parsing:
        found.extend((start, 1, end, rules.default_weight) for start, end in _emoji_sequences(text))
    wholes: list[tuple[int, int, int]] = []
    for start, _, end, weight in sorted(found):
        if not wholes or start >= wholes[-1][1]:
            wholes.append((start, end, weight))
    return wholes


def _fitting(plain: str, budget: int, rules: XTextRules) -> int:
    """How many leading characters of ``plain`` weigh ``budget`` or less together."""
    used = 0
    for index, char in enumerate(plain):
        used += rules.weight_of(ord(char))
        if used > budget:
            return index
    return len(plain)


def _emoji_sequences(text: str) -> list[tuple[int, int]]:
    """The emoji of two or more code points in ``text``, as ``(start, end)`` slices.

    A lone emoji code point needs no discount: it weighs two as a character already, except
    © and ®, which X counts as emoji only followed by U+FE0F (a sequence again).
    """
    import emoji  # its tables cost ~30 ms: loaded with the first emoji sequence, not at start-up

    spans: list[tuple[int, int]] = []
    # No emoji holds a space, so only the words with a sequence mark need the (slow) scan.
    for word in _WORD.finditer(text):
        if _SEQUENCE_MARK.search(word[0]) is None:
            continue
        for found in emoji.emoji_list(word[0]):
            start, end = word.start() + found["match_start"], word.start() + found["match_end"]
            if end - start > 1:
                spans.append((start, end))
    return spans


@cache
def _range_patterns(
    ranges: tuple[WeightedRange, ...],
) -> tuple[tuple[WeightedRange, re.Pattern[str]], ...]:
    return tuple(
        (weighted, re.compile(f"[{re.escape(chr(weighted.start))}-{re.escape(chr(weighted.end))}]"))
        for weighted in ranges
    )

"""Keeping excluded topics out of every generated string.

A user who excludes a topic must never see it: not in a title, a caption, a hashtag or a link.
Matching is case-insensitive and loose about what joins the words, so excluding "wheel throwing"
also removes "Wheel-throwing" and "#wheelthrowing", and excluding "mug" removes "mugs".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

__all__ = ["TopicFilter"]

T = TypeVar("T")

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_SPACES = re.compile(r"[ \t]{2,}")


class TopicFilter:
    """Recognises the excluded topics in text and removes them.

    Copy is built from material already screened with :meth:`allows`; :meth:`clean` is the
    last word over every finished string, dropping any sentence that still mentions a topic.
    """

    def __init__(self, excluded: Iterable[str]) -> None:
        terms = sorted({term.strip() for term in excluded if term.strip()})
        self.terms: tuple[str, ...] = tuple(terms)
        self._pattern = _compile(self.terms) if self.terms else None

    @classmethod
    def of(cls, excluded: Sequence[str]) -> TopicFilter:
        """A filter for ``excluded``, shared between calls with the same topics."""
        return _cached_filter(tuple(excluded))

    def allows(self, text: str) -> bool:
        """Whether ``text`` mentions none of the excluded topics."""
        return self._pattern is None or self._pattern.search(text) is None

    def keep(self, pool: Iterable[T], text: Callable[[T], str] = str) -> list[T]:
        """The members of ``pool`` whose text mentions no excluded topic."""
        return [member for member in pool if self.allows(text(member))]

    def first_allowed(self, candidates: Iterable[str]) -> str | None:
        """The first candidate that mentions no excluded topic, if any does."""
        for candidate in candidates:
            if self.allows(candidate):
                return candidate
        return None

    def fallback(self, *candidates: str) -> str:
        """The first clean candidate; else the first that survives :meth:`scrub`; else "…".

        For text that must not be empty (a title, a caption) when excluded topics leave no
        wording standing.
        """
        allowed = self.first_allowed(c for c in candidates if c.strip())
        if allowed:
            return allowed
        for candidate in candidates:
            scrubbed = self.scrub(candidate)
            if any(char.isalnum() for char in scrubbed):
                return scrubbed
        return "…"

    def clean(self, text: str) -> str:
        """``text`` without the sentences (and lines) that mention an excluded topic."""
        if self._pattern is None or self.allows(text):
            return text
        lines = [self._clean_line(line) for line in text.split("\n")]
        return self.scrub(_collapse_blank_lines(lines))

    def scrub(self, text: str) -> str:
        """``text`` with every mention cut out: the fallback when no clean wording is left."""
        pattern = self._pattern
        if pattern is None:
            return text
        # Removing one mention can join neighbours into another, so repeat until none is left.
        while pattern.search(text):
            text = pattern.sub("", text)
        return _SPACES.sub(" ", text).strip()

    def _clean_line(self, line: str) -> str:
        if self.allows(line):
            return line
        sentences = _SENTENCE_END.split(line)
        return " ".join(sentence for sentence in sentences if self.allows(sentence))


def _compile(terms: Sequence[str]) -> re.Pattern[str]:
    alternatives = []
    for term in terms:
        words = [word for word in re.split(r"[\W_]+", term) if word]
        if words:
            alternatives.append(r"[\W_]*".join(re.escape(word) for word in words))
        else:
            alternatives.append(re.escape(term))
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _collapse_blank_lines(lines: list[str]) -> str:
    kept: list[str] = []
    for line in lines:
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


@lru_cache(maxsize=64)
def _cached_filter(excluded: tuple[str, ...]) -> TopicFilter:
    return TopicFilter(excluded)

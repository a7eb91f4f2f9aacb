"""Custom content guidelines: the instructions in the user's free text that copy can follow."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Guidelines"]

_MENTION = re.compile(
    r"\b(?:always\s+)?"
    r"(?:mention|include|highlight|remind (?:people|readers|customers) (?:of|about))\s+"
    r"(?:that\s+)?(.+?)(?:[.;!\n]|$)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(r"\bsign(?:[\s-]?off)?\s+with\s+[\"“'](.+?)[\"”']", re.IGNORECASE)
_NO_EMOJI = re.compile(r"\b(?:no|without|avoid|never use|don't use)\s+emoj", re.IGNORECASE)
_NO_HASHTAGS = re.compile(r"\b(?:no|without|avoid|never use|don't use)\s+hashtag", re.IGNORECASE)
_SHORT = re.compile(r"\b(?:short|concise|brief|to the point)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\bquestion", re.IGNORECASE)


@dataclass(frozen=True)
class Guidelines:
    """What the guidelines ask of every caption."""

    mentions: tuple[str, ...] = ()
    sign_off: str | None = None
    no_emoji: bool = False
    no_hashtags: bool = False
    short: bool = False
    ask_question: bool = False

    @classmethod
    def parse(cls, text: str | None) -> Guidelines:
        """Read the instructions a caption writer can act on from free text."""
        if not text:
            return cls()
        mentions = tuple(
            _as_sentence(match.group(1)) for match in _MENTION.finditer(text) if match.group(1)
        )
        sign_off = _SIGN_OFF.search(text)
        return cls(
            mentions=mentions,
            sign_off=sign_off.group(1).strip() if sign_off else None,
            no_emoji=bool(_NO_EMOJI.search(text)),
            no_hashtags=bool(_NO_HASHTAGS.search(text)),
            short=bool(_SHORT.search(text)),
            ask_question=bool(_QUESTION.search(text)),
        )


def _as_sentence(phrase: str) -> str:
    phrase = phrase.strip().rstrip(",:")
    if not phrase:
        return phrase
    return phrase[0].upper() + phrase[1:] + "."

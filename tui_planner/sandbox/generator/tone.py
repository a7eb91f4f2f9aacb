"""Tone of voice: the user's free text mapped onto a handful of writing styles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["Tone", "ToneStyle", "tone_from_text"]


class Tone(Enum):
    """A writing style the phrasebook has variants for."""

    PLAYFUL = "playful"
    WARM = "warm"
    PROFESSIONAL = "professional"
    BOLD = "bold"
    CALM = "calm"


_KEYWORDS: dict[Tone, tuple[str, ...]] = {
    Tone.PLAYFUL: ("playful", "fun", "cheeky", "witty", "quirky", "humor", "humour", "silly"),
    Tone.WARM: ("warm", "friendly", "cozy", "cosy", "approachable", "welcoming", "kind"),
    Tone.PROFESSIONAL: (
        "professional",
        "formal",
        "expert",
        "authoritative",
        "informative",
        "corporate",
        "polished",
    ),
    Tone.BOLD: ("bold", "energetic", "confident", "exciting", "punchy", "urgent", "enthusiastic"),
    Tone.CALM: ("calm", "gentle", "minimal", "serene", "soft", "relaxed", "quiet", "elegant"),
}


def tone_from_text(text: str | None, default: Tone = Tone.WARM) -> Tone:
    """The style a tone description asks for; the keyword mentioned first wins."""
    if not text:
        return default
    lowered = text.lower()
    best: tuple[int, Tone] | None = None
    for tone, words in _KEYWORDS.items():
        for word in words:
            match = re.search(rf"\b{re.escape(word)}", lowered)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), tone)
    return best[1] if best else default


@dataclass(frozen=True)
class ToneStyle:
    """How a tone writes: emoji per caption, exclamation marks, openers and sign-offs."""

    emoji: int
    exclaims: bool
    shouts_hooks: bool
    openers: tuple[str, ...]
    closers: tuple[str, ...]

    def punctuate(self, text: str) -> str:
        """``text`` with exclamation marks softened to full stops when the tone is quiet."""
        return text if self.exclaims else text.replace("!", ".")

    @staticmethod
    def of(tone: Tone) -> ToneStyle:
        """The style for ``tone``."""
        return _STYLES[tone]


_STYLES: dict[Tone, ToneStyle] = {
    Tone.PLAYFUL: ToneStyle(
        emoji=3,
        exclaims=True,
        shouts_hooks=False,
        openers=(
            "Okay, confession time:",
            "Plot twist:",
            "Tiny announcement, big feelings:",
            "Not to be dramatic, but",
            "Psst, pass it on:",
        ),
        closers=(
            "Your move!",
            "Tag the friend who needs to see this!",
            "Consider this your sign.",
            "No pressure. (A little pressure.)",
        ),
    ),
    Tone.WARM: ToneStyle(
        emoji=2,
        exclaims=True,
        shouts_hooks=False,
        openers=(
            "Hello, friends!",
            "A little something for you today:",
            "Pull up a chair:",
            "Happy {weekday}!",
        ),
        closers=(
            "Thank you for being here.",
            "With love from {name}.",
            "Can't wait to hear what you think.",
            "See you soon!",
        ),
    ),
    Tone.PROFESSIONAL: ToneStyle(
        emoji=0,
        exclaims=False,
        shouts_hooks=False,
        openers=(
            "An update from {name}.",
            "Worth knowing:",
            "A quick update for {audience_short}:",
        ),
        closers=(
            "Questions are always welcome.",
            "Details and availability are on the website.",
            "Thank you for your continued support.",
        ),
    ),
    Tone.BOLD: ToneStyle(
        emoji=2,
        exclaims=True,
        shouts_hooks=True,
        openers=("Big news.", "Heads up!", "This is the one.", "Stop scrolling."),
        closers=("Don't sleep on this!", "Go, go, go!", "Be first!", "You know what to do!"),
    ),
    Tone.CALM: ToneStyle(
        emoji=1,
        exclaims=False,
        shouts_hooks=False,
        openers=(
            "Something simple today.",
            "Slow down for a second.",
            "A quiet note from {name}.",
        ),
        closers=("Take your time.", "No rush. It will be here.", "Enjoy the quiet moments."),
    ),
}

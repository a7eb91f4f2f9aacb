"""The slots every template can use: the business, its audience, and the calendar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .brief import ContentBrief, possessive
from .profile import Product
from .template import capitalise

__all__ = ["Material", "base_slots", "season_of"]

_SEASONS = {
    12: "winter", 1: "winter", 2: "winter",
    3: "spring", 4: "spring", 5: "spring",
    6: "summer", 7: "summer", 8: "summer",
    9: "autumn", 10: "autumn", 11: "autumn",
}  # fmt: skip


def season_of(day: date) -> str:
    """The (northern) season ``day`` falls in."""
    return _SEASONS[day.month]


@dataclass(frozen=True)
class Material:
    """What one activity is about: the pieces of the profile its copy draws on."""

    product: Product | None = None
    topic: str | None = None
    included_topic: bool = False
    moment: str | None = None
    tip: str | None = None
    offer: str | None = None
    event: str | None = None
    event_date: date | None = None

    def slots(self) -> dict[str, str]:
        """The template slots this material fills (missing pieces stay unfilled)."""
        slots: dict[str, str] = {}
        if self.product:
            slots["product"] = self.product.name
            slots["product_note"] = self.product.note
            if self.product.physical:
                slots["item"] = self.product.name
        if self.topic:
            slots["topic"] = self.topic
        if self.moment:
            slots["moment"] = self.moment
        if self.tip:
            slots["tip"] = capitalise(self.tip)
            slots["tip_lc"] = self.tip[:1].lower() + self.tip[1:]
        if self.offer:
            slots["offer"] = self.offer
        if self.event:
            slots["event"] = self.event
        if self.event_date:
            slots["event_date"] = f"{self.event_date:%A} {self.event_date.day} {self.event_date:%B}"
        return slots


def base_slots(brief: ContentBrief, day: date) -> dict[str, str]:
    """Slots about the business and the date, true for every activity of the brief."""
    season = season_of(day)
    place = brief.profile.place_noun
    slots = {
        "name": brief.name,
        "name_pos": possessive(brief.name),
        "place": place,
        "Place": capitalise(place),
        "city": brief.profile.city,
        "category": brief.profile.category,
        "audience": brief.audience,
        "audience_short": _short_audience(brief.audience),
        "value": brief.value,
        "season": season,
        "Season": capitalise(season),
        "Month": f"{day:%B}",
        "weekday": f"{day:%A}",
        "n": str(3 + (day.toordinal() % 3) * 2),
        **brief.pronouns(),
    }
    allows = brief.topic_filter.allows
    return {key: value for key, value in slots.items() if value.strip() and allows(value)}


def _short_audience(audience: str) -> str:
    return re.split(r",|\band\b", audience, maxsplit=1)[0].strip() or audience

"""Filling phrasebook templates from slots, skipping any template whose material is missing."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence

from .exclusion import TopicFilter

__all__ = ["capitalise", "fill", "pick", "pick_many", "pick_template"]


def capitalise(text: str) -> str:
    """``text`` with its first character in upper case (the rest untouched, unlike ``title``)."""
    return text[:1].upper() + text[1:]


def fill(template: str, slots: Mapping[str, str]) -> str | None:
    """``template`` with its ``{slots}`` filled, or ``None`` when one of them is unavailable.

    A slot is unavailable when the profile has nothing left for it (for example every product
    mentions an excluded topic), so the caller moves on to another template.
    """
    try:
        text = template.format_map(slots)
    except (KeyError, IndexError):
        return None
    return capitalise(text)


def pick(
    templates: Sequence[str],
    slots: Mapping[str, str],
    rng: random.Random,
    topic_filter: TopicFilter,
    avoid: Collection[str] = (),
) -> str | None:
    """A random template from ``templates`` that fills, mentions no excluded topic, and gives
    none of the texts in ``avoid``."""
    picked = pick_template(templates, slots, rng, topic_filter, avoid)
    return picked[1] if picked else None


def pick_template(
    templates: Sequence[str],
    slots: Mapping[str, str],
    rng: random.Random,
    topic_filter: TopicFilter,
    avoid: Collection[str] = (),
) -> tuple[str, str] | None:
    """Like :func:`pick`, as ``(template, text)``: the text and the template it was filled from.

    It draws from ``rng`` exactly as :func:`pick` does, so either gives the same choice.
    """
    order = list(templates)
    rng.shuffle(order)
    for template in order:
        text = fill(template, slots)
        if text and text not in avoid and topic_filter.allows(text):
            return template, text
    return None


# Material a paragraph should name once; after that "it" reads better than the name again.
_ONCE: dict[str, str] = {
    "{product}": "product",
    "{item}": "product",
    "{event}": "event",
    "{offer}": "offer",
    "{tip}": "tip",
    "{tip_lc}": "tip",
    "{moment}": "moment",
    "{name}": "name",
    "{name_pos}": "name",
}


def pick_many(
    templates: Sequence[str],
    slots: Mapping[str, str],
    rng: random.Random,
    topic_filter: TopicFilter,
    count: int,
    already_named: Collection[str] = (),
) -> list[str]:
    """Up to ``count`` different templates from ``templates``, filled and clean, in random order.

    At most one of the chosen sentences names each piece of material (the product, the event,
    ...), so a paragraph does not repeat a product name in every line; ``already_named`` lists
    the pieces (``"product"``, ``"moment"``, ...) a sentence before it has named.
    """
    order = list(templates)
    rng.shuffle(order)
    chosen: list[str] = []
    named: set[str] = set(already_named)
    for template in order:
        if len(chosen) == count:
            break
        names = {piece for slot, piece in _ONCE.items() if slot in template}
        if names & named:
            continue
        text = fill(template, slots)
        if text and topic_filter.allows(text):
            chosen.append(text)
            named |= names
    return chosen

"""Story drafts: one to three frames for Instagram and Facebook, on the days that earn one.

Whether an activity has a story, and how many frames, depends only on the seed and the
activity's key, never on the generation: regenerating stories refreshes them but never creates
a story that was not planned (the contract's rule).
"""

from __future__ import annotations

from collections.abc import Callable

from tui_planner.api.models import ChannelName, ItemType, MarketingActivityType, Settings

from .activities import GeneratedActivity
from .brief import ContentBrief
from .channels import CONTENT_KEYS, content_object
from .phrasebook.ctas import IN_BIO
from .posts import GeneratedPost
from .profile import SiteProfile
from .seeding import stream
from .slots import base_slots
from .template import pick
from .themes import Theme, theme_of
from .writer import recall_material

__all__ = ["STORY_CHANNELS", "activity_stories", "story_frame_count", "story_frame_titles"]

STORY_CHANNELS: tuple[ChannelName, ...] = (ChannelName.INSTAGRAM, ChannelName.FACEBOOK)
"""The networks the plan writes stories for."""

# (chance of a story, frames) by theme: event days and offers almost always get one.
_STORY_ODDS: dict[Theme, tuple[float, int]] = {
    Theme.EVENT_DAY: (1.0, 3),
    Theme.EVENT_LEAD_UP: (0.8, 2),
    Theme.OFFER: (0.7, 2),
    Theme.PRODUCT_SPOTLIGHT: (0.4, 2),
    Theme.BEHIND_THE_SCENES: (0.3, 1),
    Theme.SEASONAL: (0.2, 1),
}

_FRAME_OPENERS: dict[Theme, tuple[str, ...]] = {
    Theme.EVENT_DAY: ("Today: {event}", "Doors open: {event}"),
    Theme.EVENT_LEAD_UP: ("Save the date: {event}", "Coming up: {event}"),
    Theme.OFFER: ("This week only", "A little treat for you"),
    Theme.PRODUCT_SPOTLIGHT: ("New: the {product}", "Meet the {product}"),
    Theme.BEHIND_THE_SCENES: ("Behind the scenes",),
    Theme.SEASONAL: ("{Season} at {place}",),
}


def story_frame_count(seed: int, activity: GeneratedActivity) -> int:
    """How many frames the activity's story has (0: it has none)."""
    if activity.activity_type != MarketingActivityType.SOCIAL_MARKETING:
        return 0
    theme = theme_of(activity.key, activity.title, activity.activity_type)
    chance, frames = _STORY_ODDS.get(theme, (0.0, 0))
    rng = stream(seed, "story", activity.key)
    return frames if rng.random() < chance else 0


def story_frame_titles(
    profile: SiteProfile,
    settings: Settings | None,
    activity: GeneratedActivity,
    *,
    seed: int,
    generation: int,
) -> list[str]:
    """The words on each frame's image: an opener, the details, then the call to action."""
    count = story_frame_count(seed, activity)
    if count == 0:
        return []
    brief = ContentBrief.build(profile, settings)
    theme = theme_of(activity.key, activity.title, activity.activity_type)
    rng = stream(seed, "story-text", activity.key, generation)
    material = recall_material(
        brief, activity, theme, stream(seed, "material", activity.key, generation)
    )
    slots = {**base_slots(brief, activity.date.date()), **material.slots()}
    topic_filter = brief.topic_filter
    headline = topic_filter.clean(activity.title) or topic_filter.fallback(brief.name)
    opener = pick(_FRAME_OPENERS.get(theme, ()), slots, rng, topic_filter) or headline
    cta = pick(IN_BIO[brief.goal], slots, rng, topic_filter) or headline
    return [opener, headline, cta][:count] if count > 1 else [headline]


def activity_stories(
    profile: SiteProfile,
    settings: Settings | None,
    activity: GeneratedActivity,
    *,
    seed: int,
    generation: int,
    media_url: Callable[[ChannelName, int], str],
) -> list[GeneratedPost]:
    """Story drafts for Instagram and Facebook, or none when this activity has no story.

    Stories carry only media (one image per frame); ``media_url(channel, frame)`` names each.
    The frames' words come from :func:`story_frame_titles` with the same arguments.
    """
    count = story_frame_count(seed, activity)
    if count == 0:
        return []
    if MarketingActivityType.SOCIAL_MARKETING not in ContentBrief.build(profile, settings).tools:
        return []
    stories = []
    for channel in STORY_CHANNELS:
        urls = [media_url(channel, frame) for frame in range(count)]
        content = content_object(channel, None, urls)
        key = CONTENT_KEYS[(channel, ItemType.STORY)]
        stories.append(GeneratedPost(channel, ItemType.STORY, key, content))
    return stories

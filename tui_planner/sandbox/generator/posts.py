"""An activity's social post drafts: one per plan channel, each in its network's style."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tui_planner.api.channel_rules import CAPTION_LIMITS, caption_length
from tui_planner.api.models import PLAN_CHANNELS, ChannelName, ItemType, Settings

from .activities import GeneratedActivity
from .brief import ContentBrief
from .captions import Caption, write_caption
from .channels import CONTENT_KEYS, content_object
from .profile import SiteProfile
from .seeding import stream
from .writer import CaptionParts, activity_copy, caption_parts

__all__ = ["GeneratedPost", "activity_posts", "finish_caption"]


@dataclass(frozen=True)
class GeneratedPost:
    """One draft for one channel: its item type, content key (wire camelCase) and content JSON."""

    channel: ChannelName
    item_type: ItemType
    content_key: str
    content: dict[str, Any]


def activity_posts(
    profile: SiteProfile,
    settings: Settings | None,
    activity: GeneratedActivity,
    *,
    seed: int,
    generation: int,
    media_url: Callable[[ChannelName], str],
) -> list[GeneratedPost]:
    """A post for each of the plan's channels, in :data:`PLAN_CHANNELS` order.

    The same inputs give the same posts; a new ``generation`` gives new wording.
    """
    brief = ContentBrief.build(profile, settings)
    copy = activity_copy(brief, activity, seed=seed, generation=generation)
    posts = []
    for channel in PLAN_CHANNELS:
        parts = caption_parts(brief, activity, copy, channel, seed=seed, generation=generation)
        rng = stream(seed, "layout", activity.key, generation, channel.value)
        caption = finish_caption(
            brief, channel, parts, write_caption(channel, parts, brief.style, rng)
        )
        content = content_object(
            channel,
            caption,
            [media_url(channel)],
            link=parts.link,
            call_to_action=parts.gbp_action,
        )
        key = CONTENT_KEYS[(channel, ItemType.POST)]
        posts.append(GeneratedPost(channel, ItemType.POST, key, content))
    return posts


def finish_caption(
    brief: ContentBrief, channel: ChannelName, parts: CaptionParts, caption: Caption
) -> Caption:
    """The last pass over a caption: no excluded topic, never empty, within the limit."""
    topic_filter = brief.topic_filter
    text = topic_filter.clean(caption.text)
    if not text.strip():
        text = topic_filter.fallback(parts.hook, parts.headline, brief.name)
    limit = CAPTION_LIMITS.get(channel, 2200)
    if caption_length(channel, text) > limit:
        text = text[: limit // 2].rstrip() + "…"
    title = topic_filter.clean(caption.title) if caption.title else None
    return Caption(text=text, title=title or None)

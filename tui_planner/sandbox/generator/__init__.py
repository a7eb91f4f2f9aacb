"""The sandbox's deterministic content generator: plans, post drafts, stories and images.

Everything here is a pure function of its inputs (site profile, settings, events, seed, dates
and generation count), so a sandbox run can be replayed exactly and tests can pin results.

The names below are loaded from their submodules on first use (PEP 562): the sandbox needs
only the site profile to start, while the phrase books and PIL (about 70 ms) are needed only
when something is generated or drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from tui_planner.api.channel_rules import CAPTION_LIMITS, HASHTAG_LIMITS, TITLE_LIMITS

    from .activities import GeneratedActivity, plan_activities
    from .channels import CONTENT_KEYS
    from .images import aspect_ratio, image_size, render_image
    from .occurrence import EventOccurrence
    from .posts import GeneratedPost, activity_posts
    from .profile import DEMO_PROFILE, Product, SiteProfile
    from .stories import STORY_CHANNELS, activity_stories, story_frame_count, story_frame_titles

__all__ = [
    "CAPTION_LIMITS",
    "CONTENT_KEYS",
    "DEMO_PROFILE",
    "HASHTAG_LIMITS",
    "STORY_CHANNELS",
    "TITLE_LIMITS",
    "EventOccurrence",
    "GeneratedActivity",
    "GeneratedPost",
    "Product",
    "SiteProfile",
    "activity_posts",
    "activity_stories",
    "aspect_ratio",
    "image_size",
    "plan_activities",
    "render_image",
    "story_frame_count",
    "story_frame_titles",
]

_HOMES: dict[str, str] = {
    "CAPTION_LIMITS": "tui_planner.api.channel_rules",
    "HASHTAG_LIMITS": "tui_planner.api.channel_rules",
    "TITLE_LIMITS": "tui_planner.api.channel_rules",
    "GeneratedActivity": ".activities",
    "plan_activities": ".activities",
    "CONTENT_KEYS": ".channels",
    "aspect_ratio": ".images",
    "image_size": ".images",
    "render_image": ".images",
    "EventOccurrence": ".occurrence",
    "GeneratedPost": ".posts",
    "activity_posts": ".posts",
    "DEMO_PROFILE": ".profile",
    "Product": ".profile",
    "SiteProfile": ".profile",
    "STORY_CHANNELS": ".stories",
    "activity_stories": ".stories",
    "story_frame_count": ".stories",
    "story_frame_titles": ".stories",
}
"""The module each public name lives in."""


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)

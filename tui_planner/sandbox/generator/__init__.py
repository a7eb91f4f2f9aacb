"""The sandbox's deterministic content generator: plans, post drafts, stories and images.

Everything here is a pure function of its inputs (site profile, settings, events, seed, dates
and generation count), so a sandbox run can be replayed exactly and tests can pin results.
"""

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

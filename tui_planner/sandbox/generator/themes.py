"""What an activity is about: the theme its title, description and posts are written around."""

from __future__ import annotations

import re
from enum import Enum

from tui_planner.api.models import MarketingActivityType

__all__ = ["EVENT_THEMES", "Theme", "theme_of"]


class Theme(Enum):
    """An activity's angle. The value starts the activity's key, so posts can recover it."""

    PRODUCT_SPOTLIGHT = "spotlight"
    BEHIND_THE_SCENES = "behind-the-scenes"
    CUSTOMER_STORY = "customer-story"
    HOW_TO = "tips"
    SEASONAL = "seasonal"
    OFFER = "offer"
    EVENT_LEAD_UP = "event-lead-up"
    EVENT_DAY = "event-day"
    EVENT_FOLLOW_UP = "event-follow-up"
    BLOG_LISTICLE = "blog-listicle"
    BLOG_GUIDE = "blog-guide"
    BLOG_STORY = "blog-story"
    EMAIL_NEWSLETTER = "email-newsletter"
    EMAIL_OFFER = "email-offer"

    @property
    def post_theme(self) -> Theme:
        """The theme whose post copy fits this activity (blog and email themes share theirs)."""
        if self in (Theme.BLOG_LISTICLE, Theme.BLOG_GUIDE, Theme.BLOG_STORY):
            return Theme.BLOG_GUIDE
        if self in (Theme.EMAIL_NEWSLETTER, Theme.EMAIL_OFFER):
            return Theme.EMAIL_NEWSLETTER
        return self


EVENT_THEMES = frozenset({Theme.EVENT_LEAD_UP, Theme.EVENT_DAY, Theme.EVENT_FOLLOW_UP})

# Longest values first so "event-lead-up-..." is not read as a shorter theme.
_BY_PREFIX = sorted(Theme, key=lambda theme: len(theme.value), reverse=True)

_TITLE_CLUES: tuple[tuple[str, Theme], ...] = (
    (r"\bnewsletter|\binbox\b", Theme.EMAIL_NEWSLETTER),
    (r"\b\d+\s+(?:ways|ideas|things|tips|reasons)\b", Theme.BLOG_LISTICLE),
    (r"\btips?\b|\bhow to\b|\bguide\b", Theme.HOW_TO),
    (r"\bsale\b|\b\d+%|\boffer\b|\bdeal\b|\bdiscount\b|\bfree\b", Theme.OFFER),
    (r"\bbehind\b|\bprocess\b|\bmaking of\b|\bstudio\b|\bworkshop\b", Theme.BEHIND_THE_SCENES),
    (r"\bcustomer\b|\breview\b|\bstory\b|\bmeet\b", Theme.CUSTOMER_STORY),
    (r"\blaunch\b|\bnew\b|\bspotlight\b|\bintroducing\b", Theme.PRODUCT_SPOTLIGHT),
    (r"\bspring\b|\bsummer\b|\bautumn\b|\bfall\b|\bwinter\b|\bholiday", Theme.SEASONAL),
)


def theme_of(key: str, title: str, activity_type: MarketingActivityType) -> Theme:
    """The theme of an activity: from its key when the generator made it, else from its title."""
    for theme in _BY_PREFIX:
        if key.startswith(theme.value + "-"):
            return theme
    lowered = title.lower()
    for pattern, theme in _TITLE_CLUES:
        if re.search(pattern, lowered):
            if activity_type == MarketingActivityType.BLOG and theme != Theme.BLOG_LISTICLE:
                return Theme.BLOG_GUIDE
            if activity_type == MarketingActivityType.EMAIL_MARKETING:
                return Theme.EMAIL_OFFER if theme == Theme.OFFER else Theme.EMAIL_NEWSLETTER
            return Theme.HOW_TO if theme == Theme.BLOG_LISTICLE else theme
    if activity_type == MarketingActivityType.BLOG:
        return Theme.BLOG_GUIDE
    if activity_type == MarketingActivityType.EMAIL_MARKETING:
        return Theme.EMAIL_NEWSLETTER
    return Theme.PRODUCT_SPOTLIGHT

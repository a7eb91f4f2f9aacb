"""Hashtags: made from the activity's material, most specific first, never an excluded topic."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from tui_planner.api.models import PlanGoal

from .brief import ContentBrief
from .slots import Material, season_of
from .themes import Theme

__all__ = ["hashtag", "tag_pool"]

_THEME_TAGS: dict[Theme, tuple[str, ...]] = {
    Theme.PRODUCT_SPOTLIGHT: ("handmade", "newarrivals", "madebyhand"),
    Theme.BEHIND_THE_SCENES: ("behindthescenes", "studiolife", "makersgonnamake"),
    Theme.CUSTOMER_STORY: ("customerlove", "happycustomers", "inthewild"),
    Theme.HOW_TO: ("tips", "howto", "goodtoknow"),
    Theme.SEASONAL: ("seasonal", "slowliving"),
    Theme.OFFER: ("treatyourself", "giftideas", "shopsmall"),
    Theme.EVENT_LEAD_UP: ("savethedate", "comingsoon", "localevents"),
    Theme.EVENT_DAY: ("happeningnow", "todayonly", "localevents"),
    Theme.EVENT_FOLLOW_UP: ("thankyou", "community", "eventrecap"),
    Theme.BLOG_GUIDE: ("newblogpost", "readmore", "guide"),
    Theme.EMAIL_NEWSLETTER: ("newsletter", "subscribersfirst"),
}

_GOAL_TAGS: dict[PlanGoal | None, tuple[str, ...]] = {
    PlanGoal.BOOST_SALES: ("shopsmall", "shoplocal"),
    PlanGoal.BRAND_AWARENESS: ("meetthemaker", "smallbusiness"),
    PlanGoal.DRIVE_TRAFFIC: ("linkinbio", "newonthesite"),
    PlanGoal.COLLECT_LEADS: ("joinus", "subscribe"),
    None: ("smallbusiness",),
}


@lru_cache(maxsize=1024)
def hashtag(phrase: str) -> str:
    """``phrase`` as a hashtag body: letters and digits only, lower case (``glazeexperiments``)."""
    return re.sub(r"[\W_]+", "", phrase).lower()


def tag_pool(brief: ContentBrief, theme: Theme, material: Material, day: date) -> list[str]:
    """Hashtag bodies for an activity, most specific first, each allowed by the topic filter."""
    season = season_of(day)
    candidates = [
        material.topic or "",
        material.event or "",
        material.product.name if material.product else "",
        *_THEME_TAGS[theme.post_theme],
        *brief.profile.default_hashtags,
        f"{season}{'vibes' if theme == Theme.SEASONAL else ''}",
        *_GOAL_TAGS[brief.goal],
        brief.profile.city,
        f"{brief.profile.city}local",
        brief.profile.category,
        f"shop{brief.profile.city}",
    ]
    pool: dict[str, None] = {}
    for candidate in candidates:
        tag = hashtag(candidate)
        if 2 < len(tag) <= 30 and not tag.isdigit() and brief.topic_filter.allows(tag):
            pool.setdefault(tag)
    return list(pool)

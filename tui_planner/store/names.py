"""What people call the plan's things: networks, activity types, one post in a line.

Plain words with no styling, shared by the screens, the command line and the exports, so a
post reads "Instagram · Tue 24 Nov · Black Friday teaser" wherever it is listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.api.models import ChannelName, ItemStatus, MarketingActivityType
from tui_planner.day_words import day_text

from .selectors import item, local_day

if TYPE_CHECKING:
    from datetime import tzinfo

    from tui_planner.api.models import PostItem

    from .state import PlannerState

__all__ = [
    "CHANNEL_LABELS",
    "MIN_TITLE_WIDTH",
    "TITLE_WIDTH",
    "TYPE_LABELS",
    "channel_label",
    "goes_live",
    "item_line",
    "post_label",
    "status_word",
    "type_label",
]

CHANNEL_LABELS: dict[ChannelName, str] = {
    ChannelName.FACEBOOK: "Facebook",
    ChannelName.INSTAGRAM: "Instagram",
    ChannelName.LINKEDIN: "LinkedIn",
    ChannelName.PINTEREST: "Pinterest",
    ChannelName.GBP: "Google Business",
    ChannelName.TIKTOK: "TikTok",
    ChannelName.TWITTER: "X",
    ChannelName.YOUTUBE: "YouTube",
}
"""What people call each network."""

TYPE_LABELS: dict[MarketingActivityType, str] = {
    MarketingActivityType.SOCIAL_MARKETING: "Social",
    MarketingActivityType.BLOG: "Blog",
    MarketingActivityType.EMAIL_MARKETING: "Email",
    MarketingActivityType.UNKNOWN: "Other",
}
"""What people call each activity type."""

TITLE_WIDTH = 40
"""Activity titles are cut to this many characters so each post keeps to one line."""
MIN_TITLE_WIDTH = 12
"""The fewest characters of a title a narrow line keeps (it wraps instead)."""


def channel_label(channel: ChannelName) -> str:
    """The network's name as people say it ("Google Business", "X")."""
    return CHANNEL_LABELS.get(channel, channel.value.replace("_", " ").title())


def type_label(activity_type: MarketingActivityType | None) -> str:
    """The word for an activity type (an unset type is social, as the plan's mostly are)."""
    if activity_type is None:
        return TYPE_LABELS[MarketingActivityType.SOCIAL_MARKETING]
    return TYPE_LABELS.get(activity_type, activity_type.value.replace("_", " ").title())


def post_label(entry: PostItem) -> str:
    """``"Instagram"`` for a feed post, ``"Instagram story"`` for a story."""
    kind = " story" if entry.is_story else ""
    return f"{channel_label(entry.channel.name)}{kind}"


def status_word(status: ItemStatus) -> str:
    """A post status as a word: ``draft``, ``scheduled``, ``in queue``."""
    return status.value.lower().replace("_", " ")


def item_line(state: PlannerState, item_id: str, tz: tzinfo, *, width: int | None = None) -> str:
    """``"Instagram · Tue 24 Nov · Black Friday teaser"`` for a post item.

    The title is cut to :data:`TITLE_WIDTH` characters, and further so the line keeps
    within ``width`` when one is given (down to :data:`MIN_TITLE_WIDTH`: past that the
    line is left to wrap rather than lose its title).
    """
    found = item(state, item_id)
    if found is None:
        return f"Post {item_id}"
    owner, entry = found
    head = f"{post_label(entry)} · {day_text(local_day(owner, tz))} · "
    room = TITLE_WIDTH if width is None else max(MIN_TITLE_WIDTH, width - len(head))
    title = owner.title or "Untitled activity"
    limit = min(TITLE_WIDTH, room)
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return head + title


def goes_live(state: PlannerState, item_id: str, tz: tzinfo) -> str:
    """When a scheduled post goes out, to follow its :func:`item_line`: the time alone on its
    activity's day (the line has the day already), else the day and time; empty if unknown."""
    found = item(state, item_id)
    when = found[1].scheduled_date if found else None
    if found is None or when is None:
        return ""
    local = when.astimezone(tz)
    if local.date() == local_day(found[0], tz):
        return f" — goes live at {local:%H:%M}"
    return f" — goes live {day_text(local)} {local:%H:%M}"

"""What the settings form calls things: tools, channels, intervals, goals, defaults, and
its text fields."""

from __future__ import annotations

from collections.abc import Iterable

from tui_planner.api.models import (
    ChannelName,
    FrequencyInterval,
    MarketingSettingsDefaults,
    MarketingTool,
    PlanGoal,
    PlanGoalOption,
)
from tui_planner.store.settings_draft import TOOL_LABELS

__all__ = [
    "CHANNEL_LABELS",
    "INTERVAL_LABELS",
    "TEXT_AREAS",
    "TEXT_INPUTS",
    "TOOL_LABELS",
    "default_frequency",
    "goal_label",
    "humanise",
    "lines_of",
]

CHANNEL_LABELS = {
    ChannelName.FACEBOOK: "Facebook",
    ChannelName.INSTAGRAM: "Instagram",
    ChannelName.LINKEDIN: "LinkedIn",
    ChannelName.PINTEREST: "Pinterest",
    ChannelName.GBP: "Google Business Profile",
    ChannelName.TIKTOK: "TikTok",
    ChannelName.TWITTER: "X (Twitter)",
}
INTERVAL_LABELS = {
    FrequencyInterval.WEEK: "per week",
    FrequencyInterval.MONTH: "per month",
    FrequencyInterval.YEAR: "per year",
}
TEXT_INPUTS = (
    "custom_goal",
    "tone_of_voice",
    "value_proposition",
    "target_audience",
    "business_goal",
)
TEXT_AREAS = ("topics_included", "topics_excluded", "content_guidelines", "image_guidelines")


def humanise(value: str) -> str:
    """``BOOST_SALES`` -> ``Boost sales``."""
    return value.replace("_", " ").capitalize()


def lines_of(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text``, stripped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def default_frequency(
    defaults: MarketingSettingsDefaults | None, tool: MarketingTool
) -> tuple[str, str] | None:
    """How often Wix posts with ``tool`` when the settings do not say: ("per week", "3")."""
    if defaults is None:
        return None
    frequency = defaults.frequency
    if defaults.overrides is not None:
        key = {
            MarketingTool.SOCIAL_MARKETING: defaults.overrides.social_marketing,
            MarketingTool.EMAIL_MARKETING: defaults.overrides.email_marketing,
            MarketingTool.BLOGS: defaults.overrides.blogs,
        }[tool]
        if key is not None and key.frequency is not None:
            frequency = key.frequency
    if frequency is None:
        return None
    return INTERVAL_LABELS.get(frequency.interval, frequency.interval.value), str(frequency.count)


def goal_label(goals: Iterable[PlanGoalOption], key: PlanGoal | None) -> str:
    """What the goal ``key`` is called: the API's label for it, else its name in words."""
    if key is None:
        return "none"
    for option in goals:
        if option.plan_goal_key == key and option.label:
            return option.label
    return humanise(key.value)

"""The Marketing Settings service's entity, options and bodies (§5)."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field

from .base import WireModel, WixDateTime
from .enums import ChannelName, FrequencyInterval, MarketingTool, PlanGoal, PointOfView

__all__ = [
    "BusinessProfile",
    "CalendarOption",
    "CalendarOptionsResponse",
    "CalendarSelection",
    "Frequency",
    "MarketingPlanGoal",
    "MarketingSettings",
    "MarketingSettingsDefaults",
    "MarketingSettingsDefaultsResponse",
    "MarketingSettingsResponse",
    "PlanGoalOption",
    "PlanGoalOptionsResponse",
    "PointOfViewOption",
    "PointOfViewOptionsResponse",
    "Settings",
    "SettingsOverrides",
    "ToolOverride",
    "Topics",
]


class MarketingPlanGoal(WireModel):
    """The goal: one of the offered keys, or free text in ``custom_goal``."""

    goal_key: PlanGoal | None = None
    custom_goal: str | None = None


class Topics(WireModel):
    """Content pillars: topics to focus on and topics never to mention."""

    included: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    core_topic: str | None = None


class BusinessProfile(WireModel):
    """What the business offers, to whom, and what it wants."""

    value_proposition: str | None = None
    target_audience: str | None = None
    business_goal: str | None = None


class CalendarSelection(WireModel):
    """Which calendars feed the plan (IDs from GetCalendarOptions)."""

    ids: tuple[str, ...] = ()


class Frequency(WireModel):
    """A posting cadence: ``count`` (1-30) per ``interval``."""

    interval: FrequencyInterval
    count: int


class Settings(WireModel):
    """Core preferences for all marketing tools (``marketingSettings.settings``)."""

    marketing_plan_goal: MarketingPlanGoal | None = None
    marketing_tools: tuple[MarketingTool, ...] | None = None
    social_channels: tuple[ChannelName, ...] | None = None
    topics: Topics | None = None
    tone_of_voice: str | None = None
    point_of_view: PointOfView | None = None
    business_profile: BusinessProfile | None = None
    calendar: CalendarSelection | None = None
    custom_content_guidelines: str | None = None
    image_guidelines: str | None = None
    image_generation_settings: dict[str, Any] | None = None
    frequency: Frequency | None = None
    # Site-derived and read-only: shown, never sent.
    language: str | None = None
    business_location: dict[str, Any] | None = None
    target_locations: tuple[Any, ...] | None = None


class ToolOverride(WireModel):
    """One marketing tool's overrides of the core settings."""

    frequency: Frequency | None = None


class SettingsOverrides(WireModel):
    """Per-tool overrides; unset fields inherit from :class:`Settings`."""

    social_marketing: ToolOverride | None = None
    email_marketing: ToolOverride | None = None
    blogs: ToolOverride | None = None


class MarketingSettings(WireModel):
    """The site's one settings record."""

    id: str | None = None
    created_at: WixDateTime | None = None
    updated_at: WixDateTime | None = None
    settings: Settings = Field(default_factory=Settings)
    overrides: SettingsOverrides | None = None


class MarketingSettingsResponse(WireModel):
    """``{ "marketingSettings": {...} }``."""

    marketing_settings: MarketingSettings = Field(default_factory=MarketingSettings)


class MarketingSettingsDefaults(WireModel):
    """What generation would use for a site without its own preferences (assumed shape)."""

    marketing_plan_goal: MarketingPlanGoal | None = None
    social_channels: tuple[ChannelName, ...] | None = None
    calendar: CalendarSelection | None = None
    frequency: Frequency | None = None
    overrides: SettingsOverrides | None = None


class MarketingSettingsDefaultsResponse(WireModel):
    """GetMarketingSettingsDefaults' response (``defaults`` or ``settings``, UNVERIFIED)."""

    defaults: MarketingSettingsDefaults = Field(
        default_factory=MarketingSettingsDefaults,
        validation_alias=AliasChoices("defaults", "settings", "marketingSettingsDefaults"),
    )


class PlanGoalOption(WireModel):
    """A selectable goal; ``label`` and ``description`` are read when the API sends them."""

    plan_goal_key: PlanGoal
    label: str | None = None
    description: str | None = None


class PlanGoalOptionsResponse(WireModel):
    """GetPlanGoalOptions' response."""

    options: tuple[PlanGoalOption, ...] = ()


class PointOfViewOption(WireModel):
    """A selectable point of view; its key is read as ``pointOfView`` or ``pointOfViewKey``
    (the contract saw only ``pointOf…``, UNVERIFIED)."""

    point_of_view: PointOfView = Field(
        validation_alias=AliasChoices("pointOfView", "pointOfViewKey", "point_of_view")
    )
    label: str | None = None
    description: str | None = None


class PointOfViewOptionsResponse(WireModel):
    """GetPointOfViewOptions' response."""

    options: tuple[PointOfViewOption, ...] = ()


class CalendarOption(WireModel):
    """A calendar the site can feed into the plan."""

    id: str
    name: str | None = None


class CalendarOptionsResponse(WireModel):
    """GetCalendarOptions' response."""

    options: tuple[CalendarOption, ...] = ()

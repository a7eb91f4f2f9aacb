"""Typed wire models for the Marketing Plan and Publisher contracts.

The names below are loaded on first use (PEP 562): the string enums and ``PLAN_CHANNELS`` come
from :mod:`.enums`, which imports nothing from pydantic, so code that only needs an enum does not
load the wire models and pydantic behind them (about 90 ms and 7 MiB at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .activities import (
        MarketingActivitiesResponse,
        MarketingActivity,
        MarketingActivityResponse,
    )
    from .base import WireModel, WixDateTime, format_wix_datetime
    from .enums import (
        PLAN_CHANNELS,
        ChannelName,
        FeatureType,
        FrequencyInterval,
        ItemStatus,
        ItemType,
        MarketingActivityType,
        MarketingTool,
        MediaType,
        OpenEnum,
        PlanGoal,
        PlanStatus,
        PointOfView,
        QuotaPeriod,
        RecurrenceFrequency,
        TokenStatus,
    )
    from .events import (
        CalendarEvent,
        CalendarEventResponse,
        CalendarEventsResponse,
        RecurringEventOccurrence,
        RecurringRule,
    )
    from .plan import (
        ActivityPosts,
        ActivityPostsResponse,
        ActivitySnapshotResponse,
        GenerationResponse,
        PlanMarketingActivity,
        ScheduleDraftsResponse,
        SocialMarketingPlan,
    )
    from .posts import (
        CONTENT_KEYS,
        Channel,
        Media,
        MediaWrapper,
        PostContent,
        PostItem,
        SchedulingInfo,
    )
    from .publisher import (
        Account,
        AccountsResponse,
        Feature,
        FeatureDataResponse,
        ItemResponse,
        QuotaInfo,
        TokenStatusResponse,
    )
    from .settings import (
        BusinessProfile,
        CalendarOption,
        CalendarOptionsResponse,
        CalendarSelection,
        Frequency,
        MarketingPlanGoal,
        MarketingSettings,
        MarketingSettingsDefaults,
        MarketingSettingsDefaultsResponse,
        MarketingSettingsResponse,
        PlanGoalOption,
        PlanGoalOptionsResponse,
        PointOfViewOption,
        PointOfViewOptionsResponse,
        Settings,
        SettingsOverrides,
        ToolOverride,
        Topics,
    )

__all__ = [
    "CONTENT_KEYS",
    "PLAN_CHANNELS",
    "Account",
    "AccountsResponse",
    "ActivityPosts",
    "ActivityPostsResponse",
    "ActivitySnapshotResponse",
    "BusinessProfile",
    "CalendarEvent",
    "CalendarEventResponse",
    "CalendarEventsResponse",
    "CalendarOption",
    "CalendarOptionsResponse",
    "CalendarSelection",
    "Channel",
    "ChannelName",
    "Feature",
    "FeatureDataResponse",
    "FeatureType",
    "Frequency",
    "FrequencyInterval",
    "GenerationResponse",
    "ItemResponse",
    "ItemStatus",
    "ItemType",
    "MarketingActivitiesResponse",
    "MarketingActivity",
    "MarketingActivityResponse",
    "MarketingActivityType",
    "MarketingPlanGoal",
    "MarketingSettings",
    "MarketingSettingsDefaults",
    "MarketingSettingsDefaultsResponse",
    "MarketingSettingsResponse",
    "MarketingTool",
    "Media",
    "MediaType",
    "MediaWrapper",
    "OpenEnum",
    "PlanGoal",
    "PlanGoalOption",
    "PlanGoalOptionsResponse",
    "PlanMarketingActivity",
    "PlanStatus",
    "PointOfView",
    "PointOfViewOption",
    "PointOfViewOptionsResponse",
    "PostContent",
    "PostItem",
    "QuotaInfo",
    "QuotaPeriod",
    "RecurrenceFrequency",
    "RecurringEventOccurrence",
    "RecurringRule",
    "ScheduleDraftsResponse",
    "SchedulingInfo",
    "Settings",
    "SettingsOverrides",
    "SocialMarketingPlan",
    "TokenStatus",
    "TokenStatusResponse",
    "ToolOverride",
    "Topics",
    "WireModel",
    "WixDateTime",
    "format_wix_datetime",
]

_HOMES: dict[str, str] = {
    **dict.fromkeys(
        ("MarketingActivitiesResponse", "MarketingActivity", "MarketingActivityResponse"),
        ".activities",
    ),
    **dict.fromkeys(("WireModel", "WixDateTime", "format_wix_datetime"), ".base"),
    **dict.fromkeys(
        (
            "PLAN_CHANNELS",
            "ChannelName",
            "FeatureType",
            "FrequencyInterval",
            "ItemStatus",
            "ItemType",
            "MarketingActivityType",
            "MarketingTool",
            "MediaType",
            "OpenEnum",
            "PlanGoal",
            "PlanStatus",
            "PointOfView",
            "QuotaPeriod",
            "RecurrenceFrequency",
            "TokenStatus",
        ),
        ".enums",
    ),
    **dict.fromkeys(
        (
            "CalendarEvent",
            "CalendarEventResponse",
            "CalendarEventsResponse",
            "RecurringEventOccurrence",
            "RecurringRule",
        ),
        ".events",
    ),
    **dict.fromkeys(
        (
            "ActivityPosts",
            "ActivityPostsResponse",
            "ActivitySnapshotResponse",
            "GenerationResponse",
            "PlanMarketingActivity",
            "ScheduleDraftsResponse",
            "SocialMarketingPlan",
        ),
        ".plan",
    ),
    **dict.fromkeys(
        (
            "CONTENT_KEYS",
            "Channel",
            "Media",
            "MediaWrapper",
            "PostContent",
            "PostItem",
            "SchedulingInfo",
        ),
        ".posts",
    ),
    **dict.fromkeys(
        (
            "Account",
            "AccountsResponse",
            "Feature",
            "FeatureDataResponse",
            "ItemResponse",
            "QuotaInfo",
            "TokenStatusResponse",
        ),
        ".publisher",
    ),
    **dict.fromkeys(
        (
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
        ),
        ".settings",
    ),
}
"""The submodule each public name lives in."""


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)

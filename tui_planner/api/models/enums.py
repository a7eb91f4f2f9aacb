"""Every enum of the contract, each tolerant of values it has not seen.

This module imports nothing from pydantic, so UI and store code that only needs an enum (through
``from tui_planner.api.models import ItemStatus``) does not pay for the wire models.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = [
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
]


class OpenEnum(StrEnum):
    """A string enum that keeps values it does not know instead of failing.

    Wix adds enum values without notice; an unknown value becomes a pseudo-member whose
    ``value`` and ``name`` are the string received, so it round-trips unchanged.
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if isinstance(value, str) and value:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            return member
        return None

    @property
    def is_known(self) -> bool:
        """Whether this value is one the app was built to understand."""
        return self._name_ in type(self).__members__


class PlanStatus(OpenEnum):
    """Where the site's plan is in its life (§2.1)."""

    NEVER_CREATED = "NEVER_CREATED"
    GENERATING = "GENERATING"
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    FAILED = "FAILED"


class MarketingActivityType(OpenEnum):
    """What kind of action an activity is (§3.1)."""

    UNKNOWN = "UNKNOWN"
    SOCIAL_MARKETING = "SOCIAL_MARKETING"
    EMAIL_MARKETING = "EMAIL_MARKETING"
    BLOG = "BLOG"


class ChannelName(OpenEnum):
    """A social network. The plan generates for the first seven; YOUTUBE is Publisher-only."""

    FACEBOOK = "FACEBOOK"
    INSTAGRAM = "INSTAGRAM"
    LINKEDIN = "LINKEDIN"
    PINTEREST = "PINTEREST"
    GBP = "GBP"
    TIKTOK = "TIKTOK"
    TWITTER = "TWITTER"
    YOUTUBE = "YOUTUBE"


PLAN_CHANNELS: tuple[ChannelName, ...] = (
    ChannelName.FACEBOOK,
    ChannelName.INSTAGRAM,
    ChannelName.LINKEDIN,
    ChannelName.PINTEREST,
    ChannelName.GBP,
    ChannelName.TIKTOK,
    ChannelName.TWITTER,
)
"""The channels plan generation writes posts for, in display order."""


class ItemType(OpenEnum):
    """The shape of a Publisher item."""

    POST = "POST"
    STORY = "STORY"
    REEL = "REEL"
    VIDEO = "VIDEO"
    SHORT = "SHORT"


class ItemStatus(OpenEnum):
    """A Publisher item's lifecycle status (publisher-and-post-lifecycle.md, A.2)."""

    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    PROCESSING = "PROCESSING"
    IN_QUEUE = "IN_QUEUE"
    PUBLISHED = "PUBLISHED"
    CANCELED = "CANCELED"
    FAILED = "FAILED"
    DELETED = "DELETED"


class MediaType(OpenEnum):
    """What a media entry holds."""

    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class PlanGoal(OpenEnum):
    """What the plan optimises for (§5.1)."""

    DRIVE_TRAFFIC = "DRIVE_TRAFFIC"
    BRAND_AWARENESS = "BRAND_AWARENESS"
    BOOST_SALES = "BOOST_SALES"
    COLLECT_LEADS = "COLLECT_LEADS"


class PointOfView(OpenEnum):
    """Whose voice captions are written in."""

    FIRST_PERSON = "FIRST_PERSON"
    SECOND_PERSON = "SECOND_PERSON"
    THIRD_PERSON = "THIRD_PERSON"


class MarketingTool(OpenEnum):
    """A marketing tool the plan may use."""

    SOCIAL_MARKETING = "SOCIAL_MARKETING"
    BLOGS = "BLOGS"
    EMAIL_MARKETING = "EMAIL_MARKETING"


class FrequencyInterval(OpenEnum):
    """The period a posting frequency counts over."""

    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"


class RecurrenceFrequency(OpenEnum):
    """How often a recurring calendar event repeats (UNVERIFIED field, §4.1)."""

    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"
    YEARLY = "YEARLY"


class TokenStatus(OpenEnum):
    """A channel's connection state in the Publisher."""

    VALID = "VALID"
    NEVER_CREATED = "NEVER_CREATED"
    DISCONNECTED = "DISCONNECTED"
    INVALID = "INVALID"


class FeatureType(OpenEnum):
    """A Publisher premium feature."""

    PUBLISH_POST = "PUBLISH_POST"
    SCHEDULE_POST = "SCHEDULE_POST"


class QuotaPeriod(OpenEnum):
    """The period a premium quota resets over."""

    NO_PERIOD = "NO_PERIOD"
    MILLISECOND = "MILLISECOND"
    SECOND = "SECOND"
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"

"""The Marketing Activities service's entity and bodies (§3)."""

from __future__ import annotations

from pydantic import AliasChoices, Field

from .base import WireModel, WixDateTime
from .enums import MarketingActivityType

__all__ = ["MarketingActivitiesResponse", "MarketingActivity", "MarketingActivityResponse"]


class MarketingActivity(WireModel):
    """An activity as the Marketing Activities service sees it (``id`` + ``targetDate``)."""

    id: str | None = None
    title: str | None = None
    description: str | None = None
    target_date: WixDateTime | None = None
    marketing_activity_type: MarketingActivityType | None = None


class MarketingActivityResponse(WireModel):
    """``{ "marketingActivity": {...} }``, the answer of create, get and update."""

    marketing_activity: MarketingActivity


class MarketingActivitiesResponse(WireModel):
    """QueryMarketingActivities' response (the key ``marketingActivities`` is UNVERIFIED;
    ``activities`` is read too). The service does not page, so ``pagingMetadata``, if sent,
    is not needed."""

    marketing_activities: tuple[MarketingActivity, ...] = Field(
        default=(),
        validation_alias=AliasChoices("marketingActivities", "activities", "marketing_activities"),
    )

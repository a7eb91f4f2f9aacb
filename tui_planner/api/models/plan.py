"""The plan read model and the Marketing Plan service's request and response bodies (§2)."""

from __future__ import annotations

from pydantic import Field

from .base import WireModel, WixDateTime
from .enums import MarketingActivityType, PlanStatus
from .posts import PostItem

__all__ = [
    "ActivityPosts",
    "ActivityPostsResponse",
    "ActivitySnapshotResponse",
    "GenerationResponse",
    "PlanMarketingActivity",
    "ScheduleDraftsResponse",
    "SocialMarketingPlan",
]


class PlanMarketingActivity(WireModel):
    """An activity as the plan returns it (``marketingActivityId`` + ``date``, §2.2).

    ``marketing_activity_type`` is not documented for this view (UNVERIFIED); it is read
    when present and otherwise left unset.
    """

    marketing_activity_id: str
    date: WixDateTime
    title: str = ""
    description: str = ""
    items: tuple[PostItem, ...] = ()
    marketing_activity_type: MarketingActivityType | None = None

    @property
    def id(self) -> str:
        """The activity's ID (the same one the Marketing Activities service uses)."""
        return self.marketing_activity_id

    @property
    def posts(self) -> tuple[PostItem, ...]:
        """The feed posts (not stories)."""
        return tuple(item for item in self.items if not item.is_story)

    @property
    def stories(self) -> tuple[PostItem, ...]:
        """The story drafts."""
        return tuple(item for item in self.items if item.is_story)


class SocialMarketingPlan(WireModel):
    """GetSocialMarketingPlan's response: the plan status and its activities."""

    status: PlanStatus = PlanStatus.NEVER_CREATED
    marketing_activities: tuple[PlanMarketingActivity, ...] = ()


class GenerationResponse(WireModel):
    """The answer of Generate / Regenerate / RegenerateWithKeywordResearch."""

    status: PlanStatus = PlanStatus.GENERATING


class ActivityPosts(WireModel):
    """One activity's post items, as GetMarketingActivityPosts returns them."""

    marketing_activity_id: str
    items: tuple[PostItem, ...] = ()


class ActivityPostsResponse(WireModel):
    """GetMarketingActivityPosts' response."""

    marketing_activities: tuple[ActivityPosts, ...] = ()


class ActivitySnapshotResponse(WireModel):
    """The transient snapshot the regenerate-posts methods answer with (UNVERIFIED shape)."""

    marketing_activity: ActivityPosts | None = None


class ScheduleDraftsResponse(WireModel):
    """ScheduleDrafts' response: only the items that were scheduled."""

    items: tuple[PostItem, ...] = Field(default=())

"""The plan read model and the Marketing Plan service's request and response bodies (§2)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from .base import WireModel, WixDateTime
from .enums import ItemType, MarketingActivityType, PlanStatus
from .posts import PostItem

__all__ = [
    "STORY_LIST_KEYS",
    "ActivityPosts",
    "ActivityPostsResponse",
    "ActivitySnapshotResponse",
    "GenerationResponse",
    "PlanMarketingActivity",
    "ScheduleDraftsResponse",
    "SocialMarketingPlan",
]

STORY_LIST_KEYS = ("storyDrafts", "stories", "storyItems", "storyPosts")
"""Names a separate list of story drafts may go by beside ``items`` (the contract leaves
how stories are represented UNVERIFIED, §2.3)."""


def _stories_into_items(data: Any) -> Any:
    """An activity's raw fields with any separate story list folded into ``items``.

    Stories may come as ``type: STORY`` items inside ``items`` or in a list of their own;
    either way the app finds them in ``items``. An entry of such a list without a ``type``
    is a story; one already in ``items`` (same id) is not repeated.
    """
    if not isinstance(data, dict) or not any(key in data for key in STORY_LIST_KEYS):
        return data
    fields = {key: value for key, value in data.items() if key not in STORY_LIST_KEYS}
    items = fields.get("items")
    items = list(items) if isinstance(items, list | tuple) else []
    seen = {entry.get("id") for entry in items if isinstance(entry, dict)}
    for key in STORY_LIST_KEYS:
        listed = data.get(key)
        if not isinstance(listed, list | tuple):
            continue
        for story in listed:
            if isinstance(story, dict):
                if story.get("id") in seen:
                    continue
                seen.add(story.get("id"))
                story = {"type": ItemType.STORY.value, **story}
            items.append(story)
    fields["items"] = items
    return fields


class PlanMarketingActivity(WireModel):
    """An activity as the plan returns it (``marketingActivityId`` + ``date``, §2.2).

    ``marketing_activity_type`` is not documented for this view (UNVERIFIED): it is read
    when present, and the sync engine fills it in from QueryMarketingActivities (§3.5), which
    documents it. ``items`` holds the posts and the stories, wherever the server listed them.
    """

    marketing_activity_id: str
    date: WixDateTime
    title: str = ""
    description: str = ""
    items: tuple[PostItem, ...] = ()
    marketing_activity_type: MarketingActivityType | None = None

    _stories_into_items = model_validator(mode="before")(_stories_into_items)

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
    """One activity's post items, as GetMarketingActivityPosts returns them.

    Story drafts listed apart from ``items`` (see :data:`STORY_LIST_KEYS`) are read into it.
    """

    marketing_activity_id: str
    items: tuple[PostItem, ...] = ()

    _stories_into_items = model_validator(mode="before")(_stories_into_items)


class ActivityPostsResponse(WireModel):
    """GetMarketingActivityPosts' response."""

    marketing_activities: tuple[ActivityPosts, ...] = ()


class ActivitySnapshotResponse(WireModel):
    """The transient snapshot the regenerate-posts methods answer with (UNVERIFIED shape)."""

    marketing_activity: ActivityPosts | None = None


class ScheduleDraftsResponse(WireModel):
    """ScheduleDrafts' response: only the items that were scheduled."""

    items: tuple[PostItem, ...] = Field(default=())

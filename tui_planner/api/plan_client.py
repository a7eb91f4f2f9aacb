"""The Marketing Plan API client: all 30 methods of marketing-plan-api.md §1.1.

The plan and post methods (§2) live here; the activity, event and settings services (§3-5)
are mixed in from their own modules.

One async method per contract method, named after it in snake_case. Paths, bodies and query
parameters follow the contract's examples to the letter; where the contract is UNVERIFIED the
likeliest form it gives is sent. Date-times go out as ``2026-07-08T09:00:00.000Z`` strings.
Which calls may be retried is decided per method (see :mod:`tui_planner.api.transport`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .activity_calls import ActivityCalls
from .event_calls import EventCalls
from .id_lists import chunked_ids
from .models import (
    ActivityPosts,
    ActivityPostsResponse,
    ActivitySnapshotResponse,
    GenerationResponse,
    PlanStatus,
    PostItem,
    ScheduleDraftsResponse,
    SocialMarketingPlan,
    format_wix_datetime,
)
from .settings_calls import SettingsCalls
from .transport import Replay

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = ["MarketingPlanClient"]


class MarketingPlanClient(ActivityCalls, EventCalls, SettingsCalls):
    """Typed async client for ``/promote/marketing-plan-service/v1``.

    Covers the four services of the Marketing Plan API: the plan and its posts (here), marketing
    activities (:class:`ActivityCalls`), calendar events (:class:`EventCalls`) and marketing
    settings (:class:`SettingsCalls`). Failures raise
    :class:`~tui_planner.api.errors.ApiError` subclasses; bad arguments raise ``ValueError``
    before anything is sent.
    """

    prefix: ClassVar[str] = "/promote/marketing-plan-service/v1"

    # -- Plan lifecycle (§2.4, §2.5) -------------------------------------------------------

    async def generate_marketing_plan(self) -> PlanStatus:
        """Start generating the site's plan; answers at once with ``GENERATING``."""
        return await self._generation(
            "/marketing-plan/generate-marketing-plan", "GenerateMarketingPlan"
        )

    async def regenerate_marketing_plan(self) -> PlanStatus:
        """Rebuild the upcoming activities (428 ``PLAN_ALREADY_GENERATING_ERROR`` if busy)."""
        return await self._generation(
            "/marketing-plan/regenerate-marketing-plan", "RegenerateMarketingPlan"
        )

    async def regenerate_marketing_plan_with_keyword_research(self) -> PlanStatus:
        """Refresh SEO keyword research, then regenerate unless a generation is running."""
        return await self._generation(
            "/marketing-plan/regenerate-marketing-plan-with-keyword-research",
            "RegenerateMarketingPlanWithKeywordResearch",
        )

    async def get_social_marketing_plan(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> SocialMarketingPlan:
        """The plan's status and its activities in ``[start, end]`` (the polling endpoint)."""
        params: list[tuple[str, str]] = []
        if start is not None:
            params.append(("timeframe.startDate", format_wix_datetime(start)))
        if end is not None:
            params.append(("timeframe.endDate", format_wix_datetime(end)))
        return await self._transport.fetch(
            SocialMarketingPlan,
            "GET",
            "/marketing-plan",
            operation="GetSocialMarketingPlan",
            replay=Replay.SAFE,
            params=params,
        )

    async def delete_marketing_plan(self) -> None:
        """Delete the plan and all of its activities."""
        await self._transport.call(
            "DELETE", "/marketing-plan", operation="DeleteMarketingPlan", replay=Replay.SAFE
        )

    async def delete_plan_marketing_activity(self, activity_id: str) -> None:
        """Delete one activity from the plan."""
        await self._transport.call(
            "DELETE",
            "/marketing-plan/plan-marketing-activity",
            operation="DeletePlanMarketingActivity",
            replay=Replay.SAFE,
            params={"id": activity_id},
        )

    # -- Posts (§2.6) ------------------------------------------------------------------------

    async def generate_social_posts(self, activity_ids: Iterable[str]) -> None:
        """Start generating post drafts for the activities, 20 per request."""
        for chunk in chunked_ids(activity_ids):
            await self._transport.call(
                "POST",
                "/marketing-plan/generate-social-posts",
                operation="GenerateSocialPosts",
                replay=Replay.ONCE,
                body={"marketingActivityIds": list(chunk)},
            )

    async def get_marketing_activity_posts(
        self, activity_ids: Iterable[str]
    ) -> ActivityPostsResponse:
        """The post drafts of the activities, fetched 20 at a time and merged in order."""
        merged: list[ActivityPosts] = []
        for chunk in chunked_ids(activity_ids):
            answer = await self._transport.fetch(
                ActivityPostsResponse,
                "POST",
                "/marketing-activity-posts",
                operation="GetMarketingActivityPosts",
                replay=Replay.SAFE,
                body={"marketingActivityIds": list(chunk)},
            )
            merged.extend(answer.marketing_activities)
        return ActivityPostsResponse(marketing_activities=tuple(merged))

    async def schedule_drafts(self, draft_ids: Iterable[str]) -> ScheduleDraftsResponse:
        """Hand drafts to the Publisher, 20 per request; the answer lists only those scheduled.

        Drafts that are not ``DRAFT`` or whose channel is not connected are skipped silently by
        the server, so compare the answer with what was sent.
        """
        scheduled: list[PostItem] = []
        for chunk in chunked_ids(draft_ids):
            answer = await self._transport.fetch(
                ScheduleDraftsResponse,
                "POST",
                "/marketing-plan/schedule-drafts",
                operation="ScheduleDrafts",
                replay=Replay.ONCE,
                body={"draftIds": list(chunk)},
            )
            scheduled.extend(answer.items)
        return ScheduleDraftsResponse(items=tuple(scheduled))

    # -- One activity's posts and stories (§2.7) -------------------------------------------

    async def regenerate_marketing_activity_posts(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        """New image and captions (async); answers with a transient snapshot."""
        return await self._activity_action(
            "POST",
            "/marketing-plan/regenerate-marketing-activity-posts",
            "RegenerateMarketingActivityPosts",
            {"marketingActivityId": activity_id},
        )

    async def regenerate_marketing_activity_posts_media(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        """A new image only, captions kept (async)."""
        return await self._activity_action(
            "POST",
            "/marketing-plan/regenerate-marketing-activity-posts-media",
            "RegenerateMarketingActivityPostsMedia",
            {"marketingActivityId": activity_id},
        )

    async def update_marketing_activity_posts_media(
        self, activity_id: str, media_url: str
    ) -> ActivitySnapshotResponse:
        """Set the posts' media to ``media_url``, captions kept."""
        return await self._activity_action(
            "PATCH",
            "/marketing-plan/update-marketing-activity-posts-media",
            "UpdateMarketingActivityPostsMedia",
            {"marketingActivityId": activity_id, "mediaUrl": media_url},
        )

    async def clear_marketing_activity_posts(self, activity_id: str) -> None:
        """Remove all social posts from the activity."""
        await self._transport.call(
            "PATCH",
            "/marketing-plan/clear-marketing-activity-posts",
            operation="ClearMarketingActivityPosts",
            replay=Replay.ONCE,
            body={"marketingActivityId": activity_id},
        )

    async def regenerate_marketing_activity_stories(
        self, activity_id: str
    ) -> ActivitySnapshotResponse:
        """Regenerate the activity's story drafts (never creates an unplanned story)."""
        return await self._activity_action(
            "POST",
            "/marketing-plan/regenerate-marketing-activity-stories",
            "RegenerateMarketingActivityStories",
            {"marketingActivityId": activity_id},
        )

    async def update_marketing_activity_stories_media(
        self, activity_id: str, media_url: str, media_index: int | None = None
    ) -> ActivitySnapshotResponse:
        """Replace one story frame (``media_index``) or, without it, the whole story."""
        body: dict[str, Any] = {"marketingActivityId": activity_id, "mediaUrl": media_url}
        if media_index is not None:
            body["mediaIndex"] = media_index
        return await self._activity_action(
            "PATCH",
            "/marketing-plan/update-marketing-activity-stories-media",
            "UpdateMarketingActivityStoriesMedia",
            body,
        )

    async def clear_marketing_activity_stories(self, activity_id: str) -> None:
        """Remove the activity's story drafts (scheduled or published stories stay)."""
        await self._transport.call(
            "PATCH",
            "/marketing-plan/clear-marketing-activity-stories",
            operation="ClearMarketingActivityStories",
            replay=Replay.ONCE,
            body={"marketingActivityId": activity_id},
        )

    # -- Shared shapes -----------------------------------------------------------------------

    async def _generation(self, path: str, operation: str) -> PlanStatus:
        answer = await self._transport.fetch(
            GenerationResponse, "POST", path, operation=operation, replay=Replay.ONCE, body={}
        )
        return answer.status

    async def _activity_action(
        self, method: str, path: str, operation: str, body: dict[str, Any]
    ) -> ActivitySnapshotResponse:
        return await self._transport.fetch(
            ActivitySnapshotResponse,
            method,
            path,
            operation=operation,
            replay=Replay.ONCE,
            body=body,
        )

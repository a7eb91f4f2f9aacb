"""The Marketing Activities service's calls (marketing-plan-api.md §3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .field_mask import join_mask, normalise_paths, pick_paths
from .id_lists import unique_ids
from .models import (
    MarketingActivitiesResponse,
    MarketingActivity,
    MarketingActivityResponse,
    MarketingActivityType,
    format_wix_datetime,
)
from .transport import Replay, ServiceClient, path_segment

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime

__all__ = ["ACTIVITY_UPDATABLE_FIELDS", "ActivityCalls"]

ACTIVITY_UPDATABLE_FIELDS = ("title", "description", "targetDate")
"""The only paths UpdateMarketingActivity's fieldMask may name (§3.4)."""


class ActivityCalls(ServiceClient):
    """Get, query, create and update individual marketing activities.

    Mixed into :class:`~tui_planner.api.MarketingPlanClient`, which sets the service root.
    """

    async def create_marketing_activity(self, activity: MarketingActivity) -> MarketingActivity:
        """Create an activity (title, description, target date and type are all required)."""
        wire = activity.to_wire()
        wire.pop("id", None)
        answer = await self._transport.fetch(
            MarketingActivityResponse,
            "POST",
            "/items",
            operation="CreateMarketingActivity",
            replay=Replay.ONCE,
            body={"marketingActivity": wire},
        )
        return answer.marketing_activity

    async def get_marketing_activity(self, activity_id: str) -> MarketingActivity:
        """One activity by ID."""
        answer = await self._transport.fetch(
            MarketingActivityResponse,
            "GET",
            "/marketing-activity",
            operation="GetMarketingActivity",
            replay=Replay.SAFE,
            params={"marketingActivityId": activity_id},
        )
        return answer.marketing_activity

    async def update_marketing_activity(
        self, activity: MarketingActivity, field_mask: Sequence[str]
    ) -> MarketingActivity:
        """Change the masked fields (only title, description, targetDate) of an activity.

        A masked field that is unset on ``activity`` is sent as ``null``.
        """
        if not activity.id:
            raise ValueError("An activity needs its ID to be updated")
        mask = normalise_paths(field_mask)
        if not mask:
            raise ValueError("Name at least one field to update")
        refused = [path for path in mask if path not in ACTIVITY_UPDATABLE_FIELDS]
        if refused:
            raise ValueError(
                f"Only title, description and targetDate can be updated, not {', '.join(refused)}"
            )
        body = {
            "marketingActivity": {"id": activity.id, **pick_paths(activity.to_wire(), mask)},
            "fieldMask": join_mask(mask),
        }
        answer = await self._transport.fetch(
            MarketingActivityResponse,
            "PATCH",
            f"/items/{path_segment(activity.id)}",
            operation="UpdateMarketingActivity",
            replay=Replay.ONCE,
            body=body,
        )
        return answer.marketing_activity

    async def query_marketing_activities(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        activity_type: MarketingActivityType | None = None,
        ids: Iterable[str] | None = None,
    ) -> tuple[MarketingActivity, ...]:
        """Activities by date range and type, or by IDs (never both), sorted by target date."""
        query_filter: dict[str, Any] = {}
        if start is not None:
            query_filter["startDate"] = format_wix_datetime(start)
        if end is not None:
            query_filter["endDate"] = format_wix_datetime(end)
        if activity_type is not None:
            query_filter["marketingActivityType"] = activity_type.value
        if ids is not None:
            if query_filter:
                raise ValueError("Query activities by IDs or by dates and type, not both")
            unique = unique_ids(ids)
            if not unique:
                return ()
            query_filter["ids"] = list(unique)
        answer = await self._transport.fetch(
            MarketingActivitiesResponse,
            "POST",
            "/marketing-activities/query",
            operation="QueryMarketingActivities",
            replay=Replay.SAFE,
            body={"query": {"filter": query_filter}},
        )
        return answer.marketing_activities

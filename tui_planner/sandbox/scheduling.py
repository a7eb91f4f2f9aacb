"""ScheduleDrafts (§2.6): drafts handed to the Publisher, premium-gated, skipping silently.

Each scheduled draft goes live at its activity's date, or an hour from now when that date has
passed (the contract leaves the time UNVERIFIED); ``schedule_lead_seconds`` (a rehearsal
switch) schedules every draft that many seconds from now instead.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tui_planner.api.models import ChannelName, ItemStatus

from .activity_store import find_activity
from .context import ApiRequest, SandboxContext
from .errors import failed_precondition
from .item_store import find_item, item_wire, update_item
from .request_input import id_list

__all__ = ["TWITTER_SUNSET", "schedule_drafts"]

TWITTER_SUNSET = datetime(2026, 8, 1, tzinfo=UTC)
"""X stops working after 31 July 2026: its drafts dated from this moment are not scheduled."""

_PAST_DATE_DELAY = timedelta(hours=1)


def schedule_drafts(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """Schedule 1-20 drafts; answer with only the items that were scheduled."""
    draft_ids = id_list(request.body, "draftIds")
    if not ctx.options.premium:
        raise failed_precondition(
            "The site's plan does not include the schedule-posts premium feature",
            "INELIGIBLE_FOR_FEATURE",
        )
    scheduled = []
    for draft_id in draft_ids:
        item = find_item(ctx.conn, draft_id)
        if (
            item is None
            or item.activity_id is None  # made on the dashboard: not a plan draft
            or item.status != ItemStatus.DRAFT
            or not ctx.is_connected(item.channel)
        ):
            continue
        activity = find_activity(ctx.conn, item.activity_id)
        when = activity.target_date if activity is not None else ctx.now
        lead = ctx.options.schedule_lead_seconds
        if lead is not None:
            when = ctx.now + timedelta(seconds=lead)
        elif when <= ctx.now:
            when = ctx.now + _PAST_DATE_DELAY
        if item.channel == ChannelName.TWITTER and when >= TWITTER_SUNSET:
            continue
        item.status = ItemStatus.SCHEDULED
        item.scheduled_date = when
        update_item(ctx.conn, item)
        scheduled.append(item_wire(item, ctx))
    return {"items": scheduled}

"""How the commands show the plan: lines for people, plain objects for ``--json``.

The JSON objects are the commands' documented, stable shapes (camelCase like the API; times
as the API writes them, UTC with ``Z``; ``day`` is the day in the user's zone):

- a post: ``{"id", "activityId", "channel", "kind", "status", "scheduledDate", "caption",
  "imageUrl", "connected"}`` (``scheduledDate`` and ``imageUrl`` may be ``null``);
- an activity: ``{"id", "title", "description", "type", "date", "day", "posts": [post]}``.

New keys may be added; none is renamed or removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_planner.api.models import ItemStatus
from tui_planner.api.models.base import format_wix_datetime
from tui_planner.day_words import day_text
from tui_planner.store.names import post_label, status_word, type_label
from tui_planner.store.selectors import local_day
from tui_planner.zone import to_local

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from tui_planner.api.models import PlanMarketingActivity, PostItem
    from tui_planner.store.state import PlannerState

__all__ = [
    "activity_heading",
    "activity_json",
    "day_heading",
    "post_json",
    "post_row",
    "wall_time",
]


def wall_time(when: datetime, tz: tzinfo) -> str:
    """``"Wed 25 Nov 10:00"`` in ``tz``."""
    local = to_local(when, tz)
    return f"{day_text(local)} {local:%H:%M}"


def day_heading(activity: PlanMarketingActivity, tz: tzinfo) -> str:
    """``"Wed 25 Nov 2026"``: the activity's day in ``tz``."""
    return day_text(local_day(activity, tz), year=True)


def activity_heading(activity: PlanMarketingActivity, tz: tzinfo) -> str:
    """``"10:00  Social  Black Friday teaser  [act-launch]"``."""
    at = f"{to_local(activity.date, tz):%H:%M}"
    kind = type_label(activity.marketing_activity_type)
    title = activity.title or "Untitled activity"
    return f"{at}  {kind:<6}  {title}  [{activity.id}]"


def post_row(entry: PostItem, state: PlannerState, tz: tzinfo) -> str:
    """``"Facebook    scheduled  for Wed 25 Nov 10:00  [fb-1]"``."""
    status = status_word(entry.status)
    when = entry.scheduled_date
    if when is not None and entry.status != ItemStatus.DRAFT:
        status += f" for {wall_time(when, tz)}"
    elif entry.status == ItemStatus.DRAFT and not state.is_connected(entry.channel.name):
        status += " (channel not connected)"
    return f"{post_label(entry):<22}{status}  [{entry.id}]"


def post_json(
    entry: PostItem, activity: PlanMarketingActivity, state: PlannerState
) -> dict[str, Any]:
    """One post as ``--json`` shows it (see the module's docstring)."""
    when = entry.scheduled_date
    return {
        "id": entry.id,
        "activityId": activity.id,
        "channel": entry.channel.name.value,
        "kind": entry.type.value,
        "status": entry.status.value,
        "scheduledDate": format_wix_datetime(when) if when is not None else None,
        "caption": entry.text,
        "imageUrl": entry.image,
        "connected": state.is_connected(entry.channel.name),
    }


def activity_json(
    activity: PlanMarketingActivity, state: PlannerState, tz: tzinfo
) -> dict[str, Any]:
    """One activity with its posts as ``--json`` shows it (see the module's docstring)."""
    kind = activity.marketing_activity_type
    return {
        "id": activity.id,
        "title": activity.title,
        "description": activity.description,
        "type": kind.value if kind is not None else None,
        "date": format_wix_datetime(activity.date),
        "day": local_day(activity, tz).isoformat(),
        "posts": [post_json(entry, activity, state) for entry in activity.items],
    }

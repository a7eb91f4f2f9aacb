"""Which drafts a command means: by activity, by id, by channel, by day, connected or all.

``planner-tui drafts`` lists them and ``planner-tui schedule`` schedules them, so both read
the same flags the same way. Ids the plan does not have are bad input (exit 2), named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.api.models import ChannelName
from tui_planner.store import selectors

from .console import EXIT_USAGE, CommandError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from tui_planner.api.models import PlanMarketingActivity, PostItem
    from tui_planner.store.state import PlannerState

    from .dates import DayRange

__all__ = ["check_activities", "check_posts", "drafts_chosen"]

Draft = tuple["PlanMarketingActivity", "PostItem"]


def check_activities(state: PlannerState, activity_ids: Sequence[str]) -> None:
    """Refuse (exit 2) activity ids the plan does not have, naming them."""
    unknown = [key for key in dict.fromkeys(activity_ids) if key not in state.activities]
    if unknown:
        raise CommandError(_not_in_plan("activity", "activities", unknown), EXIT_USAGE)


def drafts_chosen(
    state: PlannerState,
    tz: tzinfo,
    *,
    days: DayRange,
    activity_ids: Sequence[str] = (),
    channel: ChannelName | None = None,
    connected_only: bool = False,
) -> list[Draft]:
    """The drafts of the plan the flags choose, in plan order (by activity date).

    ``activity_ids`` keeps those activities' drafts (checked first: unknown ids exit 2).
    """
    check_activities(state, activity_ids)
    found = selectors.drafts(
        state,
        channel=channel,
        connected_only=connected_only,
        start=days.start,
        end=days.end,
        tz=tz,
    )
    if activity_ids:
        wanted = set(activity_ids)
        found = tuple(pair for pair in found if pair[0].id in wanted)
    return list(found)


def check_posts(state: PlannerState, item_ids: Sequence[str]) -> None:
    """Refuse (exit 2) post ids the plan does not have, naming them."""
    unknown = [key for key in dict.fromkeys(item_ids) if selectors.item(state, key) is None]
    if unknown:
        raise CommandError(_not_in_plan("post", "posts", unknown), EXIT_USAGE)


def _not_in_plan(noun: str, nouns: str, unknown: Sequence[str]) -> str:
    listed = ", ".join(unknown)
    if len(unknown) == 1:
        return f"The plan has no {noun} {listed}; `planner-tui plan` lists them with their ids."
    return f"The plan has no {nouns} {listed}; `planner-tui plan` lists them with their ids."

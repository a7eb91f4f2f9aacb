"""What the plan view leaves out, read from the calls that document it.

GetSocialMarketingPlan documents an activity's id, date, title, description and post
``items`` (§2.2); its type and its story drafts are UNVERIFIED there. So the engine reads them
where the contract does document them: each activity's ``marketingActivityType`` from
QueryMarketingActivities over the plan period (§3.5), and story drafts from
GetMarketingActivityPosts (§2.6), whose items the client has already gathered whether the
server lists stories in ``items`` or apart. :class:`PlanDetails` lays what was read onto every
later plan answer and remembers what it was read for, so a poll that changed nothing reads
nothing (the idle budget stays two requests a minute).

- Types are read again when an activity appears or its date changes. A type the plan
  itself sends is kept; an activity's type never changes (UpdateMarketingActivity cannot
  change it), so the last known one carries over until the next read.
- Stories: once any plan answer lists a story in ``items`` the plan is trusted for them.
  Until then an activity's stories are read when its posts change (an activity without posts
  has no drafts to read), and carried over from the last snapshot in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .reconcile import with_activities

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping
    from datetime import datetime

    from tui_planner.api.models import (
        MarketingActivity,
        MarketingActivityType,
        PlanMarketingActivity,
        PostItem,
    )

__all__ = ["PlanDetails", "Signature", "signature"]

Signature = frozenset[tuple[str, "datetime"]]
"""The ids and dates of a plan's activities: what the types were read for."""


def signature(activities: Mapping[str, PlanMarketingActivity]) -> Signature:
    """The ids and dates of ``activities``."""
    return frozenset((activity.id, activity.date) for activity in activities.values())


def _posts(activity: PlanMarketingActivity) -> tuple[PostItem, ...]:
    return tuple(item for item in activity.items if not item.is_story)


@dataclass
class PlanDetails:
    """The types and stories read beside the plan, and what they were read for."""

    types: dict[str, MarketingActivityType] = field(default_factory=dict)
    """Each activity's type, by activity id, as QueryMarketingActivities answered."""
    types_read_for: Signature | None = None
    """The activities the last types query covered (``None``: never queried)."""
    plan_lists_stories: bool = False
    """Whether the plan answers list stories in ``items`` (seen once, trusted since)."""
    stories_read_for: dict[str, tuple[PostItem, ...]] = field(default_factory=dict)
    """Each activity's posts as they were when its stories were last read."""

    def forget(self) -> None:
        """Read everything again at the next chance (a full sync)."""
        self.types_read_for = None
        self.stories_read_for.clear()

    # -- laying details onto a plan answer ----------------------------------------------------

    def note_plan(self, incoming: Iterable[PlanMarketingActivity]) -> None:
        """Learn from a plan answer whether the plan lists stories itself."""
        if not self.plan_lists_stories:
            self.plan_lists_stories = any(
                item.is_story for activity in incoming for item in activity.items
            )

    def with_details(
        self,
        incoming: Iterable[PlanMarketingActivity],
        previous: Mapping[str, PlanMarketingActivity],
    ) -> list[PlanMarketingActivity]:
        """The plan's activities with the types and stories known for them.

        ``previous`` is the last server truth; an activity the plan sends unchanged comes out
        equal to its previous version, so reconciliation keeps that object.
        """
        detailed: list[PlanMarketingActivity] = []
        for activity in incoming:
            old = previous.get(activity.id)
            update: dict[str, object] = {}
            if activity.marketing_activity_type is None:
                known = self.types.get(activity.id) or (
                    old.marketing_activity_type if old is not None else None
                )
                if known is not None:
                    update["marketing_activity_type"] = known
            if not self.plan_lists_stories and old is not None:
                stories = old.stories
                if stories:
                    update["items"] = (*activity.items, *stories)
            detailed.append(activity.model_copy(update=update) if update else activity)
        return detailed

    # -- activity types --------------------------------------------------------------------------

    def types_due(self, plan: Signature) -> bool:
        """Whether an activity appeared or moved since the types were read (one that went
        away needs no read); ``plan`` is the plan's :func:`signature`."""
        if not plan:
            return False
        return self.types_read_for is None or not plan <= self.types_read_for

    def missing_types(
        self, activities: Mapping[str, PlanMarketingActivity], found: Iterable[MarketingActivity]
    ) -> list[str]:
        """The activities a date-range query did not answer for."""
        answered = {activity.id for activity in found}
        return [key for key in activities if key not in answered]

    def learn_types(self, found: Iterable[MarketingActivity], read_for: Signature) -> None:
        """Remember the types QueryMarketingActivities answered for ``read_for``."""
        for activity in found:
            if activity.id and activity.marketing_activity_type is not None:
                self.types[activity.id] = activity.marketing_activity_type
        self.types_read_for = read_for

    def with_types(
        self, activities: Mapping[str, PlanMarketingActivity]
    ) -> Mapping[str, PlanMarketingActivity]:
        """``activities`` with each known type set (the same mapping when none changed)."""
        typed = [
            activity.model_copy(update={"marketing_activity_type": known})
            for key, activity in activities.items()
            if (known := self.types.get(key)) is not None
            and activity.marketing_activity_type != known
        ]
        return with_activities(activities, typed) if typed else activities

    # -- stories -----------------------------------------------------------------------------

    def stories_due(
        self, activities: Mapping[str, PlanMarketingActivity], skip: Collection[str] = ()
    ) -> tuple[str, ...]:
        """Activities whose stories should be read: posts changed since the last read."""
        if self.plan_lists_stories:
            return ()
        due: list[str] = []
        for key, activity in activities.items():
            if key in skip:
                continue
            posts = _posts(activity)
            if posts and self.stories_read_for.get(key) != posts:
                due.append(key)
        return tuple(due)

    def stories_read(
        self, activities: Mapping[str, PlanMarketingActivity], activity_ids: Iterable[str]
    ) -> None:
        """Note that the activities' stories were just read (as they now stand)."""
        for key in activity_ids:
            activity = activities.get(key)
            if activity is not None:
                self.stories_read_for[key] = _posts(activity)

"""What a regeneration will throw away, and what it changed: the confirmation and the summary.

Before: :func:`regeneration_risk` and :func:`deletion_risk` count what a regeneration (which
replaces the upcoming activities and keeps the past, §2.1) or deleting the plan would lose,
posts scheduled on them and activities the user edited by hand, so the confirmation can name
them. After: :func:`summarise_plan_change` compares the plans, scheduled posts removed
included. Pure: no Textual, no clock reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from tui_planner.api.models import ItemStatus, PlanMarketingActivity
from tui_planner.words import plural

__all__ = [
    "PlanChange",
    "PlanRisk",
    "deletion_risk",
    "regeneration_risk",
    "scheduled_posts",
    "summarise_plan_change",
]

_WAITING = frozenset({ItemStatus.SCHEDULED, ItemStatus.IN_QUEUE})
"""Posts waiting to go out: the ones a regeneration or deletion stops from going out."""


def scheduled_posts(activities: Iterable[PlanMarketingActivity]) -> int:
    """How many posts (and stories) on ``activities`` are scheduled and not yet out."""
    return sum(entry.status in _WAITING for a in activities for entry in a.items)


@dataclass(frozen=True, slots=True)
class PlanRisk:
    """What a regeneration or a deletion would throw away, counted from the plan as shown."""

    activities: int
    """The activities it replaces or deletes."""
    scheduled_posts: int
    """Posts on those activities that are scheduled and have not gone out."""
    edited: int
    """Those activities the user changed by hand (title, description, date, own image)."""
    known: bool = True
    """False when the plan shows no activities to count (an INACTIVE plan shows none)."""

    @property
    def at_stake(self) -> bool:
        """Whether scheduled posts or hand edits would be lost (or cannot be counted)."""
        return not self.known or bool(self.scheduled_posts or self.edited)

    def losses(self) -> str:
        """The sentence naming what would be lost, counts first."""
        if not self.known:
            return (
                "An inactive plan shows no activities, so what would be lost cannot be "
                "counted: posts scheduled on upcoming activities and your edits go with them."
            )
        lost = [
            f"{plural(self.scheduled_posts, 'scheduled post')} (they will not go out)"
            if self.scheduled_posts
            else "",
            f"{plural(self.edited, 'activity', 'activities')} you edited" if self.edited else "",
        ]
        named = [part for part in lost if part]
        if not named:
            return "None of them has a scheduled post or your edits."
        return f"Lost with them: {' and '.join(named)}."


def regeneration_risk(
    activities: Mapping[str, PlanMarketingActivity],
    today: date,
    tz: tzinfo,
    edited: frozenset[str],
    *,
    readable: bool = True,
) -> PlanRisk:
    """What regenerating would replace: the activities from ``today`` on (in ``tz``); the
    past ones stay. ``readable`` is False when the plan cannot show its activities."""
    upcoming = [a for a in activities.values() if a.date.astimezone(tz).date() >= today]
    return PlanRisk(
        activities=len(upcoming),
        scheduled_posts=scheduled_posts(upcoming),
        edited=sum(a.id in edited for a in upcoming),
        known=readable,
    )


def deletion_risk(
    activities: Mapping[str, PlanMarketingActivity], edited: frozenset[str]
) -> PlanRisk:
    """What deleting the plan would lose: every activity."""
    return PlanRisk(
        activities=len(activities),
        scheduled_posts=scheduled_posts(activities.values()),
        edited=sum(activity_id in edited for activity_id in activities),
    )


@dataclass(frozen=True, slots=True)
class PlanChange:
    """The difference between two plans, by activity id."""

    added: tuple[PlanMarketingActivity, ...] = ()
    removed: tuple[PlanMarketingActivity, ...] = ()
    moved: tuple[tuple[PlanMarketingActivity, PlanMarketingActivity], ...] = ()
    kept: int = 0

    @property
    def scheduled_removed(self) -> int:
        """Scheduled posts that went with the removed activities."""
        return scheduled_posts(self.removed)

    @property
    def is_empty(self) -> bool:
        """Whether nothing was added, removed or moved."""
        return not (self.added or self.removed or self.moved)

    def sentence(self) -> str:
        """A one-line summary: "Plan regenerated: 12 added, 9 removed (with 3 scheduled
        posts), 2 moved, 4 kept"; "Plan generated: 38 activities." for a first plan."""
        if self.is_empty:
            noun = "activity" if self.kept == 1 else "activities"
            return f"Plan regenerated: no changes ({self.kept} {noun} kept)."
        if not (self.removed or self.moved or self.kept):
            # Nothing was there before: a first plan, not a regenerated one.
            return f"Plan generated: {plural(len(self.added), 'activity', 'activities')}."
        removed = f"{len(self.removed)} removed"
        if self.scheduled_removed:
            removed += f" (with {plural(self.scheduled_removed, 'scheduled post')})"
        parts = [
            f"{len(self.added)} added",
            removed,
            f"{len(self.moved)} moved",
            f"{self.kept} kept",
        ]
        return "Plan regenerated: " + ", ".join(parts) + "."


def summarise_plan_change(
    before: Mapping[str, PlanMarketingActivity], after: Mapping[str, PlanMarketingActivity]
) -> PlanChange:
    """Compare two plans' activities (by id); "moved" means the same activity, another day."""
    added = tuple(sorted((a for i, a in after.items() if i not in before), key=_by_date))
    removed = tuple(sorted((a for i, a in before.items() if i not in after), key=_by_date))
    moved: list[tuple[PlanMarketingActivity, PlanMarketingActivity]] = []
    kept = 0
    for activity_id, old in before.items():
        new = after.get(activity_id)
        if new is None:
            continue
        if new.date.date() != old.date.date():
            moved.append((old, new))
        else:
            kept += 1
    moved.sort(key=lambda pair: pair[1].date)
    return PlanChange(added=added, removed=removed, moved=tuple(moved), kept=kept)


def _by_date(activity: PlanMarketingActivity) -> datetime:
    return activity.date

"""What a regeneration changed: activities added, removed and moved, as a summary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from tui_planner.api.models import PlanMarketingActivity

__all__ = ["PlanChange", "summarise_plan_change"]


@dataclass(frozen=True, slots=True)
class PlanChange:
    """The difference between two plans, by activity id."""

    added: tuple[PlanMarketingActivity, ...] = ()
    removed: tuple[PlanMarketingActivity, ...] = ()
    moved: tuple[tuple[PlanMarketingActivity, PlanMarketingActivity], ...] = ()
    kept: int = 0

    @property
    def is_empty(self) -> bool:
        """Whether nothing was added, removed or moved."""
        return not (self.added or self.removed or self.moved)

    def sentence(self) -> str:
        """A one-line summary: "Plan regenerated: 12 added, 9 removed, 2 moved, 4 kept"."""
        if self.is_empty:
            noun = "activity" if self.kept == 1 else "activities"
            return f"Plan regenerated: no changes ({self.kept} {noun} kept)."
        parts = [
            f"{len(self.added)} added",
            f"{len(self.removed)} removed",
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

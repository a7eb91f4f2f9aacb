"""The summary shown after a regeneration: what was added, removed and moved."""

from __future__ import annotations

from datetime import UTC, datetime

from tui_planner.api.models import PlanMarketingActivity
from tui_planner.store.plan_diff import summarise_plan_change


def _activity(activity_id: str, day: int) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 12, day, 9, tzinfo=UTC),
        title=f"Activity {activity_id}",
    )


def test_summary_counts_added_removed_moved_and_kept() -> None:
    before = {a.id: a for a in (_activity("a", 1), _activity("b", 2), _activity("c", 3))}
    after = {a.id: a for a in (_activity("a", 1), _activity("b", 5), _activity("d", 4))}
    change = summarise_plan_change(before, after)
    assert [a.id for a in change.added] == ["d"]
    assert [a.id for a in change.removed] == ["c"]
    assert [(old.date.day, new.date.day) for old, new in change.moved] == [(2, 5)]
    assert change.kept == 1
    assert change.sentence() == "Plan regenerated: 1 added, 1 removed, 1 moved, 1 kept."


def test_identical_plans_say_no_changes() -> None:
    plan = {"a": _activity("a", 1)}
    change = summarise_plan_change(plan, plan)
    assert change.is_empty
    assert change.sentence() == "Plan regenerated: no changes (1 activity kept)."

"""The summary shown after a regeneration: what was added, removed and moved."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tui_planner.api.models import ItemStatus, PlanMarketingActivity, PostItem
from tui_planner.store.plan_diff import (
    PlanRisk,
    deletion_risk,
    regeneration_risk,
    summarise_plan_change,
)


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


def test_a_first_plan_is_generated_not_regenerated() -> None:
    after = {a.id: a for a in (_activity("a", 1), _activity("b", 2))}
    assert summarise_plan_change({}, after).sentence() == "Plan generated: 2 activities."
    one = {"a": _activity("a", 1)}
    assert summarise_plan_change({}, one).sentence() == "Plan generated: 1 activity."


def test_identical_plans_say_no_changes() -> None:
    plan = {"a": _activity("a", 1)}
    change = summarise_plan_change(plan, plan)
    assert change.is_empty
    assert change.sentence() == "Plan regenerated: no changes (1 activity kept)."


def _with_posts(activity_id: str, day: int, *statuses: ItemStatus) -> PlanMarketingActivity:
    items = tuple(
        PostItem.model_validate(
            {"id": f"{activity_id}-{n}", "channel": {"name": "FACEBOOK"}, "status": status.value}
        )
        for n, status in enumerate(statuses)
    )
    return _activity(activity_id, day).model_copy(update={"items": items})


def test_the_summary_says_how_many_scheduled_posts_went_with_the_removed_activities() -> None:
    gone = _with_posts("c", 3, ItemStatus.SCHEDULED, ItemStatus.SCHEDULED, ItemStatus.DRAFT)
    before = {a.id: a for a in (_activity("a", 1), gone)}
    after = {a.id: a for a in (_activity("a", 1), _activity("d", 4))}
    change = summarise_plan_change(before, after)
    assert change.scheduled_removed == 2
    assert change.sentence() == (
        "Plan regenerated: 1 added, 1 removed (with 2 scheduled posts), 0 moved, 1 kept."
    )


def test_regeneration_risk_counts_upcoming_scheduled_posts_and_edits_only() -> None:
    plan = {
        a.id: a
        for a in (
            _with_posts("past", 1, ItemStatus.SCHEDULED),  # before today: kept
            _with_posts("today", 2, ItemStatus.SCHEDULED, ItemStatus.PUBLISHED),
            _with_posts("later", 9, ItemStatus.IN_QUEUE, ItemStatus.DRAFT),
        )
    }
    risk = regeneration_risk(plan, date(2026, 12, 2), UTC, frozenset({"past", "later"}))
    assert risk == PlanRisk(activities=2, scheduled_posts=2, edited=1)
    assert risk.at_stake
    assert risk.losses() == (
        "Lost with them: 2 scheduled posts (they will not go out) and 1 activity you edited."
    )


def test_nothing_at_stake_says_so_and_an_unreadable_plan_says_why_it_cannot_count() -> None:
    plan = {"a": _activity("a", 5)}
    safe = regeneration_risk(plan, date(2026, 12, 1), UTC, frozenset())
    assert not safe.at_stake
    assert safe.losses() == "None of them has a scheduled post or your edits."
    blind = regeneration_risk({}, date(2026, 12, 1), UTC, frozenset(), readable=False)
    assert blind.at_stake
    assert blind.losses().startswith("An inactive plan shows no activities")


def test_deleting_the_plan_risks_every_activity() -> None:
    plan = {a.id: a for a in (_with_posts("past", 1, ItemStatus.SCHEDULED), _activity("b", 9))}
    assert deletion_risk(plan, frozenset({"b"})) == PlanRisk(
        activities=2, scheduled_posts=1, edited=1
    )

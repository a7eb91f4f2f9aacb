"""Plan generation, regeneration, reading and deleting (§2.1, §2.4, §2.5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tests.sandbox.harness import Sandbox

GENERATE = "/marketing-plan/generate-marketing-plan"
REGENERATE = "/marketing-plan/regenerate-marketing-plan"
RESEARCH = "/marketing-plan/regenerate-marketing-plan-with-keyword-research"


def _dates(plan: dict[str, Any]) -> list[datetime]:
    return [datetime.fromisoformat(a["date"]) for a in plan["marketingActivities"]]


async def test_new_site_has_never_created_plan(sandbox: Sandbox) -> None:
    plan = await sandbox.plan()
    assert plan == {"status": "NEVER_CREATED", "marketingActivities": []}


async def test_generate_answers_generating_and_plan_turns_active_when_time_passes(
    sandbox: Sandbox,
) -> None:
    assert await sandbox.ok("POST", GENERATE, json={}) == {"status": "GENERATING"}
    sandbox.clock.advance(sandbox.options.generation_seconds - 0.5)
    assert (await sandbox.plan())["status"] == "GENERATING"
    sandbox.clock.advance(0.5)
    plan = await sandbox.plan()
    assert plan["status"] == "ACTIVE"
    assert plan["marketingActivities"]


async def test_plan_period_runs_from_today_to_end_of_next_month(sandbox: Sandbox) -> None:
    plan = await sandbox.generate()
    days = [moment.date() for moment in _dates(plan)]
    assert min(days).isoformat() >= "2026-07-08"
    assert max(days).isoformat() <= "2026-08-31"
    assert max(days).month == 8, "the plan should reach into next month"
    assert days == sorted(days)


async def test_activities_carry_plan_view_fields(sandbox: Sandbox) -> None:
    activity = (await sandbox.generate())["marketingActivities"][0]
    assert set(activity) >= {"marketingActivityId", "date", "title", "description", "items"}
    assert activity["date"].endswith("Z")


async def test_timeframe_limits_activities(sandbox: Sandbox) -> None:
    await sandbox.generate()
    plan = await sandbox.plan(
        **{
            "timeframe.startDate": "2026-08-01T00:00:00.000Z",
            "timeframe.endDate": "2026-08-10T23:59:59.999Z",
        }
    )
    days = [moment.date().isoformat() for moment in _dates(plan)]
    assert days
    assert all("2026-08-01" <= day <= "2026-08-10" for day in days)


async def test_regenerate_without_plan_is_failed_precondition(sandbox: Sandbox) -> None:
    response = await sandbox.call("POST", REGENERATE, json={})
    assert response.status_code == 428
    assert response.json()["details"]["applicationError"]["code"] == "PLAN_NOT_FOUND_ERROR"


async def test_regenerate_while_generating_is_plan_already_generating(sandbox: Sandbox) -> None:
    await sandbox.ok("POST", GENERATE, json={})
    response = await sandbox.call("POST", REGENERATE, json={})
    assert response.status_code == 428
    assert response.json() == {
        "message": "plan already generating",
        "details": {
            "applicationError": {
                "code": "PLAN_ALREADY_GENERATING_ERROR",
                "description": "plan already generating",
                "data": {},
            }
        },
    }


async def test_regenerate_active_plan_generates_again(sandbox: Sandbox) -> None:
    first = await sandbox.generate()
    assert await sandbox.ok("POST", REGENERATE, json={}) == {"status": "GENERATING"}
    assert (await sandbox.plan())["status"] == "GENERATING"
    sandbox.clock.advance(sandbox.options.generation_seconds)
    second = await sandbox.plan()
    assert second["status"] == "ACTIVE"
    assert [a["title"] for a in second["marketingActivities"]] != [
        a["title"] for a in first["marketingActivities"]
    ]


async def test_regenerate_keeps_past_activities_and_rebuilds_upcoming(sandbox: Sandbox) -> None:
    first = await sandbox.generate()
    sandbox.clock.advance(days=5)  # Monday 13 July
    everything = {"timeframe.startDate": "2026-07-01T00:00:00.000Z"}
    before = (await sandbox.plan(**everything))["marketingActivities"]
    past = [a for a in before if a["date"] < "2026-07-13"]
    upcoming_ids = {a["marketingActivityId"] for a in before if a["date"] >= "2026-07-13"}
    assert past
    assert upcoming_ids
    await sandbox.ok("POST", REGENERATE, json={})
    sandbox.clock.advance(sandbox.options.generation_seconds)
    after = (await sandbox.plan(**everything))["marketingActivities"]
    assert [a for a in after if a["date"] < "2026-07-13"] == past
    after_upcoming = {a["marketingActivityId"] for a in after if a["date"] >= "2026-07-13"}
    assert after_upcoming
    assert not after_upcoming & upcoming_ids
    assert first["status"] == "ACTIVE"


async def test_keyword_research_while_generating_does_not_start_a_second_generation(
    sandbox: Sandbox,
) -> None:
    await sandbox.generate()
    await sandbox.ok("POST", REGENERATE, json={})
    sandbox.clock.advance(2)
    assert await sandbox.ok("POST", RESEARCH, json={}) == {"status": "GENERATING"}
    # The running generation finishes on its own schedule, and nothing follows it.
    sandbox.clock.advance(sandbox.options.generation_seconds - 2)
    finished = await sandbox.plan()
    assert finished["status"] == "ACTIVE"
    sandbox.clock.advance(sandbox.options.keyword_research_seconds)
    assert await sandbox.plan() == finished


async def test_keyword_research_when_idle_starts_a_longer_generation(sandbox: Sandbox) -> None:
    await sandbox.generate()
    assert await sandbox.ok("POST", RESEARCH, json={}) == {"status": "GENERATING"}
    sandbox.clock.advance(sandbox.options.generation_seconds)
    assert (await sandbox.plan())["status"] == "GENERATING"
    sandbox.clock.advance(
        sandbox.options.keyword_research_seconds - sandbox.options.generation_seconds
    )
    assert (await sandbox.plan())["status"] == "ACTIVE"


async def test_keyword_research_without_plan_is_failed_precondition(sandbox: Sandbox) -> None:
    assert (await sandbox.call("POST", RESEARCH, json={})).status_code == 428


async def test_generate_on_generating_plan_restarts_the_generation(sandbox: Sandbox) -> None:
    await sandbox.ok("POST", GENERATE, json={})
    sandbox.clock.advance(4)
    assert await sandbox.ok("POST", GENERATE, json={}) == {"status": "GENERATING"}
    sandbox.clock.advance(sandbox.options.generation_seconds - 1)
    assert (await sandbox.plan())["status"] == "GENERATING"
    sandbox.clock.advance(1)
    assert (await sandbox.plan())["status"] == "ACTIVE"


async def test_generation_is_deterministic_for_the_same_seed(
    make_sandbox: Callable[..., Any],
) -> None:
    one: Sandbox = await make_sandbox()
    two: Sandbox = await make_sandbox()
    await one.ok("POST", GENERATE, json={})
    await two.ok("POST", GENERATE, json={})
    one.clock.advance(6)
    assert await one.plan() == await two.plan()


async def test_unpublished_site_with_odd_seed_ends_active_without_posts(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(site_published=False, seed=7)
    plan = await sandbox.generate()
    assert plan["marketingActivities"]
    assert all(a["items"] == [] for a in plan["marketingActivities"])


async def test_unpublished_site_with_even_seed_ends_failed(
    make_sandbox: Callable[..., Any],
) -> None:
    sandbox: Sandbox = await make_sandbox(site_published=False, seed=8)
    await sandbox.ok("POST", GENERATE, json={})
    sandbox.clock.advance(6)
    assert await sandbox.plan() == {"status": "FAILED", "marketingActivities": []}
    # A failed plan exists, so regenerating is allowed (and fails again while unpublished).
    assert await sandbox.ok("POST", REGENERATE, json={}) == {"status": "GENERATING"}


async def test_plan_unread_for_idle_period_turns_inactive_on_read(sandbox: Sandbox) -> None:
    await sandbox.generate()
    sandbox.clock.advance(days=41)
    assert (await sandbox.plan())["status"] == "ACTIVE"
    sandbox.clock.advance(days=42)
    assert await sandbox.plan() == {"status": "INACTIVE", "marketingActivities": []}
    assert await sandbox.ok("POST", REGENERATE, json={}) == {"status": "GENERATING"}
    sandbox.clock.advance(6)
    assert (await sandbox.plan())["status"] == "ACTIVE"


async def test_reading_the_plan_keeps_it_active(sandbox: Sandbox) -> None:
    await sandbox.generate()
    for _ in range(4):
        sandbox.clock.advance(days=30)
        assert (await sandbox.plan())["status"] == "ACTIVE"


async def test_delete_plan_returns_to_never_created(sandbox: Sandbox) -> None:
    await sandbox.generate()
    assert await sandbox.ok("DELETE", "/marketing-plan") == {}
    assert await sandbox.plan() == {"status": "NEVER_CREATED", "marketingActivities": []}
    query = await sandbox.ok("POST", "/marketing-activities/query", json={})
    assert query["marketingActivities"] == []


async def test_delete_plan_activity_removes_only_that_activity(sandbox: Sandbox) -> None:
    plan = await sandbox.generate()
    target = plan["marketingActivities"][0]["marketingActivityId"]
    path = "/marketing-plan/plan-marketing-activity"
    assert await sandbox.ok("DELETE", path, params={"id": target}) == {}
    remaining = [a["marketingActivityId"] for a in (await sandbox.plan())["marketingActivities"]]
    assert target not in remaining
    assert len(remaining) == len(plan["marketingActivities"]) - 1
    assert (await sandbox.call("DELETE", path, params={"id": target})).status_code == 404
    assert (await sandbox.call("DELETE", path)).status_code == 400

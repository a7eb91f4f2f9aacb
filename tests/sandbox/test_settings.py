"""Marketing Settings (§5): the record, upsert's fieldMask rules, options and defaults."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.api.models import (
    CalendarOptionsResponse,
    MarketingSettingsDefaultsResponse,
    MarketingSettingsResponse,
    PlanGoalOptionsResponse,
    PointOfViewOptionsResponse,
)

SETTINGS = "/marketing-settings"


async def _upsert(sandbox: Sandbox, settings: dict[str, Any], mask: Any) -> Any:
    return await sandbox.call(
        "POST", SETTINGS, json={"marketingSettings": settings, "fieldMask": mask}
    )


async def test_settings_with_nothing_saved_hold_only_site_fields(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", SETTINGS)
    record = body["marketingSettings"]
    assert set(record) == {"id", "settings"}
    assert set(record["settings"]) == {"language", "businessLocation", "targetLocations"}
    MarketingSettingsResponse.model_validate(body)


async def test_upsert_creates_record_and_changes_only_masked_paths(sandbox: Sandbox) -> None:
    first = await _upsert(
        sandbox,
        {"settings": {"toneOfVoice": "warm", "pointOfView": "FIRST_PERSON"}},
        "settings.toneOfVoice,settings.pointOfView",
    )
    assert first.status_code == 200
    created = first.json()["marketingSettings"]
    assert created["settings"]["toneOfVoice"] == "warm"
    assert created["createdAt"] == created["updatedAt"] == "2026-07-08T09:00:00.000Z"
    sandbox.clock.advance(60)
    second = await _upsert(
        sandbox,
        {"settings": {"toneOfVoice": "crisp", "pointOfView": "THIRD_PERSON"}},
        "settings.toneOfVoice",
    )
    record = second.json()["marketingSettings"]
    assert record["settings"]["toneOfVoice"] == "crisp"
    assert record["settings"]["pointOfView"] == "FIRST_PERSON"
    assert record["createdAt"] == "2026-07-08T09:00:00.000Z"
    assert record["updatedAt"] == "2026-07-08T09:01:00.000Z"
    assert (await sandbox.ok("GET", SETTINGS))["marketingSettings"] == record


async def test_upsert_nested_override_path(sandbox: Sandbox) -> None:
    response = await _upsert(
        sandbox,
        {"overrides": {"socialMarketing": {"frequency": {"interval": "WEEK", "count": 3}}}},
        "overrides.socialMarketing.frequency",
    )
    assert response.status_code == 200
    overrides = response.json()["marketingSettings"]["overrides"]
    assert overrides == {"socialMarketing": {"frequency": {"interval": "WEEK", "count": 3}}}


async def test_upsert_null_clears_a_masked_field(sandbox: Sandbox) -> None:
    await _upsert(sandbox, {"settings": {"toneOfVoice": "warm"}}, "settings.toneOfVoice")
    response = await _upsert(sandbox, {"settings": {"toneOfVoice": None}}, "settings.toneOfVoice")
    assert "toneOfVoice" not in response.json()["marketingSettings"]["settings"]


async def test_upsert_masked_path_missing_from_body_is_invalid_field_mask(
    sandbox: Sandbox,
) -> None:
    response = await _upsert(
        sandbox, {"settings": {"toneOfVoice": "warm"}}, "settings.toneOfVoice,settings.topics"
    )
    assert response.status_code == 428
    assert response.json()["details"]["applicationError"]["code"] == "INVALID_FIELD_MASK_ERROR"
    assert "toneOfVoice" not in (await sandbox.ok("GET", SETTINGS))["marketingSettings"]["settings"]


@pytest.mark.parametrize("mask", [["settings.toneOfVoice"], {"paths": ["settings.toneOfVoice"]}, 7])
async def test_upsert_field_mask_not_a_string_fails_to_parse(sandbox: Sandbox, mask: Any) -> None:
    response = await _upsert(sandbox, {"settings": {"toneOfVoice": "warm"}}, mask)
    assert response.status_code == 400
    assert response.json()["message"] == "Failed to parse request message"


async def test_upsert_needs_both_fields(sandbox: Sandbox) -> None:
    only_settings = {"marketingSettings": {"settings": {"toneOfVoice": "x"}}}
    assert (await sandbox.call("POST", SETTINGS, json=only_settings)).status_code == 400
    only_mask = {"fieldMask": "settings.toneOfVoice"}
    assert (await sandbox.call("POST", SETTINGS, json=only_mask)).status_code == 400


async def test_upsert_ignores_read_only_fields(sandbox: Sandbox) -> None:
    response = await _upsert(
        sandbox,
        {"id": "mine", "settings": {"language": "fr", "toneOfVoice": "warm"}},
        "id,settings.language,settings.toneOfVoice",
    )
    record = response.json()["marketingSettings"]
    assert record["settings"]["language"] == "en"
    assert record["id"] != "mine"
    assert record["settings"]["toneOfVoice"] == "warm"


async def test_upsert_rejects_frequency_outside_one_to_thirty(sandbox: Sandbox) -> None:
    response = await _upsert(
        sandbox,
        {"overrides": {"blogs": {"frequency": {"interval": "MONTH", "count": 31}}}},
        "overrides.blogs.frequency",
    )
    assert response.status_code == 400
    assert "validationError" in response.json()["details"]


async def test_settings_change_reaches_plan_only_when_regenerated(sandbox: Sandbox) -> None:
    plan = await sandbox.generate()
    await _upsert(
        sandbox,
        {"settings": {"marketingTools": ["BLOGS"]}},
        "settings.marketingTools",
    )
    assert await sandbox.plan() == plan
    await sandbox.ok("POST", "/marketing-plan/regenerate-marketing-plan", json={})
    sandbox.clock.advance(sandbox.options.generation_seconds)
    regenerated = await sandbox.plan()
    assert {a["marketingActivityType"] for a in regenerated["marketingActivities"]} == {"BLOG"}


async def test_defaults_return_the_four_fields(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{SETTINGS}/defaults")
    assert set(body["defaults"]) == {"socialChannels", "calendar", "marketingPlanGoal", "frequency"}
    MarketingSettingsDefaultsResponse.model_validate(body)


async def test_defaults_field_mask_limits_the_answer(sandbox: Sandbox) -> None:
    body = await sandbox.ok(
        "GET", f"{SETTINGS}/defaults", params={"fieldMask": "marketingPlanGoal,socialChannels"}
    )
    assert body == {
        "defaults": {
            "marketingPlanGoal": {"goalKey": "DRIVE_TRAFFIC"},
            "socialChannels": ["FACEBOOK", "INSTAGRAM", "LINKEDIN"],
        }
    }
    repeated = await sandbox.ok(
        "GET",
        f"{SETTINGS}/defaults",
        params=[("fieldMask", "frequency"), ("fieldMask", "calendar")],
    )
    assert set(repeated["defaults"]) == {"frequency", "calendar"}


async def test_defaults_field_mask_outside_the_four_is_rejected(sandbox: Sandbox) -> None:
    response = await sandbox.call(
        "GET", f"{SETTINGS}/defaults", params={"fieldMask": "toneOfVoice"}
    )
    assert response.status_code == 400


async def test_plan_goal_options_have_labels(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{SETTINGS}/plan-goal-options")
    options = PlanGoalOptionsResponse.model_validate(body).options
    assert [o.plan_goal_key.value for o in options] == [
        "DRIVE_TRAFFIC",
        "BRAND_AWARENESS",
        "BOOST_SALES",
        "COLLECT_LEADS",
    ]
    assert all(o.label for o in options)


async def test_point_of_view_options(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{SETTINGS}/point-of-view-options")
    options = PointOfViewOptionsResponse.model_validate(body).options
    assert [o.point_of_view.value for o in options] == [
        "FIRST_PERSON",
        "SECOND_PERSON",
        "THIRD_PERSON",
    ]


async def test_calendar_options_include_read_only_google_calendar(sandbox: Sandbox) -> None:
    body = await sandbox.ok("GET", f"{SETTINGS}/calendar-options")
    CalendarOptionsResponse.model_validate(body)
    google = next(o for o in body["options"] if o["name"] == "Google Calendar")
    assert google["readOnly"] is True
    assert google["connected"] is True

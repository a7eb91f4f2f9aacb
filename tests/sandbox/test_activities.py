"""Marketing Activities (§3): create, get, update and query."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.api.models import MarketingActivitiesResponse, MarketingActivityResponse

NEW = {
    "title": "Back-to-school promo",
    "description": "Email + social push for the September sale.",
    "targetDate": "2026-09-01T09:00:00.000Z",
    "marketingActivityType": "SOCIAL_MARKETING",
}


async def _create(sandbox: Sandbox, **changes: Any) -> dict[str, Any]:
    body = await sandbox.ok("POST", "/items", json={"marketingActivity": {**NEW, **changes}})
    activity: dict[str, Any] = body["marketingActivity"]
    return activity


async def test_create_activity_answers_with_the_stored_activity(sandbox: Sandbox) -> None:
    body = await sandbox.ok("POST", "/items", json={"marketingActivity": NEW})
    created = MarketingActivityResponse.model_validate(body).marketing_activity
    assert created.id
    assert body["marketingActivity"] == {"id": created.id, **NEW}


async def test_create_activity_accepts_body_without_wrapper(sandbox: Sandbox) -> None:
    body = await sandbox.ok("POST", "/items", json=NEW)
    assert body["marketingActivity"]["title"] == NEW["title"]


@pytest.mark.parametrize("missing", ["title", "description", "targetDate", "marketingActivityType"])
async def test_create_activity_missing_field_is_failed_precondition(
    sandbox: Sandbox, missing: str
) -> None:
    fields = {key: value for key, value in NEW.items() if key != missing}
    response = await sandbox.call("POST", "/items", json={"marketingActivity": fields})
    assert response.status_code == 428
    assert missing in response.json()["message"]


async def test_create_activity_with_unknown_type_is_failed_precondition(sandbox: Sandbox) -> None:
    fields = {**NEW, "marketingActivityType": "UNKNOWN"}
    response = await sandbox.call("POST", "/items", json={"marketingActivity": fields})
    assert response.status_code == 428


async def test_create_activity_date_must_be_a_string(sandbox: Sandbox) -> None:
    fields = {**NEW, "targetDate": {"seconds": 1788253200, "nanos": 0}}
    response = await sandbox.call("POST", "/items", json={"marketingActivity": fields})
    assert response.status_code == 400
    assert response.json()["message"] == "Expected a string."


async def test_created_activity_joins_the_plan(sandbox: Sandbox) -> None:
    await sandbox.generate()
    created = await _create(sandbox, targetDate="2026-07-20T10:00:00.000Z")
    ids = [a["marketingActivityId"] for a in (await sandbox.plan())["marketingActivities"]]
    assert created["id"] in ids


async def test_get_activity_by_either_id_parameter(sandbox: Sandbox) -> None:
    created = await _create(sandbox)
    by_long = await sandbox.ok(
        "GET", "/marketing-activity", params={"marketingActivityId": created["id"]}
    )
    by_short = await sandbox.ok("GET", "/marketing-activity", params={"id": created["id"]})
    assert by_long == by_short == {"marketingActivity": created}
    unknown = await sandbox.call("GET", "/marketing-activity", params={"id": "nope"})
    assert unknown.status_code == 404
    assert (await sandbox.call("GET", "/marketing-activity")).status_code == 400


async def test_update_activity_changes_only_masked_fields(sandbox: Sandbox) -> None:
    created = await _create(sandbox)
    body = await sandbox.ok(
        "PATCH",
        f"/items/{created['id']}",
        json={
            "marketingActivity": {
                "id": created["id"],
                "title": "Back-to-school mega promo",
                "description": "ignored: not in the mask",
                "targetDate": "2026-09-02T09:00:00.000Z",
            },
            "fieldMask": "title,targetDate",
        },
    )
    assert body["marketingActivity"] == {
        **created,
        "title": "Back-to-school mega promo",
        "targetDate": "2026-09-02T09:00:00.000Z",
    }


async def test_update_activity_accepts_unwrapped_body(sandbox: Sandbox) -> None:
    created = await _create(sandbox)
    body = await sandbox.ok(
        "PATCH",
        f"/items/{created['id']}",
        json={"description": "New words", "fieldMask": "description"},
    )
    assert body["marketingActivity"]["description"] == "New words"


@pytest.mark.parametrize("path", ["marketingActivityType", "id", "title,status"])
async def test_update_activity_mask_outside_the_three_fields_is_refused(
    sandbox: Sandbox, path: str
) -> None:
    created = await _create(sandbox)
    response = await sandbox.call(
        "PATCH",
        f"/items/{created['id']}",
        json={"marketingActivity": {**created, "status": "x"}, "fieldMask": path},
    )
    assert response.status_code == 428
    unchanged = await sandbox.ok("GET", "/marketing-activity", params={"id": created["id"]})
    assert unchanged["marketingActivity"] == created


async def test_update_unknown_activity_is_not_found(sandbox: Sandbox) -> None:
    response = await sandbox.call(
        "PATCH", "/items/nope", json={"marketingActivity": {"title": "x"}, "fieldMask": "title"}
    )
    assert response.status_code == 404


async def _query(
    sandbox: Sandbox, filter_: dict[str, Any], *, wrapped: bool = True
) -> list[dict[str, Any]]:
    body = {"query": {"filter": filter_}} if wrapped else {"filter": filter_}
    answer = await sandbox.ok("POST", "/marketing-activities/query", json=body)
    MarketingActivitiesResponse.model_validate(answer)
    found: list[dict[str, Any]] = answer["marketingActivities"]
    return found


async def test_query_activities_by_date_range_and_type_sorted_by_target_date(
    sandbox: Sandbox,
) -> None:
    await sandbox.generate()
    found = await _query(
        sandbox,
        {
            "startDate": "2026-07-20T00:00:00.000Z",
            "endDate": "2026-08-10T23:59:59.999Z",
            "marketingActivityType": "SOCIAL_MARKETING",
        },
    )
    assert found
    dates = [a["targetDate"] for a in found]
    assert dates == sorted(dates)
    assert all("2026-07-20" <= d <= "2026-08-10T23:59:59.999Z" for d in dates)
    assert {a["marketingActivityType"] for a in found} == {"SOCIAL_MARKETING"}


async def test_query_activities_accepts_operator_filters_without_query_wrapper(
    sandbox: Sandbox,
) -> None:
    await sandbox.generate()
    plain = await _query(
        sandbox,
        {"startDate": "2026-07-20T00:00:00.000Z", "marketingActivityType": "BLOG"},
    )
    operators = await _query(
        sandbox,
        {
            "startDate": {"$gte": "2026-07-20T00:00:00.000Z"},
            "marketingActivityType": {"$in": ["BLOG"]},
        },
        wrapped=False,
    )
    assert plain == operators
    assert plain


async def test_query_activities_by_ids(sandbox: Sandbox) -> None:
    one = await _create(sandbox, targetDate="2026-09-03T09:00:00.000Z")
    two = await _create(sandbox, targetDate="2026-09-01T09:00:00.000Z")
    found = await _query(sandbox, {"ids": [one["id"], two["id"]]})
    assert [a["id"] for a in found] == [two["id"], one["id"]]
    found_in = await _query(sandbox, {"ids": {"$in": [one["id"]]}})
    assert [a["id"] for a in found_in] == [one["id"]]


async def test_query_activities_ids_cannot_be_combined(sandbox: Sandbox) -> None:
    response = await sandbox.call(
        "POST",
        "/marketing-activities/query",
        json={"query": {"filter": {"ids": ["a"], "marketingActivityType": "BLOG"}}},
    )
    assert response.status_code == 400


async def test_query_activities_ignores_sort_and_paging(sandbox: Sandbox) -> None:
    await sandbox.generate()
    everything = await _query(sandbox, {})
    answer = await sandbox.ok(
        "POST",
        "/marketing-activities/query",
        json={
            "query": {
                "filter": {},
                "sort": [{"fieldName": "targetDate", "order": "DESC"}],
                "paging": {"limit": 2, "offset": 1},
            }
        },
    )
    assert answer["marketingActivities"] == everything
    assert "pagingMetadata" not in answer

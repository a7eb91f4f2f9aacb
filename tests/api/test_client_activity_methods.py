"""Marketing Activities service methods (§3): exact requests and example answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api.wix_double import PLAN_ROOT, FakeWix
from tui_planner.api import MarketingPlanClient
from tui_planner.api.models import MarketingActivity, MarketingActivityType

ACTIVITY_ID = "5d1c9a80-2f4b-4c1e-9d7a-0b6e3f2a1c44"

# §3.2 CreateMarketingActivity's example answer.
CREATED_EXAMPLE = {
    "marketingActivity": {
        "id": "5d1c9a80-2f4b-4c1e-9d7a-0b6e3f2a1c44",
        "title": "Back-to-school promo",
        "description": "Email + social push for the September sale.",
        "targetDate": "2026-09-01T09:00:00.000Z",
        "marketingActivityType": "SOCIAL_MARKETING",
    }
}

# §3.4 UpdateMarketingActivity's example answer.
UPDATED_EXAMPLE = {
    "marketingActivity": {
        "id": "5d1c9a80-2f4b-4c1e-9d7a-0b6e3f2a1c44",
        "title": "Back-to-school mega promo",
        "description": "Email + social push for the September sale.",
        "targetDate": "2026-09-02T09:00:00.000Z",
        "marketingActivityType": "SOCIAL_MARKETING",
    }
}

# §3.5 QueryMarketingActivities' example answer.
QUERY_EXAMPLE = {
    "marketingActivities": [
        {
            "id": "5d1c9a80-2f4b-4c1e-9d7a-0b6e3f2a1c44",
            "title": "…",
            "description": "…",
            "targetDate": "2026-07-08T09:00:00.000Z",
            "marketingActivityType": "SOCIAL_MARKETING",
        }
    ]
}


async def test_create_marketing_activity_wraps_body_and_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(CREATED_EXAMPLE)

    created = await plan.create_marketing_activity(
        MarketingActivity(
            title="Back-to-school promo",
            description="Email + social push for the September sale.",
            target_date=datetime(2026, 9, 1, 9, 0, tzinfo=UTC),
            marketing_activity_type=MarketingActivityType.SOCIAL_MARKETING,
        )
    )

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/items"
    assert wix.last.body == {
        "marketingActivity": {
            "title": "Back-to-school promo",
            "description": "Email + social push for the September sale.",
            "targetDate": "2026-09-01T09:00:00.000Z",
            "marketingActivityType": "SOCIAL_MARKETING",
        }
    }
    assert created.id == ACTIVITY_ID
    assert created.target_date == datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    assert created.marketing_activity_type is MarketingActivityType.SOCIAL_MARKETING


async def test_create_marketing_activity_never_sends_an_id(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(CREATED_EXAMPLE)

    await plan.create_marketing_activity(MarketingActivity(id="client-made", title="t"))

    assert "id" not in wix.last.body["marketingActivity"]


async def test_get_marketing_activity_passes_id_as_query(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(CREATED_EXAMPLE)

    activity = await plan.get_marketing_activity(ACTIVITY_ID)

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-activity"
    assert wix.last.query == [("marketingActivityId", ACTIVITY_ID)]
    assert wix.last.body is None
    assert activity.title == "Back-to-school promo"


async def test_update_marketing_activity_sends_masked_fields_and_string_mask(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPDATED_EXAMPLE)

    updated = await plan.update_marketing_activity(
        MarketingActivity(
            id=ACTIVITY_ID,
            title="Back-to-school mega promo",
            description="not in the mask, so not sent",
            target_date=datetime(2026, 9, 2, 9, 0, tzinfo=UTC),
        ),
        ["title", "targetDate"],
    )

    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PLAN_ROOT}/items/{ACTIVITY_ID}"
    assert wix.last.body == {
        "marketingActivity": {
            "id": "5d1c9a80-2f4b-4c1e-9d7a-0b6e3f2a1c44",
            "title": "Back-to-school mega promo",
            "targetDate": "2026-09-02T09:00:00.000Z",
        },
        "fieldMask": "title,targetDate",
    }
    assert updated.title == "Back-to-school mega promo"
    assert updated.description == "Email + social push for the September sale."


async def test_update_marketing_activity_accepts_snake_case_mask(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPDATED_EXAMPLE)

    await plan.update_marketing_activity(
        MarketingActivity(id=ACTIVITY_ID, target_date=datetime(2026, 9, 2, 9, tzinfo=UTC)),
        ("target_date",),
    )

    assert wix.last.body["fieldMask"] == "targetDate"


async def test_update_marketing_activity_sends_null_to_clear_a_masked_field(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPDATED_EXAMPLE)

    await plan.update_marketing_activity(MarketingActivity(id=ACTIVITY_ID), ["description"])

    assert wix.last.body["marketingActivity"] == {"id": ACTIVITY_ID, "description": None}


@pytest.mark.parametrize(
    ("mask", "reason"),
    [
        (["marketingActivityType"], "Only title, description and targetDate"),
        ([], "at least one field"),
    ],
)
async def test_update_marketing_activity_refuses_bad_masks_before_sending(
    plan: MarketingPlanClient, wix: FakeWix, mask: list[str], reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        await plan.update_marketing_activity(MarketingActivity(id=ACTIVITY_ID, title="x"), mask)

    assert wix.sent == []


async def test_update_marketing_activity_needs_an_id(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    with pytest.raises(ValueError, match="ID"):
        await plan.update_marketing_activity(MarketingActivity(title="x"), ["title"])

    assert wix.sent == []


async def test_query_marketing_activities_by_dates_and_type_sends_plain_values(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(QUERY_EXAMPLE)

    result = await plan.query_marketing_activities(
        start=datetime(2026, 7, 1, tzinfo=UTC),
        end=datetime(2026, 7, 31, 23, 59, 59, 999000, tzinfo=UTC),
        activity_type=MarketingActivityType.SOCIAL_MARKETING,
    )

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-activities/query"
    assert wix.last.body == {
        "query": {
            "filter": {
                "startDate": "2026-07-01T00:00:00.000Z",
                "endDate": "2026-07-31T23:59:59.999Z",
                "marketingActivityType": "SOCIAL_MARKETING",
            }
        }
    }
    (activity,) = result
    assert activity.id == ACTIVITY_ID
    assert activity.target_date == datetime(2026, 7, 8, 9, 0, tzinfo=UTC)


async def test_query_marketing_activities_by_ids_only(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(QUERY_EXAMPLE)

    await plan.query_marketing_activities(ids=[ACTIVITY_ID, ACTIVITY_ID])

    assert wix.last.body == {"query": {"filter": {"ids": [ACTIVITY_ID]}}}


async def test_query_marketing_activities_without_filter_asks_for_everything(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"marketingActivities": []})

    assert await plan.query_marketing_activities() == ()
    assert wix.last.body == {"query": {"filter": {}}}


async def test_query_marketing_activities_refuses_ids_with_other_keys(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    with pytest.raises(ValueError, match="not both"):
        await plan.query_marketing_activities(
            ids=[ACTIVITY_ID], activity_type=MarketingActivityType.BLOG
        )

    assert wix.sent == []


async def test_query_marketing_activities_with_no_ids_sends_nothing(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    assert await plan.query_marketing_activities(ids=[]) == ()
    assert wix.sent == []

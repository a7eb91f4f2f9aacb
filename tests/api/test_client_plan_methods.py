"""Marketing Plan service methods (§2): exact requests, and the contract's example answers."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.wix_double import PLAN_ROOT, FakeWix
from tui_planner.api import MarketingPlanClient
from tui_planner.api.models import ChannelName, ItemStatus, ItemType, PlanStatus

ACTIVITY_ID = "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30"
DRAFT_ID = "834dc801-3e5c-416a-bd14-b130a95d100e"

# §2.5, GetSocialMarketingPlan's example answer, verbatim.
PLAN_EXAMPLE = {
    "status": "ACTIVE",
    "marketingActivities": [
        {
            "marketingActivityId": "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30",
            "date": "2026-07-08T09:00:00.000Z",
            "title": "Summer collection launch",
            "description": "Announce the new handmade ceramic mugs summer collection with a 20% "
            "launch discount.",
            "items": [
                {
                    "id": "834dc801-3e5c-416a-bd14-b130a95d100e",
                    "channel": {"name": "INSTAGRAM", "accountId": "17841405822304914"},
                    "type": "POST",
                    "status": "DRAFT",
                    "instagramPost": {
                        "mediaWrapper": {
                            "media": [
                                {
                                    "type": "IMAGE",
                                    "url": "https://static.wixstatic.com/media/....jpg",
                                }
                            ]
                        },
                        "caption": "Summer collection just dropped! Shop the look now. "
                        "#summerstyle #newarrivals",
                    },
                }
            ],
        }
    ],
}

# §2.6, GetMarketingActivityPosts' example answer.
POSTS_EXAMPLE = {
    "marketingActivities": [
        {
            "marketingActivityId": "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30",
            "items": [
                {
                    "id": "834dc801-3e5c-416a-bd14-b130a95d100e",
                    "channel": {"name": "FACEBOOK"},
                    "type": "POST",
                    "status": "DRAFT",
                    "facebookPost": {
                        "caption": "…",
                        "mediaWrapper": {
                            "media": [
                                {"type": "IMAGE", "url": "https://static.wixstatic.com/media/x.jpg"}
                            ]
                        },
                    },
                }
            ],
        }
    ]
}

# §2.6, ScheduleDrafts' example answer.
SCHEDULE_EXAMPLE = {
    "items": [
        {
            "id": "834dc801-3e5c-416a-bd14-b130a95d100e",
            "status": "SCHEDULED",
            "channel": {"name": "INSTAGRAM"},
        }
    ]
}

# §2.7, the inferred snapshot answer of the regenerate methods.
SNAPSHOT_EXAMPLE = {
    "marketingActivity": {
        "marketingActivityId": "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30",
        "items": [],
    }
}


async def test_generate_marketing_plan_posts_empty_object_and_reads_generating(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "GENERATING"})

    status = await plan.generate_marketing_plan()

    assert status is PlanStatus.GENERATING
    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/generate-marketing-plan"
    assert wix.last.query == []
    assert wix.last.body == {}


async def test_regenerate_marketing_plan_posts_empty_object(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "GENERATING"})

    assert await plan.regenerate_marketing_plan() is PlanStatus.GENERATING
    assert (wix.last.method, wix.last.path, wix.last.body) == (
        "POST",
        f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-plan",
        {},
    )


async def test_regenerate_with_keyword_research_posts_empty_object(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "GENERATING"})

    assert await plan.regenerate_marketing_plan_with_keyword_research() is PlanStatus.GENERATING
    assert (wix.last.method, wix.last.path, wix.last.body) == (
        "POST",
        f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-plan-with-keyword-research",
        {},
    )


async def test_get_social_marketing_plan_sends_timeframe_and_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(PLAN_EXAMPLE)

    result = await plan.get_social_marketing_plan(
        datetime(2026, 7, 1, tzinfo=UTC), datetime(2026, 8, 31, 23, 59, 59, 999000, tzinfo=UTC)
    )

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan"
    assert wix.last.query == [
        ("timeframe.startDate", "2026-07-01T00:00:00.000Z"),
        ("timeframe.endDate", "2026-08-31T23:59:59.999Z"),
    ]
    assert wix.last.body is None
    assert result.status is PlanStatus.ACTIVE
    (activity,) = result.marketing_activities
    assert activity.id == ACTIVITY_ID
    assert activity.date == datetime(2026, 7, 8, 9, 0, tzinfo=UTC)
    assert activity.title == "Summer collection launch"
    (item,) = activity.items
    assert item.id == DRAFT_ID
    assert item.channel.name is ChannelName.INSTAGRAM
    assert item.channel.account_id == "17841405822304914"
    assert (item.type, item.status) == (ItemType.POST, ItemStatus.DRAFT)
    assert item.text.startswith("Summer collection just dropped!")
    assert item.image == "https://static.wixstatic.com/media/....jpg"


async def test_get_social_marketing_plan_without_timeframe_sends_no_query(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "NEVER_CREATED"})

    result = await plan.get_social_marketing_plan()

    assert wix.last.query == []
    assert result.status is PlanStatus.NEVER_CREATED
    assert result.marketing_activities == ()


async def test_get_social_marketing_plan_sends_only_the_bound_given(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.get_social_marketing_plan(end=datetime(2026, 7, 31, 12, 30, tzinfo=UTC))

    assert wix.last.query == [("timeframe.endDate", "2026-07-31T12:30:00.000Z")]


async def test_delete_marketing_plan_sends_delete_without_body(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.delete_marketing_plan()
    assert (wix.last.method, wix.last.path, wix.last.body) == (
        "DELETE",
        f"{PLAN_ROOT}/marketing-plan",
        None,
    )


async def test_delete_plan_marketing_activity_passes_id_as_query(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.delete_plan_marketing_activity(ACTIVITY_ID)
    assert wix.last.method == "DELETE"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/plan-marketing-activity"
    assert wix.last.query == [("id", ACTIVITY_ID)]
    assert wix.last.body is None


async def test_generate_social_posts_sends_activity_ids(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.generate_social_posts([ACTIVITY_ID])
    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/generate-social-posts"
    assert wix.last.body == {"marketingActivityIds": [ACTIVITY_ID]}


async def test_get_marketing_activity_posts_is_outside_marketing_plan_path(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(POSTS_EXAMPLE)

    result = await plan.get_marketing_activity_posts([ACTIVITY_ID])

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-activity-posts"
    assert wix.last.body == {"marketingActivityIds": [ACTIVITY_ID]}
    (activity,) = result.marketing_activities
    assert activity.marketing_activity_id == ACTIVITY_ID
    (item,) = activity.items
    assert item.channel.name is ChannelName.FACEBOOK
    assert item.channel.account_id is None
    assert item.image == "https://static.wixstatic.com/media/x.jpg"


async def test_schedule_drafts_sends_draft_ids_and_reads_scheduled_items(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(SCHEDULE_EXAMPLE)

    result = await plan.schedule_drafts([DRAFT_ID])

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/schedule-drafts"
    assert wix.last.body == {"draftIds": [DRAFT_ID]}
    (item,) = result.items
    assert (item.id, item.status) == (DRAFT_ID, ItemStatus.SCHEDULED)


async def test_regenerate_marketing_activity_posts_reads_snapshot(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(SNAPSHOT_EXAMPLE)

    result = await plan.regenerate_marketing_activity_posts(ACTIVITY_ID)

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-activity-posts"
    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID}
    assert result.marketing_activity is not None
    assert result.marketing_activity.marketing_activity_id == ACTIVITY_ID
    assert result.marketing_activity.items == ()


async def test_regenerate_marketing_activity_posts_media(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(SNAPSHOT_EXAMPLE)

    result = await plan.regenerate_marketing_activity_posts_media(ACTIVITY_ID)

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-activity-posts-media"
    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID}
    assert result.marketing_activity is not None


async def test_update_marketing_activity_posts_media_patches_media_url(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    result = await plan.update_marketing_activity_posts_media(
        ACTIVITY_ID, "https://static.wixstatic.com/media/new.jpg"
    )

    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/update-marketing-activity-posts-media"
    assert wix.last.body == {
        "marketingActivityId": "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30",
        "mediaUrl": "https://static.wixstatic.com/media/new.jpg",
    }
    assert result.marketing_activity is None


async def test_clear_marketing_activity_posts_patches_activity_id(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.clear_marketing_activity_posts(ACTIVITY_ID)
    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/clear-marketing-activity-posts"
    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID}


async def test_regenerate_marketing_activity_stories(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(SNAPSHOT_EXAMPLE)

    result = await plan.regenerate_marketing_activity_stories(ACTIVITY_ID)

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/regenerate-marketing-activity-stories"
    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID}
    assert result.marketing_activity is not None


async def test_update_marketing_activity_stories_media_with_frame_index(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.update_marketing_activity_stories_media(
        ACTIVITY_ID, "https://static.wixstatic.com/media/frame2.jpg", media_index=1
    )

    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/update-marketing-activity-stories-media"
    assert wix.last.body == {
        "marketingActivityId": "b3f9d2e1-7a4c-4d68-9f02-1c5e8a6b4d30",
        "mediaUrl": "https://static.wixstatic.com/media/frame2.jpg",
        "mediaIndex": 1,
    }


async def test_update_stories_media_without_index_leaves_media_index_out(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.update_marketing_activity_stories_media(ACTIVITY_ID, "https://x/y.jpg")

    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID, "mediaUrl": "https://x/y.jpg"}


async def test_update_stories_media_sends_frame_zero(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    await plan.update_marketing_activity_stories_media(ACTIVITY_ID, "https://x/y.jpg", 0)

    assert wix.last.body["mediaIndex"] == 0


async def test_clear_marketing_activity_stories_patches_activity_id(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({})

    await plan.clear_marketing_activity_stories(ACTIVITY_ID)
    assert wix.last.method == "PATCH"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-plan/clear-marketing-activity-stories"
    assert wix.last.body == {"marketingActivityId": ACTIVITY_ID}


async def test_unknown_plan_status_is_kept_not_rejected(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"status": "PAUSED", "marketingActivities": [], "planId": "ignored"})

    result = await plan.get_social_marketing_plan()

    assert result.status.value == "PAUSED"
    assert not result.status.is_known

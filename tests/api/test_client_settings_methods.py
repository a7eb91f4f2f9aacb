"""Marketing Settings service methods (§5): exact requests and example answers."""

from __future__ import annotations

import pytest

from tests.api.wix_double import PLAN_ROOT, FakeWix
from tui_planner.api import MarketingPlanClient
from tui_planner.api.models import (
    BusinessProfile,
    ChannelName,
    Frequency,
    FrequencyInterval,
    MarketingPlanGoal,
    MarketingSettings,
    MarketingTool,
    PlanGoal,
    PointOfView,
    Settings,
    SettingsOverrides,
    ToolOverride,
    Topics,
)

# §5.3 UpsertMarketingSettings' example request, verbatim.
UPSERT_REQUEST_EXAMPLE = {
    "marketingSettings": {
        "settings": {
            "marketingPlanGoal": {"goalKey": "BOOST_SALES"},
            "marketingTools": ["SOCIAL_MARKETING"],
            "topics": {"included": ["handmade ceramics", "studio life"], "excluded": ["politics"]},
            "toneOfVoice": "warm and playful",
            "pointOfView": "SECOND_PERSON",
            "businessProfile": {
                "valueProposition": "hand-thrown stoneware for everyday rituals",
                "targetAudience": "design-conscious home cooks",
            },
        },
        "overrides": {"socialMarketing": {"frequency": {"interval": "WEEK", "count": 3}}},
    },
    "fieldMask": "settings.marketingPlanGoal,settings.marketingTools,settings.topics,"
    "settings.toneOfVoice,settings.pointOfView,settings.businessProfile,"
    "overrides.socialMarketing.frequency",
}

# §5.3 UpsertMarketingSettings' example answer.
UPSERT_RESPONSE_EXAMPLE = {
    "marketingSettings": {
        "id": "8a1f0c2e-4b7d-4e2a-9f31-0c6d5b7e8a90",
        "createdAt": "2026-07-01T10:00:00.000Z",
        "updatedAt": "2026-07-01T10:00:00.000Z",
        "settings": {"marketingPlanGoal": {"goalKey": "BOOST_SALES"}, "language": "en"},
        "overrides": {"socialMarketing": {"frequency": {"interval": "WEEK", "count": 3}}},
    }
}

# §5.2 GetMarketingSettings' example answer (no saved preferences).
GET_EXAMPLE = {
    "marketingSettings": {
        "id": "8a1f0c2e-4b7d-4e2a-9f31-0c6d5b7e8a90",
        "settings": {"language": "en", "businessLocation": {}, "targetLocations": []},
    }
}

SITE_DERIVED = Settings(language="en", business_location={"city": "Lisbon"}, target_locations=())


def example_settings() -> MarketingSettings:
    """The settings of the §5.3 example, plus the read-only fields a GET returns."""
    return MarketingSettings(
        id="8a1f0c2e-4b7d-4e2a-9f31-0c6d5b7e8a90",
        settings=Settings(
            marketing_plan_goal=MarketingPlanGoal(goal_key=PlanGoal.BOOST_SALES),
            marketing_tools=(MarketingTool.SOCIAL_MARKETING,),
            topics=Topics(included=("handmade ceramics", "studio life"), excluded=("politics",)),
            tone_of_voice="warm and playful",
            point_of_view=PointOfView.SECOND_PERSON,
            business_profile=BusinessProfile(
                value_proposition="hand-thrown stoneware for everyday rituals",
                target_audience="design-conscious home cooks",
            ),
            language="en",
            business_location={"city": "Lisbon"},
            target_locations=(),
        ),
        overrides=SettingsOverrides(
            social_marketing=ToolOverride(
                frequency=Frequency(interval=FrequencyInterval.WEEK, count=3)
            )
        ),
    )


EXAMPLE_MASK = [
    "settings.marketingPlanGoal",
    "settings.marketingTools",
    "settings.topics",
    "settings.toneOfVoice",
    "settings.pointOfView",
    "settings.businessProfile",
    "overrides.socialMarketing.frequency",
]


async def test_get_marketing_settings_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(GET_EXAMPLE)

    settings = await plan.get_marketing_settings()

    assert (wix.last.method, wix.last.path, wix.last.query) == (
        "GET",
        f"{PLAN_ROOT}/marketing-settings",
        [],
    )
    assert settings.id == "8a1f0c2e-4b7d-4e2a-9f31-0c6d5b7e8a90"
    assert settings.settings.language == "en"
    assert settings.settings.marketing_plan_goal is None


async def test_upsert_marketing_settings_matches_contract_example_body(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPSERT_RESPONSE_EXAMPLE)

    saved = await plan.upsert_marketing_settings(example_settings(), EXAMPLE_MASK)

    assert wix.last.method == "POST"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-settings"
    assert wix.last.body == UPSERT_REQUEST_EXAMPLE
    assert saved.settings.marketing_plan_goal == MarketingPlanGoal(goal_key=PlanGoal.BOOST_SALES)
    assert saved.overrides is not None
    assert saved.overrides.social_marketing is not None
    assert saved.overrides.social_marketing.frequency == Frequency(
        interval=FrequencyInterval.WEEK, count=3
    )


async def test_upsert_sends_field_mask_as_one_string_even_from_snake_case(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPSERT_RESPONSE_EXAMPLE)

    await plan.upsert_marketing_settings(
        example_settings(), ("settings.tone_of_voice", "overrides.social_marketing.frequency")
    )

    assert wix.last.body["fieldMask"] == "settings.toneOfVoice,overrides.socialMarketing.frequency"
    assert isinstance(wix.last.body["fieldMask"], str)


async def test_upsert_whole_settings_never_sends_read_only_fields(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPSERT_RESPONSE_EXAMPLE)

    await plan.upsert_marketing_settings(example_settings(), ["settings"])

    sent = wix.last.body["marketingSettings"]
    assert set(sent) == {"settings"}
    assert {"language", "businessLocation", "targetLocations"}.isdisjoint(sent["settings"])
    assert sent["settings"]["toneOfVoice"] == "warm and playful"


async def test_upsert_sends_null_to_clear_a_masked_path(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(UPSERT_RESPONSE_EXAMPLE)

    await plan.upsert_marketing_settings(
        MarketingSettings(settings=SITE_DERIVED), ["settings.toneOfVoice"]
    )

    assert wix.last.body == {
        "marketingSettings": {"settings": {"toneOfVoice": None}},
        "fieldMask": "settings.toneOfVoice",
    }


@pytest.mark.parametrize(
    ("mask", "reason"),
    [
        (["settings.language"], "read-only"),
        (["settings.businessLocation.city"], "read-only"),
        (["settings.targetLocations"], "read-only"),
        (["createdAt"], "read-only"),
        (["toneOfVoice"], "not a settings path"),
        ([], "at least one"),
    ],
)
async def test_upsert_refuses_bad_masks_before_sending(
    plan: MarketingPlanClient, wix: FakeWix, mask: list[str], reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        await plan.upsert_marketing_settings(example_settings(), mask)

    assert wix.sent == []


async def test_get_marketing_settings_defaults_sends_comma_separated_mask(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(
        {
            "defaults": {
                "marketingPlanGoal": {"goalKey": "DRIVE_TRAFFIC"},
                "socialChannels": ["FACEBOOK", "INSTAGRAM"],
            }
        }
    )

    defaults = await plan.get_marketing_settings_defaults(["marketingPlanGoal", "socialChannels"])

    assert wix.last.method == "GET"
    assert wix.last.path == f"{PLAN_ROOT}/marketing-settings/defaults"
    assert wix.last.query == [("fieldMask", "marketingPlanGoal,socialChannels")]
    assert defaults.marketing_plan_goal == MarketingPlanGoal(goal_key=PlanGoal.DRIVE_TRAFFIC)
    assert defaults.social_channels == (ChannelName.FACEBOOK, ChannelName.INSTAGRAM)


async def test_get_marketing_settings_defaults_without_fields_sends_no_mask(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply({"defaults": {}})

    await plan.get_marketing_settings_defaults()

    assert wix.last.query == []


async def test_get_marketing_settings_defaults_refuses_other_fields(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    with pytest.raises(ValueError, match="toneOfVoice"):
        await plan.get_marketing_settings_defaults(["frequency", "toneOfVoice"])

    assert wix.sent == []


async def test_get_plan_goal_options_reads_example(plan: MarketingPlanClient, wix: FakeWix) -> None:
    wix.reply(
        {
            "options": [
                {"planGoalKey": "DRIVE_TRAFFIC"},
                {"planGoalKey": "BRAND_AWARENESS"},
                {"planGoalKey": "BOOST_SALES"},
                {"planGoalKey": "COLLECT_LEADS"},
            ]
        }
    )

    options = await plan.get_plan_goal_options()

    assert (wix.last.method, wix.last.path) == (
        "GET",
        f"{PLAN_ROOT}/marketing-settings/plan-goal-options",
    )
    assert [option.plan_goal_key for option in options] == list(PlanGoal)


async def test_get_point_of_view_options_reads_example(
    plan: MarketingPlanClient, wix: FakeWix
) -> None:
    wix.reply(
        {
            "options": [
                {"pointOfView": "FIRST_PERSON"},
                {"pointOfView": "SECOND_PERSON"},
                {"pointOfView": "THIRD_PERSON"},
            ]
        }
    )

    options = await plan.get_point_of_view_options()

    assert (wix.last.method, wix.last.path) == (
        "GET",
        f"{PLAN_ROOT}/marketing-settings/point-of-view-options",
    )
    assert [option.point_of_view for option in options] == list(PointOfView)


async def test_get_calendar_options_reads_example(plan: MarketingPlanClient, wix: FakeWix) -> None:
    wix.reply({"options": [{"id": "c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57"}]})

    options = await plan.get_calendar_options()

    assert (wix.last.method, wix.last.path) == (
        "GET",
        f"{PLAN_ROOT}/marketing-settings/calendar-options",
    )
    assert [option.id for option in options] == ["c7e2b9d4-1a5f-4e3c-8b6d-2f9a0e1c3b57"]

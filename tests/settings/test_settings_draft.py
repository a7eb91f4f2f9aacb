"""The settings form's rules, without a terminal: validation, the exact fieldMask, the body."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tui_planner.api.models import (
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
from tui_planner.store.settings_draft import (
    FrequencyDraft,
    SettingsDraft,
    changed_fields,
    changed_paths,
    draft_from_settings,
    to_settings,
    validate,
)

STORED = MarketingSettings(
    id="site",
    settings=Settings(
        marketing_plan_goal=MarketingPlanGoal(goal_key=PlanGoal.BOOST_SALES),
        marketing_tools=(MarketingTool.SOCIAL_MARKETING,),
        social_channels=(ChannelName.INSTAGRAM,),
        topics=Topics(included=("handmade ceramics",), excluded=("politics",)),
        tone_of_voice="warm and playful",
        point_of_view=PointOfView.SECOND_PERSON,
        language="en",
    ),
    overrides=SettingsOverrides(
        social_marketing=ToolOverride(frequency=Frequency(interval=FrequencyInterval.WEEK, count=3))
    ),
)


def test_draft_round_trips_a_stored_record_without_changes() -> None:
    draft = draft_from_settings(STORED)
    assert draft.goal_key == PlanGoal.BOOST_SALES
    assert draft.frequencies[MarketingTool.SOCIAL_MARKETING] == FrequencyDraft(
        FrequencyInterval.WEEK, "3"
    )
    assert changed_paths(draft, draft) == ()
    assert validate(draft) == {}


def test_changing_tone_masks_only_tone() -> None:
    original = draft_from_settings(STORED)
    edited = replace(original, tone_of_voice="bold and confident")
    assert changed_paths(original, edited) == ("settings.toneOfVoice",)


def test_whitespace_only_edits_are_not_changes() -> None:
    original = draft_from_settings(STORED)
    assert changed_paths(original, replace(original, tone_of_voice=" warm and playful ")) == ()


def test_goal_key_and_custom_goal_share_one_path() -> None:
    original = draft_from_settings(STORED)
    edited = replace(original, goal_key=None, custom_goal="Fill the spring workshops")
    assert changed_paths(original, edited) == ("settings.marketingPlanGoal",)
    body = to_settings(edited).settings.marketing_plan_goal
    assert body == MarketingPlanGoal(custom_goal="Fill the spring workshops")


def test_frequency_change_masks_that_tool_override_only() -> None:
    original = draft_from_settings(STORED)
    edited = original.with_frequency(
        MarketingTool.EMAIL_MARKETING, FrequencyDraft(FrequencyInterval.MONTH, "2")
    )
    assert changed_fields(original, edited) == ("frequencies.EMAIL_MARKETING",)
    assert changed_paths(original, edited) == ("overrides.emailMarketing.frequency",)
    overrides = to_settings(edited).overrides
    assert overrides is not None
    assert overrides.email_marketing is not None
    assert overrides.email_marketing.frequency == Frequency(
        interval=FrequencyInterval.MONTH, count=2
    )


def test_topics_edit_masks_topics_and_body_holds_both_lists() -> None:
    original = draft_from_settings(STORED)
    edited = replace(original, topics_excluded=("politics", "discounts"))
    assert changed_paths(original, edited) == ("settings.topics",)
    topics = to_settings(edited).settings.topics
    assert topics == Topics(included=("handmade ceramics",), excluded=("politics", "discounts"))


def test_read_only_fields_never_reach_the_body() -> None:
    body = to_settings(draft_from_settings(STORED)).settings
    assert body.language is None
    assert body.business_location is None
    assert body.target_locations is None


def test_counts_outside_one_to_thirty_are_refused_next_to_their_field() -> None:
    draft = draft_from_settings(STORED)
    for typed, fragment in (("0", "out of range"), ("31", "out of range"), ("three", "whole")):
        bad = draft.with_frequency(
            MarketingTool.SOCIAL_MARKETING, FrequencyDraft(FrequencyInterval.WEEK, typed)
        )
        assert fragment in validate(bad)["frequencies.SOCIAL_MARKETING"]


@given(st.integers(min_value=1, max_value=30))
def test_every_count_from_one_to_thirty_is_accepted(count: int) -> None:
    draft = SettingsDraft(
        goal_key=PlanGoal.DRIVE_TRAFFIC,
        marketing_tools=(MarketingTool.BLOGS,),
    ).with_frequency(MarketingTool.BLOGS, FrequencyDraft(FrequencyInterval.MONTH, str(count)))
    assert validate(draft) == {}


def test_required_choices_are_reported() -> None:
    errors = validate(SettingsDraft(marketing_tools=(MarketingTool.SOCIAL_MARKETING,)))
    assert set(errors) == {"goal_key", "social_channels"}
    assert "at least one marketing tool" in validate(SettingsDraft())["marketing_tools"]


def test_empty_choices_left_as_they_were_mean_use_the_defaults() -> None:
    nothing_saved = draft_from_settings(None)
    edited = replace(nothing_saved, tone_of_voice="calm")
    assert validate(edited, nothing_saved) == {}
    cleared = replace(draft_from_settings(STORED), marketing_tools=())
    assert set(validate(cleared, draft_from_settings(STORED))) == {"marketing_tools"}


def test_a_topic_cannot_be_included_and_avoided() -> None:
    draft = replace(
        draft_from_settings(STORED),
        topics_included=("Pottery",),
        topics_excluded=("pottery",),
    )
    assert "both included and avoided" in validate(draft)["topics_excluded"]


def test_over_long_text_names_its_length_and_limit() -> None:
    draft = replace(draft_from_settings(STORED), tone_of_voice="x" * 250)
    assert validate(draft)["tone_of_voice"] == ("Tone of voice is 250 characters; keep it to 200.")


def test_clearing_a_frequency_sends_an_empty_override_for_its_masked_path() -> None:
    original = draft_from_settings(STORED)
    edited = original.with_frequency(MarketingTool.SOCIAL_MARKETING, FrequencyDraft())
    assert changed_paths(original, edited) == ("overrides.socialMarketing.frequency",)
    overrides = to_settings(edited).overrides
    assert overrides is not None
    assert overrides.social_marketing == ToolOverride()

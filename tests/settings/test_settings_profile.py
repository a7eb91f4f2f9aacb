"""Settings profiles: export to TOML, import with validation, and the diff shown before saving."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui_planner.api.models import ChannelName, FrequencyInterval, MarketingTool, PlanGoal
from tui_planner.store.settings_draft import FrequencyDraft, SettingsDraft
from tui_planner.store.settings_profile import (
    ProfileChange,
    ProfileError,
    diff_drafts,
    dump_profile,
    load_profile,
)

DRAFT = SettingsDraft(
    goal_key=PlanGoal.COLLECT_LEADS,
    marketing_tools=(MarketingTool.SOCIAL_MARKETING, MarketingTool.EMAIL_MARKETING),
    social_channels=(ChannelName.INSTAGRAM, ChannelName.LINKEDIN),
    tone_of_voice="calm, expert",
    topics_included=("glaze chemistry",),
    topics_excluded=("politics",),
    value_proposition="Small-batch stoneware",
).with_frequency(MarketingTool.SOCIAL_MARKETING, FrequencyDraft(FrequencyInterval.WEEK, "4"))


def test_export_then_import_gives_the_same_draft() -> None:
    text = dump_profile(DRAFT)
    assert text.startswith("# planner-tui settings profile")
    assert load_profile(text, source="p.toml") == DRAFT


def test_unknown_key_is_named_with_the_file() -> None:
    with pytest.raises(ProfileError, match=r"p\.toml: colour: Extra inputs are not permitted"):
        load_profile('colour = "blue"\n', source="p.toml")


def test_out_of_range_count_is_refused() -> None:
    text = '[frequency.socialMarketing]\ninterval = "WEEK"\ncount = 40\n'
    with pytest.raises(ProfileError, match=r"frequency\.socialMarketing\.count"):
        load_profile(text, source="p.toml")


def test_unknown_tool_in_frequency_is_refused() -> None:
    text = '[frequency.podcasts]\ninterval = "WEEK"\ncount = 2\n'
    with pytest.raises(ProfileError, match=r"frequency\.podcasts is not a tool"):
        load_profile(text, source="p.toml")


def test_malformed_toml_is_a_sentence() -> None:
    with pytest.raises(ProfileError, match="is not valid TOML"):
        load_profile("goal = ", source="p.toml")


def test_diff_lists_only_changed_fields_in_words() -> None:
    after = replace(DRAFT, tone_of_voice="bold").with_frequency(
        MarketingTool.SOCIAL_MARKETING, FrequencyDraft(FrequencyInterval.WEEK, "2")
    )
    assert diff_drafts(DRAFT, after) == (
        ProfileChange("Tone of voice", "calm, expert", "bold"),
        ProfileChange("Posting frequency (social marketing)", "4 per week", "2 per week"),
    )
    assert diff_drafts(DRAFT, DRAFT) == ()

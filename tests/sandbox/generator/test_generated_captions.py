"""Post drafts: one per channel, within each network's limits, shaped by the settings."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.sandbox.generator.generator_helpers import (
    SEED,
    captions,
    media_url,
    plan,
    posts,
    text_of,
)
from tui_planner.api.channel_rules import (
    CAPTION_LIMITS,
    HASHTAG_LIMITS,
    TITLE_LIMITS,
    caption_length,
    hashtags,
    links,
)
from tui_planner.api.models import (
    PLAN_CHANNELS,
    BusinessProfile,
    ChannelName,
    ItemType,
    MarketingActivityType,
    MarketingPlanGoal,
    PlanGoal,
    PointOfView,
    PostItem,
    Settings,
    Topics,
)
from tui_planner.sandbox.generator import (
    DEMO_PROFILE,
    EventOccurrence,
    GeneratedActivity,
    activity_posts,
)

PLACEHOLDERS = re.compile(r"lorem|ipsum|\bpost \d|\bTODO\b|\bTBD\b|[{}]|\bNone\b", re.IGNORECASE)
EXPECTED_KEYS = {
    ChannelName.FACEBOOK: "facebookPost",
    ChannelName.INSTAGRAM: "instagramPost",
    ChannelName.LINKEDIN: "linkedinPost",
    ChannelName.PINTEREST: "pinterestPost",
    ChannelName.GBP: "gbpPost",
    ChannelName.TIKTOK: "tiktokPhoto",
    ChannelName.TWITTER: "twitterPost",
}
SETTINGS_VARIANTS = [
    None,
    *(Settings(marketing_plan_goal=MarketingPlanGoal(goal_key=goal)) for goal in PlanGoal),
    *(Settings(point_of_view=pov, tone_of_voice="bold") for pov in PointOfView),
    Settings(tone_of_voice="playful", topics=Topics(included=("sustainable studio practices",))),
    Settings(custom_content_guidelines="Keep it short. Always mention free local pickup."),
]


def _has_emoji(text: str) -> bool:
    return any(ord(char) >= 0x2600 for char in text)


def _all_posts(settings: Settings | None) -> list[tuple[ChannelName, dict[str, object]]]:
    events = (EventOccurrence("Spring Open Studio", None, datetime(2026, 4, 25).date()),)
    return [
        (post.channel, post.content)
        for activity in plan(settings, events=events)
        for post in posts(activity, settings)
    ]


def test_each_activity_gets_one_post_per_plan_channel_in_its_content_object() -> None:
    activity = plan()[0]
    generated = posts(activity)
    assert [post.channel for post in generated] == list(PLAN_CHANNELS)
    for post in generated:
        assert post.item_type == ItemType.POST
        assert post.content_key == EXPECTED_KEYS[post.channel]
        media = post.content["mediaWrapper"]["media"]
        assert media == [{"type": "IMAGE", "url": media_url(post.channel)}]
        item = PostItem.model_validate(
            {"id": "x", "channel": {"name": post.channel.value}, post.content_key: post.content}
        )
        assert item.text == text_of(post)
        assert item.image == media_url(post.channel)


def test_pinterest_and_tiktok_have_titles_and_gbp_a_call_to_action() -> None:
    generated = {post.channel: post.content for post in posts(plan()[0])}
    assert generated[ChannelName.PINTEREST]["title"]
    assert str(generated[ChannelName.PINTEREST]["link"]).startswith("https://")
    assert generated[ChannelName.TIKTOK]["title"]
    assert generated[ChannelName.GBP]["callToAction"] in {"SHOP", "LEARN_MORE", "SIGN_UP"}
    assert "caption" not in generated[ChannelName.GBP]


def test_the_same_inputs_give_the_same_posts() -> None:
    activity = plan()[3]
    assert posts(activity) == posts(activity)


def test_a_new_generation_rewrites_the_captions() -> None:
    activity = plan()[3]
    first = [text_of(post) for post in posts(activity, generation=0)]
    second = [text_of(post) for post in posts(activity, generation=1)]
    assert sum(a != b for a, b in zip(first, second, strict=True)) >= 5


@pytest.mark.parametrize("settings", SETTINGS_VARIANTS)
def test_every_caption_keeps_its_networks_length_and_hashtag_limits(
    settings: Settings | None,
) -> None:
    for channel, content in _all_posts(settings):
        text = str(content.get("caption") or content.get("description"))
        assert text.strip()
        assert caption_length(channel, text) <= CAPTION_LIMITS[channel], (channel, text)
        assert len(hashtags(text)) <= HASHTAG_LIMITS[channel], (channel, text)
        if channel in TITLE_LIMITS:
            assert 0 < len(str(content["title"])) <= TITLE_LIMITS[channel]
        assert not PLACEHOLDERS.search(text), text


def test_networks_follow_their_habits() -> None:
    by_channel: dict[ChannelName, list[str]] = {}
    for channel, content in _all_posts(None):
        by_channel.setdefault(channel, []).append(
            str(content.get("caption") or content.get("description"))
        )
    assert all(1 <= len(hashtags(text)) <= 2 for text in by_channel[ChannelName.TWITTER])
    assert all(len(hashtags(text)) >= 8 for text in by_channel[ChannelName.INSTAGRAM])
    assert all(text.split("\n")[-1].startswith("#") for text in by_channel[ChannelName.INSTAGRAM])
    linkedin = by_channel[ChannelName.LINKEDIN]
    assert all(len(hashtags(text)) == 3 for text in linkedin)
    assert all(3 <= len(hashtags(text)) <= 5 for text in by_channel[ChannelName.TIKTOK])
    assert all(not hashtags(text) and not _has_emoji(text) for text in by_channel[ChannelName.GBP])
    assert sum(bool(links(text)) for text in linkedin) > len(linkedin) // 2
    instagram = by_channel[ChannelName.INSTAGRAM]
    assert sum(map(len, by_channel[ChannelName.TWITTER])) < sum(map(len, instagram))
    assert sum("bio" in text for text in instagram) > len(instagram) // 2
    assert not any(links(text.rsplit("\n\n", 1)[0]) for text in instagram)
    assert sum(map(len, linkedin)) > sum(map(len, by_channel[ChannelName.TIKTOK]))


def test_first_person_speaks_as_we() -> None:
    texts = captions(Settings(point_of_view=PointOfView.FIRST_PERSON))
    assert sum(bool(re.search(r"\b(we|our|us)\b", t, re.IGNORECASE)) for t in texts) > (
        len(texts) * 0.8
    )


def test_second_person_speaks_to_you_and_never_as_we() -> None:
    texts = captions(Settings(point_of_view=PointOfView.SECOND_PERSON))
    assert all(re.search(r"\byou", t, re.IGNORECASE) for t in texts)
    assert not any(re.search(r"\b(we|we're|we've|our)\b", t, re.IGNORECASE) for t in texts)


def test_third_person_names_the_business_and_never_says_we() -> None:
    texts = captions(Settings(point_of_view=PointOfView.THIRD_PERSON))
    assert not any(re.search(r"\b(we|we're|we've|our|us)\b", t, re.IGNORECASE) for t in texts)
    assert sum(DEMO_PROFILE.name in t for t in texts) > len(texts) * 0.6


def test_a_professional_tone_drops_emoji_and_exclamations_that_a_playful_one_uses() -> None:
    professional = captions(Settings(tone_of_voice="Professional and informative"))
    playful = captions(Settings(tone_of_voice="playful, fun"))
    assert not any(_has_emoji(t) or "!" in t for t in professional)
    assert sum(_has_emoji(t) for t in playful) > len(playful) // 2
    assert any("!" in t for t in playful)


def test_a_bold_tone_shouts_its_hooks() -> None:
    texts = captions(Settings(tone_of_voice="bold"))
    assert any(re.search(r"\b[A-Z]{4,} [A-Z]{3,}\b", t) for t in texts)


@pytest.mark.parametrize(
    ("goal", "pattern"),
    [
        (PlanGoal.BOOST_SALES, r"\bshop\b|\border\b"),
        (PlanGoal.DRIVE_TRAFFIC, r"\bread\b|/blog"),
        (PlanGoal.COLLECT_LEADS, r"sign up|sign-up|join the list|waitlist"),
        (PlanGoal.BRAND_AWARENESS, r"\bfollow\b|\bshare\b|say hello|send this"),
    ],
)
def test_the_goal_sets_the_call_to_action(goal: PlanGoal, pattern: str) -> None:
    texts = captions(Settings(marketing_plan_goal=MarketingPlanGoal(goal_key=goal)))
    others = captions(
        Settings(
            marketing_plan_goal=MarketingPlanGoal(
                goal_key=PlanGoal.BRAND_AWARENESS
                if goal != PlanGoal.BRAND_AWARENESS
                else PlanGoal.BOOST_SALES
            )
        )
    )

    def hits(values: list[str]) -> int:
        return sum(bool(re.search(pattern, v, re.IGNORECASE)) for v in values)

    assert hits(texts) > len(texts) // 3
    assert hits(texts) > 2 * hits(others)


def test_included_topics_appear_in_captions() -> None:
    texts = captions(Settings(topics=Topics(included=("glaze chemistry",))))
    assert all("glaze chemistry" in t.lower() or "#glazechemistry" in t for t in texts)


def test_business_profile_and_guidelines_shape_the_text() -> None:
    settings = Settings(
        business_profile=BusinessProfile(
            target_audience="new parents in Asheville",
            value_proposition="mugs that survive a toddler",
        ),
        custom_content_guidelines="Always mention free local pickup. No emojis, please.",
    )
    texts = captions(settings)
    assert sum("new parents in Asheville" in t for t in texts) > len(texts) // 2
    assert sum("mugs that survive a toddler" in t for t in texts) > len(texts) // 2
    assert sum("free local pickup" in t.lower() for t in texts) > len(texts) * 0.8
    assert not any(_has_emoji(t) for t in texts)


def test_a_user_created_activity_gets_posts_about_its_own_title() -> None:
    activity = GeneratedActivity(
        title="Mother's Day pre-orders open",
        description="Pre-orders for the Sea Glass Bowl Set close on Friday.",
        date=datetime(2026, 5, 1, 12, tzinfo=UTC),
        activity_type=MarketingActivityType.SOCIAL_MARKETING,
        key="3f1a6f7e-1b6c-4a43-9fb5-0b1c55d1a0f2",
    )
    generated = activity_posts(
        DEMO_PROFILE, None, activity, seed=SEED, generation=0, media_url=media_url
    )
    texts = [text_of(post) for post in generated]
    assert len(generated) == len(PLAN_CHANNELS)
    assert any("Mother's Day pre-orders open" in t for t in texts)
    assert any("Sea Glass Bowl Set" in t for t in texts)

"""Shared builders for the generator tests: one plan period, its plan, posts and captions."""

from __future__ import annotations

from datetime import date
from typing import Any

from tui_planner.api.models import ChannelName, Settings, SettingsOverrides
from tui_planner.sandbox.generator import (
    DEMO_PROFILE,
    EventOccurrence,
    GeneratedActivity,
    GeneratedPost,
    activity_posts,
    plan_activities,
)

TODAY = date(2026, 4, 8)
PERIOD_END = date(2026, 5, 31)
SEED = 7


def plan(
    settings: Settings | None = None,
    overrides: SettingsOverrides | None = None,
    events: tuple[EventOccurrence, ...] = (),
    *,
    generation: int = 0,
    seed: int = SEED,
    today: date = TODAY,
    period_end: date = PERIOD_END,
) -> list[GeneratedActivity]:
    """The demo site's plan for the test period."""
    return plan_activities(
        DEMO_PROFILE,
        settings,
        overrides,
        events,
        seed=seed,
        today=today,
        period_end=period_end,
        generation=generation,
    )


def media_url(channel: ChannelName) -> str:
    """A stand-in media URL naming the channel."""
    return f"http://sandbox.test/media/{channel.value.lower()}.png"


def posts(
    activity: GeneratedActivity, settings: Settings | None = None, *, generation: int = 0
) -> list[GeneratedPost]:
    """The posts of one activity."""
    return activity_posts(
        DEMO_PROFILE, settings, activity, seed=SEED, generation=generation, media_url=media_url
    )


def text_of(post: GeneratedPost) -> str:
    """A post's caption or description."""
    content: dict[str, Any] = post.content
    return str(content.get("caption") or content.get("description") or "")


def captions(settings: Settings | None = None, limit: int = 12) -> list[str]:
    """Every caption of the first ``limit`` social activities of a plan under ``settings``."""
    activities = [a for a in plan(settings) if a.activity_type.value == "SOCIAL_MARKETING"]
    return [text_of(post) for a in activities[:limit] for post in posts(a, settings)]

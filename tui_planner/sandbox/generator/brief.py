"""The content brief: a site profile and its marketing settings resolved into what copy needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tui_planner.api.models import (
    MarketingActivityType,
    MarketingTool,
    PlanGoal,
    PointOfView,
    Settings,
)

from .exclusion import TopicFilter
from .guidelines import Guidelines
from .profile import Product, SiteProfile
from .tone import Tone, ToneStyle, tone_from_text

__all__ = ["ContentBrief", "possessive"]

_TOOL_TYPES: dict[MarketingTool, MarketingActivityType] = {
    MarketingTool.SOCIAL_MARKETING: MarketingActivityType.SOCIAL_MARKETING,
    MarketingTool.BLOGS: MarketingActivityType.BLOG,
    MarketingTool.EMAIL_MARKETING: MarketingActivityType.EMAIL_MARKETING,
}


@dataclass(frozen=True)
class ContentBrief:
    """Everything the writer takes from the profile and settings, excluded topics already removed.

    Every pool here (products, topics, moments, tips, offers, audience) has been screened by
    ``topic_filter``, so copy built from it starts clean.
    """

    profile: SiteProfile
    goal: PlanGoal | None
    custom_goal: str | None
    point_of_view: PointOfView
    tone: Tone
    style: ToneStyle
    included: tuple[str, ...]
    topic_filter: TopicFilter
    audience: str
    value: str
    guidelines: Guidelines
    tools: frozenset[MarketingActivityType]
    products: tuple[Product, ...]
    topics: tuple[str, ...]
    moments: tuple[str, ...]
    tips: tuple[str, ...]
    offers: tuple[str, ...]
    emoji: tuple[str, ...]
    website: str | None
    custom_audience: bool = False
    custom_value: bool = False

    @classmethod
    def build(cls, profile: SiteProfile, settings: Settings | None) -> ContentBrief:
        """Resolve ``settings`` (``None``: the site never saved any) against ``profile``."""
        # Settings hold dicts, so they are keyed by their JSON; a plan's posts share one brief.
        return _cached_brief(profile, settings.model_dump_json() if settings else None)

    @classmethod
    def _resolve(cls, profile: SiteProfile, settings: Settings | None) -> ContentBrief:
        settings = settings or Settings()
        topics = settings.topics
        topic_filter = TopicFilter.of(topics.excluded if topics else ())
        included = tuple(
            dict.fromkeys(t.strip() for t in (topics.included if topics else ()) if t.strip())
        )
        goal = settings.marketing_plan_goal
        business = settings.business_profile
        guidelines = Guidelines.parse(settings.custom_content_guidelines)
        tone = tone_from_text(settings.tone_of_voice or profile.voice)
        return cls(
            profile=profile,
            goal=goal.goal_key if goal and goal.goal_key and goal.goal_key.is_known else None,
            custom_goal=_allowed(topic_filter, goal.custom_goal if goal else None),
            point_of_view=_point_of_view(settings.point_of_view),
            tone=tone,
            style=ToneStyle.of(tone),
            included=tuple(topic_filter.keep(included)),
            topic_filter=topic_filter,
            audience=_first(
                topic_filter,
                business.target_audience if business else None,
                profile.audience,
                "everyone who appreciates good things",
            ),
            value=_first(
                topic_filter,
                business.value_proposition if business else None,
                profile.value_proposition,
                profile.tagline,
                "care in every detail",
            ),
            guidelines=guidelines,
            tools=_tools(settings.marketing_tools),
            products=tuple(topic_filter.keep(profile.products, lambda p: f"{p.name} {p.note}")),
            topics=tuple(topic_filter.keep(profile.topics)),
            moments=tuple(topic_filter.keep(profile.moments)),
            tips=tuple(topic_filter.keep(profile.tips)),
            offers=tuple(topic_filter.keep(profile.offers)),
            emoji=() if guidelines.no_emoji else tuple(topic_filter.keep(profile.emoji)),
            website=profile.website if topic_filter.allows(profile.website) else None,
            custom_audience=bool(business and _allowed(topic_filter, business.target_audience)),
            custom_value=bool(business and _allowed(topic_filter, business.value_proposition)),
        )

    @property
    def name(self) -> str:
        """The business name, or a plain stand-in when the user excluded the name itself."""
        name = self.profile.name
        if self.topic_filter.allows(name):
            return name
        return _first(self.topic_filter, self.profile.place_noun, "the team")

    def pronouns(self) -> dict[str, str]:
        """Template slots for the business under the chosen point of view (``{our}``, ``{us}``)."""
        if self.point_of_view == PointOfView.THIRD_PERSON:
            ours = possessive(self.name)
            return {"our": ours, "Our": _capital(ours), "us": self.name, "Us": _capital(self.name)}
        if self.point_of_view == PointOfView.SECOND_PERSON:
            place = self.profile.place_noun
            return {"our": "the", "Our": "The", "us": place, "Us": _capital(place)}
        return {"our": "our", "Our": "Our", "us": "us", "Us": "Us"}


@lru_cache(maxsize=32)
def _cached_brief(profile: SiteProfile, settings_json: str | None) -> ContentBrief:
    settings = Settings.model_validate_json(settings_json) if settings_json else None
    return ContentBrief._resolve(profile, settings)


def possessive(noun: str) -> str:
    """``noun``'s, with the bare apostrophe English uses after a final s."""
    return f"{noun}'" if noun.endswith("s") else f"{noun}'s"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _point_of_view(value: PointOfView | None) -> PointOfView:
    if value is not None and value.is_known:
        return value
    return PointOfView.FIRST_PERSON


def _tools(tools: tuple[MarketingTool, ...] | None) -> frozenset[MarketingActivityType]:
    if tools is None:
        return frozenset(_TOOL_TYPES.values())
    return frozenset(_TOOL_TYPES[tool] for tool in tools if tool in _TOOL_TYPES)


def _allowed(topic_filter: TopicFilter, text: str | None) -> str | None:
    if text and text.strip() and topic_filter.allows(text):
        return text.strip()
    return None


def _first(topic_filter: TopicFilter, *candidates: str | None) -> str:
    for candidate in candidates:
        allowed = _allowed(topic_filter, candidate)
        if allowed:
            return allowed
    return topic_filter.scrub(candidates[-1] or "")

"""Planning a period's activities: social, blog and email on a cadence, plus events' arcs."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tui_planner.api.models import (
    MarketingActivityType,
    PlanGoal,
    Settings,
    SettingsOverrides,
)

from .brief import ContentBrief
from .cadence import activity_count, frequency_for
from .occurrence import EventOccurrence
from .phrasebook.activities import DESCRIPTIONS, GOAL_AIMS, GOAL_TITLES, TITLES, TOPIC_TITLES
from .profile import SiteProfile
from .seeding import Cycle, stream
from .slots import Material, base_slots
from .template import pick
from .themes import Theme

__all__ = ["GeneratedActivity", "plan_activities"]

SOCIAL = MarketingActivityType.SOCIAL_MARKETING
BLOG = MarketingActivityType.BLOG
EMAIL = MarketingActivityType.EMAIL_MARKETING


@dataclass(frozen=True)
class GeneratedActivity:
    """One planned activity. ``key`` is a stable slug naming it (and seeding its posts)."""

    title: str
    description: str
    date: datetime
    activity_type: MarketingActivityType
    key: str


# How much each goal favours each social theme.
_SOCIAL_WEIGHTS: dict[PlanGoal | None, dict[Theme, float]] = {
    PlanGoal.BOOST_SALES: {
        Theme.PRODUCT_SPOTLIGHT: 3, Theme.OFFER: 3, Theme.SEASONAL: 2,
        Theme.CUSTOMER_STORY: 1.5, Theme.BEHIND_THE_SCENES: 1, Theme.HOW_TO: 1,
    },
    PlanGoal.BRAND_AWARENESS: {
        Theme.BEHIND_THE_SCENES: 3, Theme.CUSTOMER_STORY: 3, Theme.HOW_TO: 1.5,
        Theme.PRODUCT_SPOTLIGHT: 1, Theme.SEASONAL: 1, Theme.OFFER: 0.3,
    },
    PlanGoal.DRIVE_TRAFFIC: {
        Theme.HOW_TO: 3, Theme.PRODUCT_SPOTLIGHT: 2, Theme.BEHIND_THE_SCENES: 1.5,
        Theme.CUSTOMER_STORY: 1, Theme.SEASONAL: 1, Theme.OFFER: 0.5,
    },
    PlanGoal.COLLECT_LEADS: {
        Theme.OFFER: 3, Theme.HOW_TO: 2.5, Theme.BEHIND_THE_SCENES: 1.5,
        Theme.PRODUCT_SPOTLIGHT: 1, Theme.CUSTOMER_STORY: 1, Theme.SEASONAL: 1,
    },
    None: {
        Theme.PRODUCT_SPOTLIGHT: 2, Theme.BEHIND_THE_SCENES: 2, Theme.CUSTOMER_STORY: 1.5,
        Theme.HOW_TO: 1.5, Theme.SEASONAL: 1, Theme.OFFER: 1,
    },
}  # fmt: skip

_BLOG_WEIGHTS: dict[PlanGoal | None, dict[Theme, float]] = {
    PlanGoal.BRAND_AWARENESS: {Theme.BLOG_STORY: 3, Theme.BLOG_GUIDE: 1, Theme.BLOG_LISTICLE: 1},
    PlanGoal.DRIVE_TRAFFIC: {Theme.BLOG_LISTICLE: 3, Theme.BLOG_GUIDE: 2, Theme.BLOG_STORY: 1},
    None: {Theme.BLOG_LISTICLE: 2, Theme.BLOG_GUIDE: 2, Theme.BLOG_STORY: 1},
}

_EMAIL_WEIGHTS: dict[PlanGoal | None, dict[Theme, float]] = {
    PlanGoal.BOOST_SALES: {Theme.EMAIL_OFFER: 2, Theme.EMAIL_NEWSLETTER: 1},
    PlanGoal.COLLECT_LEADS: {Theme.EMAIL_OFFER: 1, Theme.EMAIL_NEWSLETTER: 2},
    None: {Theme.EMAIL_NEWSLETTER: 3, Theme.EMAIL_OFFER: 1},
}

_POSTING_HOURS: dict[MarketingActivityType, tuple[tuple[int, int], ...]] = {
    SOCIAL: ((9, 0), (9, 30), (11, 0), (12, 30), (13, 0), (15, 0), (17, 0), (17, 30), (18, 0)),
    BLOG: ((10, 0), (11, 0), (14, 0)),
    EMAIL: ((9, 0), (9, 30), (10, 0)),
}

# Which tool carries each step of an event's arc, in order of preference.
_EVENT_TYPES: dict[Theme, tuple[MarketingActivityType, ...]] = {
    Theme.EVENT_LEAD_UP: (SOCIAL, EMAIL, BLOG),
    Theme.EVENT_DAY: (SOCIAL, EMAIL, BLOG),
    Theme.EVENT_FOLLOW_UP: (SOCIAL, BLOG, EMAIL),
}

# Themes about a piece someone uses at home; classes and gift cards do not fit them.
_GOODS_THEMES = frozenset(
    {
        Theme.PRODUCT_SPOTLIGHT,
        Theme.BEHIND_THE_SCENES,
        Theme.CUSTOMER_STORY,
        Theme.HOW_TO,
        Theme.SEASONAL,
        Theme.BLOG_LISTICLE,
        Theme.BLOG_GUIDE,
        Theme.BLOG_STORY,
    }
)

_FALLBACK_TITLES = ("News from {place}", "{Season} update from {name}", "{Month} at {place}")


def plan_activities(
    profile: SiteProfile,
    settings: Settings | None,
    overrides: SettingsOverrides | None,
    events: Sequence[EventOccurrence],
    *,
    seed: int,
    today: date,
    period_end: date,
    generation: int,
) -> list[GeneratedActivity]:
    """The activities of a plan from ``today`` to ``period_end``, sorted by date.

    The same inputs always give the same plan; a new ``generation`` (the user asked again)
    gives new titles and dates.
    """
    if period_end < today:
        return []
    planner = _Planner(ContentBrief.build(profile, settings), seed, today, period_end, generation)
    days = (period_end - today).days + 1
    for activity_type in (SOCIAL, BLOG, EMAIL):
        if activity_type in planner.brief.tools:
            count = activity_count(frequency_for(activity_type, settings, overrides), days)
            planner.add_regular(activity_type, count)
    for occurrence in sorted(events, key=lambda e: (e.date, e.name, e.description or "")):
        planner.add_event(occurrence)
    return sorted(planner.activities, key=lambda activity: (activity.date, activity.key))


class _Planner:
    """Builds one plan's activities, rotating through the material so neighbours differ."""

    def __init__(
        self, brief: ContentBrief, seed: int, today: date, period_end: date, generation: int
    ) -> None:
        self.brief = brief
        self.seed = seed
        self.today = today
        self.period_end = period_end
        self.generation = generation
        self.activities: list[GeneratedActivity] = []
        rng = stream(seed, "plan", today, generation)
        self._rng = rng
        self._products = Cycle(brief.products, rng)
        self._goods = Cycle([p for p in brief.products if p.physical] or brief.products, rng)
        self._used_titles: set[str] = set()
        self._included = Cycle(brief.included, rng)
        self._topics = Cycle(brief.topics, rng)
        self._moments = Cycle(brief.moments, rng)
        self._tips = Cycle(brief.tips, rng)
        self._offers = Cycle(brief.offers, rng)

    def add_regular(self, activity_type: MarketingActivityType, count: int) -> None:
        """``count`` activities of ``activity_type`` spread evenly over the period."""
        days = (self.period_end - self.today).days + 1
        weights = self._weights(activity_type)
        previous: Theme | None = None
        for index in range(count):
            offset = int((index + self._rng.uniform(0.1, 0.9)) * days / count)
            day = self.today + timedelta(days=min(offset, days - 1))
            theme = self._choose_theme(weights, previous)
            previous = theme
            self._add(activity_type, theme, day, self._material(theme))

    def add_event(self, occurrence: EventOccurrence) -> None:
        """Lead-up, day-of and follow-up activities for an event, where they fall in the period."""
        rng = stream(self.seed, "event", occurrence.date, occurrence.name, self.generation)
        lead = rng.randint(2, 5)
        follow = rng.randint(1, 3)
        allowed = self.brief.topic_filter.allows(occurrence.name)
        name = occurrence.name.strip() if allowed and occurrence.name.strip() else "the big day"
        for theme, shift in (
            (Theme.EVENT_LEAD_UP, -lead),
            (Theme.EVENT_DAY, 0),
            (Theme.EVENT_FOLLOW_UP, follow),
        ):
            day = occurrence.date + timedelta(days=shift)
            activity_type = next((t for t in _EVENT_TYPES[theme] if t in self.brief.tools), None)
            if activity_type is None or not self.today <= day <= self.period_end:
                continue
            material = Material(
                product=self._products.take() if self.brief.products else None,
                event=name,
                event_date=occurrence.date,
                topic=self._topic()[0],
            )
            note = occurrence.description if theme == Theme.EVENT_DAY else None
            self._add(activity_type, theme, day, material, note=note)

    def _add(
        self,
        activity_type: MarketingActivityType,
        theme: Theme,
        day: date,
        material: Material,
        note: str | None = None,
    ) -> None:
        key = f"{theme.value}-{day:%Y%m%d}-g{self.generation}-{len(self.activities):03d}"
        rng = stream(self.seed, "activity", key)
        slots = {**base_slots(self.brief, day), **material.slots()}
        title = self._title(theme, slots, material, rng)
        description = self._description(theme, slots, material, note, rng)
        hour, minute = rng.choice(_POSTING_HOURS[activity_type])
        when = datetime.combine(day, time(hour, minute), tzinfo=UTC)
        self.activities.append(GeneratedActivity(title, description, when, activity_type, key))

    def _title(
        self, theme: Theme, slots: dict[str, str], material: Material, rng: random.Random
    ) -> str:
        topic_filter = self.brief.topic_filter
        choices: list[tuple[str, ...]] = []
        if material.included_topic and rng.random() < 0.65:
            choices.append(TOPIC_TITLES.get(theme, ()))
        goal_titles = GOAL_TITLES.get(self.brief.goal, {}) if self.brief.goal else {}
        if theme in goal_titles and rng.random() < 0.5:
            choices.append(goal_titles[theme])
        choices += [TITLES[theme], _FALLBACK_TITLES]
        for templates in choices:
            title = pick(templates, slots, rng, topic_filter, avoid=self._used_titles)
            if title:
                self._used_titles.add(title)
                return title
        for templates in choices:
            title = pick(templates, slots, rng, topic_filter)
            if title:
                return title
        profile = self.brief.profile
        return topic_filter.fallback(f"News from {profile.place_noun}", profile.name, "Update")

    def _description(
        self,
        theme: Theme,
        slots: dict[str, str],
        material: Material,
        note: str | None,
        rng: random.Random,
    ) -> str:
        topic_filter = self.brief.topic_filter
        parts = [pick(DESCRIPTIONS[theme], slots, rng, topic_filter) or ""]
        if note and topic_filter.allows(note):
            parts.append(note.strip())
        if material.included_topic and material.topic:
            parts.append(f"Topic: {material.topic}.")
        if self.brief.goal is None and self.brief.custom_goal:
            parts.append(f"Aim: {self.brief.custom_goal.rstrip('.')}.")
        else:
            parts.append(pick(GOAL_AIMS[self.brief.goal], slots, rng, topic_filter) or "")
        description = topic_filter.clean(" ".join(part for part in parts if part))
        return description or topic_filter.fallback(
            f"Planned {theme.value.replace('-', ' ')} activity.", "Planned activity."
        )

    def _material(self, theme: Theme) -> Material:
        brief = self.brief
        topic, included = self._topic()
        products = self._goods if theme in _GOODS_THEMES else self._products
        return Material(
            product=products.take() if brief.products else None,
            topic=topic,
            included_topic=included,
            moment=self._moments.take() if brief.moments else None,
            tip=self._tips.take() if brief.tips else None,
            offer=self._offers.take() if brief.offers else None,
        )

    def _topic(self) -> tuple[str | None, bool]:
        if self.brief.included:
            return self._included.take(), True
        if self.brief.topics:
            return self._topics.take(), False
        return None, False

    def _weights(self, activity_type: MarketingActivityType) -> dict[Theme, float]:
        goal = self.brief.goal
        table = {SOCIAL: _SOCIAL_WEIGHTS, BLOG: _BLOG_WEIGHTS, EMAIL: _EMAIL_WEIGHTS}[activity_type]
        weights = dict(table.get(goal, table[None]))
        if not self.brief.offers:
            weights.pop(Theme.OFFER, None)
            weights.pop(Theme.EMAIL_OFFER, None)
        return weights

    def _choose_theme(self, weights: dict[Theme, float], previous: Theme | None) -> Theme:
        themes = list(weights)
        # Halve the weight of last time's theme so runs of the same angle are rare.
        scores = [weights[t] * (0.3 if t == previous else 1.0) for t in themes]
        return self._rng.choices(themes, weights=scores)[0]

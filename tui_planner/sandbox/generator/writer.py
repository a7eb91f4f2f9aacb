"""The pieces of one activity's caption for one network, before the network's layout."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from tui_planner.api.models import ChannelName, PlanGoal

from .activities import GeneratedActivity
from .brief import ContentBrief
from .exclusion import TopicFilter
from .phrasebook.ctas import EVENT_IN_BIO, EVENT_LINKED, GBP_ACTIONS, IN_BIO, LINK_PATHS, LINKED
from .phrasebook.posts import BODIES, HOOKS, QUESTIONS, SUPPORT_LINES
from .seeding import stream
from .slots import Material, base_slots
from .tags import tag_pool
from .template import pick, pick_many, pick_template
from .themes import EVENT_THEMES, Theme, theme_of
from .tone import ToneStyle

__all__ = ["ActivityCopy", "CaptionParts", "activity_copy", "caption_parts", "recall_material"]

_QUOTED = re.compile(r"[\"“]([^\"”\n]{2,80})[\"”]")
_GOODS_THEMES = frozenset(
    {Theme.PRODUCT_SPOTLIGHT, Theme.CUSTOMER_STORY, Theme.HOW_TO, Theme.SEASONAL}
)
# A hook template that starts with a lead-in of its own: words up to a ":", "!", "?" or "."
# that more words follow ("Psst: {offer}.", "It's here! {event} starts today.").
_LEAD_IN = re.compile(r"[^:!?.]+[:!?.]\s+\S")


@dataclass(frozen=True)
class CaptionParts:
    """Everything a network's layout may use; each layout takes what its network's habits allow."""

    theme: Theme
    headline: str
    hook: str
    opener: str | None
    body: tuple[str, ...]
    support: tuple[str, ...]
    mentions: tuple[str, ...]
    question: str | None
    closer: str | None
    sign_off: str | None
    cta_link: str
    cta_bio: str
    link: str | None
    tags: tuple[str, ...]
    emoji: tuple[str, ...]
    gbp_action: str
    location_line: str | None


def recall_material(
    brief: ContentBrief, activity: GeneratedActivity, theme: Theme, rng: random.Random
) -> Material:
    """What an activity is about, read back from its title and description.

    Posts are written from the stored activity, which the user may have edited or created, so
    the material is found in its text when it is there and chosen afresh when it is not.
    """
    text = f"{activity.title}\n{activity.description}".lower()
    goods = [p for p in brief.products if p.physical] if theme in _GOODS_THEMES else []
    product = next((p for p in brief.products if p.name.lower() in text), None)
    if product is None and (goods or brief.products):
        product = rng.choice(goods or brief.products)
    included = next((t for t in brief.included if t.lower() in text), None)
    if included is None and brief.included:
        included = rng.choice(brief.included)
    topic = included or _found_or_chosen(brief.topics, text, rng)
    event = None
    if theme in EVENT_THEMES:
        quoted = _QUOTED.search(activity.description)
        name = quoted.group(1).strip() if quoted else ""
        event = name if name and brief.topic_filter.allows(name) else "the big day"
    return Material(
        product=product,
        topic=topic,
        included_topic=included is not None,
        moment=_found_or_chosen(brief.moments, text, rng),
        tip=_found_or_chosen(brief.tips, text, rng),
        offer=_found_or_chosen(brief.offers, text, rng),
        event=event,
    )


@dataclass(frozen=True)
class ActivityCopy:
    """What every network's caption of one activity shares: theme, material, slots and tags."""

    theme: Theme
    material: Material
    headline: str
    slots: dict[str, str]
    tags: tuple[str, ...]


def activity_copy(
    brief: ContentBrief, activity: GeneratedActivity, *, seed: int, generation: int
) -> ActivityCopy:
    """Read the activity once for all its captions (``generation`` may choose new material)."""
    theme = theme_of(activity.key, activity.title, activity.activity_type)
    material = recall_material(
        brief, activity, theme, stream(seed, "material", activity.key, generation)
    )
    day = activity.date.date()
    headline = brief.topic_filter.clean(" ".join(activity.title.split()))
    slots = {**base_slots(brief, day), **material.slots()}
    if headline:
        slots["title"] = headline
    tags = () if brief.guidelines.no_hashtags else tuple(tag_pool(brief, theme, material, day))
    return ActivityCopy(theme, material, headline, slots, tags)


def caption_parts(
    brief: ContentBrief,
    activity: GeneratedActivity,
    copy: ActivityCopy,
    channel: ChannelName,
    *,
    seed: int,
    generation: int,
) -> CaptionParts:
    """The caption pieces of ``activity`` for ``channel``; ``generation`` picks new wording."""
    post_theme = copy.theme.post_theme
    material = copy.material
    slots = copy.slots
    headline = copy.headline
    rng = stream(seed, "caption", activity.key, generation, channel.value)
    topic_filter = brief.topic_filter
    style = brief.style
    pov = brief.point_of_view
    guidelines = brief.guidelines

    goal = _cta_goal(brief.goal, post_theme)
    in_event = post_theme in (Theme.EVENT_LEAD_UP, Theme.EVENT_DAY)
    path = "/events" if in_event else LINK_PATHS[goal]
    link = f"{brief.website}{path}" if brief.website else None
    if link and not topic_filter.allows(link):
        link = brief.website
    link_slots = {**slots, "url": link} if link else slots
    support = [
        line
        for kind, wanted in (
            ("topic", material.included_topic),
            ("value", brief.custom_value or rng.random() < 0.35),
            ("audience", brief.custom_audience or rng.random() < 0.35),
        )
        if wanted and (line := pick(SUPPORT_LINES[pov][kind], slots, rng, topic_filter))
    ]
    wants_question = guidelines.ask_question or rng.random() < 0.6
    own_questions = QUESTIONS.get(post_theme, ())
    borrows = post_theme in _GOODS_THEMES or not own_questions
    questions = QUESTIONS[None] if borrows and rng.random() < 0.4 else own_questions
    linked = EVENT_LINKED if in_event else LINKED[goal]
    in_bio = EVENT_IN_BIO if in_event else IN_BIO[goal]
    sign_off = guidelines.sign_off
    picked_hook = pick_template(HOOKS[post_theme], slots, rng, topic_filter)
    hook = picked_hook[1] if picked_hook else headline
    body = pick_many(
        BODIES[post_theme][pov],
        slots,
        rng,
        topic_filter,
        1 if guidelines.short else 3,
        already_named=_named_in(hook, material),
    )
    cta_link = _sentence(pick(linked, link_slots, rng, topic_filter))
    location_line = pick(
        ("Find {us} in {city}.", "Visit {us} in {city}.", "Drop by {place} in {city}."),
        slots,
        rng,
        topic_filter,
    )
    return CaptionParts(
        theme=post_theme,
        headline=headline,
        hook=hook,
        opener=_opener(style, slots, rng, topic_filter, picked_hook[0] if picked_hook else None),
        body=tuple(body),
        support=tuple(support),
        mentions=tuple(topic_filter.keep(guidelines.mentions)),
        question=pick(questions, slots, rng, topic_filter) if wants_question else None,
        closer=pick(style.closers, slots, rng, topic_filter) if rng.random() < 0.6 else None,
        sign_off=sign_off if sign_off and topic_filter.allows(sign_off) else None,
        cta_link=cta_link,
        cta_bio=_sentence(pick(in_bio, slots, rng, topic_filter)),
        link=link,
        tags=copy.tags,
        emoji=tuple(rng.sample(brief.emoji, min(style.emoji, len(brief.emoji)))),
        gbp_action=GBP_ACTIONS[goal],
        # A call to action that already says where to find the business needs no second line.
        location_line=None if brief.profile.city in cta_link else location_line,
    )


def _opener(
    style: ToneStyle,
    slots: dict[str, str],
    rng: random.Random,
    topic_filter: TopicFilter,
    hook_template: str | None,
) -> str | None:
    """The tone's opener for a caption whose hook was filled from ``hook_template``.

    An opener is an opening hook, so it goes only before a plain hook: one with a lead-in of
    its own would make two glued together ("Pull up a chair: Psst: ..."). The opener is drawn
    either way, so the stream makes the same later choices and a seed keeps its captions.
    """
    opener = pick(style.openers, slots, rng, topic_filter) if rng.random() < 0.5 else None
    if hook_template is not None and _opens_with_lead_in(hook_template):
        return None
    return opener


def _opens_with_lead_in(template: str) -> bool:
    # "Quick tip worth saving:" is nothing but a lead-in.
    text = template.strip()
    return text.endswith(":") or _LEAD_IN.match(text) is not None


def _cta_goal(goal: PlanGoal | None, theme: Theme) -> PlanGoal | None:
    # A blog post asks to be read and a newsletter to be joined, whatever the plan's goal.
    if theme == Theme.BLOG_GUIDE and goal != PlanGoal.COLLECT_LEADS:
        return PlanGoal.DRIVE_TRAFFIC
    if theme == Theme.EMAIL_NEWSLETTER:
        return PlanGoal.COLLECT_LEADS
    return goal


def _named_in(text: str, material: Material) -> set[str]:
    lowered = text.lower()
    pieces = {
        "product": material.product.name if material.product else None,
        "moment": material.moment,
        "event": material.event,
        "offer": material.offer,
        "tip": material.tip,
    }
    return {piece for piece, value in pieces.items() if value and value.lower() in lowered}


def _sentence(text: str | None) -> str:
    # A call to action ending in a link still needs its full stop before the next sentence.
    if not text:
        return ""
    return text if text[-1] in ".!?" else text + "."


def _found_or_chosen(pool: tuple[str, ...], text: str, rng: random.Random) -> str | None:
    found = next((item for item in pool if item.lower() in text), None)
    if found or not pool:
        return found
    return rng.choice(pool)

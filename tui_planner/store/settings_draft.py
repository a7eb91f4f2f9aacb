"""The settings form's values, apart from any widget: validation, dirty paths, the upsert body.

``SettingsDraft`` holds what the form shows, as plain values. The form edits a draft, asks
:func:`validate` for messages keyed by field, and saves with :func:`changed_paths` (the exact
fieldMask) and :func:`to_settings` (the body holding those paths). Keeping it free of Textual
lets the rules be tested directly and reused for imported profiles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from tui_planner.api.models import (
    BusinessProfile,
    CalendarSelection,
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
from tui_planner.api.text_rules import control_character_problem

__all__ = [
    "FIELD_LABELS",
    "FIELD_PATHS",
    "LIMITS",
    "TOOL_LABELS",
    "TOOL_OVERRIDE_KEYS",
    "FrequencyDraft",
    "SettingsDraft",
    "changed_fields",
    "changed_paths",
    "draft_from_settings",
    "to_settings",
    "validate",
]

TOOL_OVERRIDE_KEYS: Mapping[MarketingTool, str] = MappingProxyType(
    {
        MarketingTool.SOCIAL_MARKETING: "socialMarketing",
        MarketingTool.EMAIL_MARKETING: "emailMarketing",
        MarketingTool.BLOGS: "blogs",
    }
)
"""Each tool's key under ``overrides`` (the contract's ``SettingsOverrides``)."""

TOOL_LABELS: Mapping[MarketingTool, str] = MappingProxyType(
    {
        MarketingTool.SOCIAL_MARKETING: "Social posts",
        MarketingTool.BLOGS: "Blog posts",
        MarketingTool.EMAIL_MARKETING: "Emails",
    }
)
"""Each tool's name in the settings form (and in search)."""

# The contract documents no length limits for the free-text fields; these keep a prompt to
# the generator sensible and are checked here only, so a real limit from Wix still reaches
# the user as Wix's own message.
LIMITS: Mapping[str, int] = MappingProxyType(
    {
        "custom_goal": 200,
        "tone_of_voice": 200,
        "value_proposition": 500,
        "target_audience": 500,
        "business_goal": 500,
        "content_guidelines": 2000,
        "image_guidelines": 2000,
        "topic": 100,
        "topics": 20,
    }
)

FREQUENCY_COUNT_RANGE = (1, 30)

# Fields edited in a multi-line box, where tabs and line breaks are text.
_MULTILINE_FIELDS = frozenset({"content_guidelines", "image_guidelines"})


@dataclass(frozen=True, slots=True)
class FrequencyDraft:
    """A per-tool cadence as typed: ``count`` stays text until it validates."""

    interval: FrequencyInterval | None = None
    count: str = ""

    @property
    def is_set(self) -> bool:
        """Whether the user gave this tool a cadence at all."""
        return self.interval is not None or bool(self.count.strip())

    @property
    def whole_count(self) -> int | None:
        """The count as a number when it is one written in 0-9 (``"²"`` is a digit to
        ``str.isdigit`` but no number to ``int``), else ``None``."""
        text = self.count.strip()
        return int(text) if text.isascii() and text.isdigit() else None


def _no_frequencies() -> Mapping[MarketingTool, FrequencyDraft]:
    return MappingProxyType({tool: FrequencyDraft() for tool in TOOL_OVERRIDE_KEYS})


@dataclass(frozen=True, slots=True)
class SettingsDraft:
    """Every writable field of ``MarketingSettings``, as the form holds it."""

    goal_key: PlanGoal | None = None
    custom_goal: str = ""
    marketing_tools: tuple[MarketingTool, ...] = ()
    social_channels: tuple[ChannelName, ...] = ()
    point_of_view: PointOfView | None = None
    tone_of_voice: str = ""
    topics_included: tuple[str, ...] = ()
    topics_excluded: tuple[str, ...] = ()
    frequencies: Mapping[MarketingTool, FrequencyDraft] = field(default_factory=_no_frequencies)
    value_proposition: str = ""
    target_audience: str = ""
    business_goal: str = ""
    calendar_ids: tuple[str, ...] = ()
    content_guidelines: str = ""
    image_guidelines: str = ""

    def with_frequency(self, tool: MarketingTool, value: FrequencyDraft) -> SettingsDraft:
        """A copy with one tool's cadence replaced."""
        frequencies = dict(self.frequencies)
        frequencies[tool] = value
        return replace(self, frequencies=MappingProxyType(frequencies))

    def same_as(self, other: SettingsDraft, name: str) -> bool:
        """Whether field ``name`` holds the same value in both drafts."""
        return bool(_normalised(getattr(self, name)) == _normalised(getattr(other, name)))


def _normalised(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, FrequencyDraft):
        return (value.interval, value.count.strip()) if value.is_set else None
    return value


# Which fieldMask path each draft field belongs to. Several fields share a path (the goal key
# and custom goal are one object), so a change to either sends the whole object.
FIELD_PATHS: Mapping[str, str] = MappingProxyType(
    {
        "goal_key": "settings.marketingPlanGoal",
        "custom_goal": "settings.marketingPlanGoal",
        "marketing_tools": "settings.marketingTools",
        "social_channels": "settings.socialChannels",
        "point_of_view": "settings.pointOfView",
        "tone_of_voice": "settings.toneOfVoice",
        "topics_included": "settings.topics",
        "topics_excluded": "settings.topics",
        "value_proposition": "settings.businessProfile",
        "target_audience": "settings.businessProfile",
        "business_goal": "settings.businessProfile",
        "calendar_ids": "settings.calendar",
        "content_guidelines": "settings.customContentGuidelines",
        "image_guidelines": "settings.imageGuidelines",
    }
)

FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "goal_key": "Goal",
        "custom_goal": "Custom goal",
        "marketing_tools": "Marketing tools",
        "social_channels": "Social channels",
        "point_of_view": "Point of view",
        "tone_of_voice": "Tone of voice",
        "topics_included": "Topics to include",
        "topics_excluded": "Topics to avoid",
        "frequencies": "Posting frequency",
        "value_proposition": "Value proposition",
        "target_audience": "Target audience",
        "business_goal": "Business goal",
        "calendar_ids": "Calendars",
        "content_guidelines": "Content guidelines",
        "image_guidelines": "Image guidelines",
    }
)


def draft_from_settings(record: MarketingSettings | None) -> SettingsDraft:
    """The form values for a stored settings record (``None``: nothing saved yet)."""
    if record is None:
        return SettingsDraft()
    s = record.settings
    goal = s.marketing_plan_goal or MarketingPlanGoal()
    topics = s.topics or Topics()
    profile = s.business_profile or BusinessProfile()
    overrides = record.overrides or SettingsOverrides()
    frequencies: dict[MarketingTool, FrequencyDraft] = {}
    for tool in TOOL_OVERRIDE_KEYS:
        override = _override_for(overrides, tool)
        frequency = override.frequency if override else None
        frequencies[tool] = (
            FrequencyDraft(frequency.interval, str(frequency.count))
            if frequency
            else FrequencyDraft()
        )
    return SettingsDraft(
        goal_key=goal.goal_key,
        custom_goal=goal.custom_goal or "",
        marketing_tools=tuple(s.marketing_tools or ()),
        social_channels=tuple(s.social_channels or ()),
        point_of_view=s.point_of_view,
        tone_of_voice=s.tone_of_voice or "",
        topics_included=tuple(topics.included),
        topics_excluded=tuple(topics.excluded),
        frequencies=MappingProxyType(frequencies),
        value_proposition=profile.value_proposition or "",
        target_audience=profile.target_audience or "",
        business_goal=profile.business_goal or "",
        calendar_ids=tuple(s.calendar.ids) if s.calendar else (),
        content_guidelines=s.custom_content_guidelines or "",
        image_guidelines=s.image_guidelines or "",
    )


def _override_for(overrides: SettingsOverrides, tool: MarketingTool) -> ToolOverride | None:
    if tool == MarketingTool.SOCIAL_MARKETING:
        return overrides.social_marketing
    if tool == MarketingTool.EMAIL_MARKETING:
        return overrides.email_marketing
    return overrides.blogs


def validate(draft: SettingsDraft, original: SettingsDraft | None = None) -> dict[str, str]:
    """Messages keyed by draft field name (``frequencies.SOCIAL_MARKETING`` for a cadence).

    An empty result means the draft may be saved. A field left empty that was empty before
    means "use the site's defaults", so the required choices are checked only for fields the
    user is changing (all of them when there is no ``original``).
    """
    errors: dict[str, str] = {}

    def changing(*names: str) -> bool:
        return original is None or any(not original.same_as(draft, n) for n in names)

    if (
        changing("goal_key", "custom_goal")
        and draft.goal_key is None
        and not draft.custom_goal.strip()
    ):
        errors["goal_key"] = "Choose a goal, or describe your own."
    if changing("marketing_tools") and not draft.marketing_tools:
        errors["marketing_tools"] = "Choose at least one marketing tool."
    if (
        changing("marketing_tools", "social_channels")
        and MarketingTool.SOCIAL_MARKETING in draft.marketing_tools
        and not draft.social_channels
    ):
        errors["social_channels"] = "Choose at least one channel for social marketing."
    for name in (
        "custom_goal",
        "tone_of_voice",
        "value_proposition",
        "target_audience",
        "business_goal",
        "content_guidelines",
        "image_guidelines",
    ):
        limit = LIMITS[name]
        text = str(getattr(draft, name))
        length = len(text.strip())
        hidden = control_character_problem(
            text, FIELD_LABELS[name], multiline=name in _MULTILINE_FIELDS
        )
        if hidden:
            errors[name] = hidden
        elif length > limit:
            errors[name] = f"{FIELD_LABELS[name]} is {length:,} characters; keep it to {limit:,}."
    for name in ("topics_included", "topics_excluded"):
        message = _topics_problem(getattr(draft, name), FIELD_LABELS[name])
        if message:
            errors[name] = message
    both = {t.casefold() for t in draft.topics_included} & {
        t.casefold() for t in draft.topics_excluded
    }
    if both and "topics_excluded" not in errors:
        errors["topics_excluded"] = (
            f"“{sorted(both)[0]}” is both included and avoided; keep it in one list."
        )
    for tool, frequency in draft.frequencies.items():
        message = _frequency_problem(frequency)
        if message:
            errors[f"frequencies.{tool.value}"] = message
    return errors


def _topics_problem(topics: tuple[str, ...], label: str) -> str | None:
    if len(topics) > LIMITS["topics"]:
        return f"{len(topics)} topics; keep it to {LIMITS['topics']}."
    for topic in topics:
        if not topic.strip():
            return "A topic is empty; remove it or give it a name."
        hidden = control_character_problem(topic, label, multiline=False)
        if hidden:
            return hidden
        if len(topic) > LIMITS["topic"]:
            return f"“{topic[:20]}…” is too long; keep topics to {LIMITS['topic']} characters."
    return None


def _frequency_problem(frequency: FrequencyDraft) -> str | None:
    if not frequency.is_set:
        return None
    low, high = FREQUENCY_COUNT_RANGE
    text = frequency.count.strip()
    if frequency.interval is None:
        return "Choose per week, month or year."
    if not text:
        return f"Enter how many, from {low} to {high}."
    count = frequency.whole_count
    if count is None:
        return f"“{text}” is not a whole number; enter {low} to {high}."
    if not low <= count <= high:
        return f"{text} is out of range; enter {low} to {high}."
    return None


def changed_fields(original: SettingsDraft, draft: SettingsDraft) -> tuple[str, ...]:
    """The draft fields whose values differ from ``original`` (for dirty marks)."""
    changed = [f.name for f in fields(SettingsDraft) if not original.same_as(draft, f.name)]
    if "frequencies" in changed:
        changed.remove("frequencies")
        changed.extend(
            f"frequencies.{tool.value}"
            for tool in TOOL_OVERRIDE_KEYS
            if _normalised(original.frequencies.get(tool, FrequencyDraft()))
            != _normalised(draft.frequencies.get(tool, FrequencyDraft()))
        )
    return tuple(changed)


def changed_paths(original: SettingsDraft, draft: SettingsDraft) -> tuple[str, ...]:
    """The fieldMask for saving ``draft`` over ``original``: exactly the changed paths."""
    paths: list[str] = []
    for name in changed_fields(original, draft):
        if name.startswith("frequencies."):
            tool = MarketingTool(name.split(".", 1)[1])
            paths.append(f"overrides.{TOOL_OVERRIDE_KEYS[tool]}.frequency")
        else:
            paths.append(FIELD_PATHS[name])
    return tuple(dict.fromkeys(paths))


def to_settings(draft: SettingsDraft) -> MarketingSettings:
    """The full settings body for ``draft``; the fieldMask decides what the server writes.

    Cleared text fields go out as empty strings and cleared lists as empty lists, which is
    how the contract says to clear a masked field.
    """
    goal = MarketingPlanGoal(goal_key=draft.goal_key, custom_goal=draft.custom_goal.strip() or None)
    settings = Settings(
        marketing_plan_goal=goal,
        marketing_tools=draft.marketing_tools,
        social_channels=draft.social_channels,
        topics=Topics(
            included=tuple(t.strip() for t in draft.topics_included),
            excluded=tuple(t.strip() for t in draft.topics_excluded),
        ),
        tone_of_voice=draft.tone_of_voice.strip(),
        point_of_view=draft.point_of_view,
        business_profile=BusinessProfile(
            value_proposition=draft.value_proposition.strip(),
            target_audience=draft.target_audience.strip(),
            business_goal=draft.business_goal.strip(),
        ),
        calendar=CalendarSelection(ids=draft.calendar_ids),
        custom_content_guidelines=draft.content_guidelines.strip(),
        image_guidelines=draft.image_guidelines.strip(),
    )
    overrides: dict[str, ToolOverride] = {}
    for tool, key in TOOL_OVERRIDE_KEYS.items():
        frequency = draft.frequencies.get(tool, FrequencyDraft())
        count = frequency.whole_count
        if frequency.interval is not None and count is not None:
            overrides[key] = ToolOverride(
                frequency=Frequency(interval=frequency.interval, count=count)
            )
        else:
            overrides[key] = ToolOverride()
    return MarketingSettings(
        settings=settings, overrides=SettingsOverrides.model_validate(overrides)
    )

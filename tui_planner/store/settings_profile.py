"""Settings profiles: the settings form's values as a TOML file a user can keep and share.

A profile holds preferences only (no site-derived or read-only fields). Importing validates
the file with pydantic and names the key that is wrong; nothing is saved until the user has
seen the difference and confirmed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tui_planner.api.models import (
    ChannelName,
    FrequencyInterval,
    MarketingTool,
    PlanGoal,
    PointOfView,
)

from .settings_draft import FIELD_LABELS, TOOL_OVERRIDE_KEYS, FrequencyDraft, SettingsDraft

__all__ = ["ProfileChange", "ProfileError", "diff_drafts", "dump_profile", "load_profile"]

HEADER = "# planner-tui settings profile. Import it from the Settings screen.\n"


class ProfileError(ValueError):
    """A profile file that cannot be imported; the message is a sentence for the user."""


class _Frequency(BaseModel):
    model_config = ConfigDict(extra="forbid")
    interval: FrequencyInterval
    count: int = Field(ge=1, le=30)


class _BusinessProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value_proposition: str = ""
    target_audience: str = ""
    business_goal: str = ""


class _Topics(BaseModel):
    model_config = ConfigDict(extra="forbid")
    include: list[str] = []
    avoid: list[str] = []


class _Profile(BaseModel):
    """The file's shape; field names are the TOML keys."""

    model_config = ConfigDict(extra="forbid")
    goal: PlanGoal | None = None
    custom_goal: str = ""
    marketing_tools: list[MarketingTool] = []
    social_channels: list[ChannelName] = []
    point_of_view: PointOfView | None = None
    tone_of_voice: str = ""
    topics: _Topics = _Topics()
    frequency: dict[str, _Frequency] = {}
    business_profile: _BusinessProfile = _BusinessProfile()
    calendar_ids: list[str] = []
    content_guidelines: str = ""
    image_guidelines: str = ""


_TOOL_KEYS = {key: tool for tool, key in TOOL_OVERRIDE_KEYS.items()}


def dump_profile(draft: SettingsDraft) -> str:
    """The TOML text of a profile holding ``draft``."""
    data: dict[str, Any] = {}
    if draft.goal_key is not None:
        data["goal"] = draft.goal_key.value
    data["custom_goal"] = draft.custom_goal
    data["marketing_tools"] = [tool.value for tool in draft.marketing_tools]
    data["social_channels"] = [channel.value for channel in draft.social_channels]
    if draft.point_of_view is not None:
        data["point_of_view"] = draft.point_of_view.value
    data["tone_of_voice"] = draft.tone_of_voice
    data["calendar_ids"] = list(draft.calendar_ids)
    data["content_guidelines"] = draft.content_guidelines
    data["image_guidelines"] = draft.image_guidelines
    data["topics"] = {"include": list(draft.topics_included), "avoid": list(draft.topics_excluded)}
    data["business_profile"] = {
        "value_proposition": draft.value_proposition,
        "target_audience": draft.target_audience,
        "business_goal": draft.business_goal,
    }
    frequency: dict[str, Any] = {}
    for tool, key in TOOL_OVERRIDE_KEYS.items():
        value = draft.frequencies.get(tool, FrequencyDraft())
        count = value.whole_count
        if value.interval is not None and count is not None:
            frequency[key] = {"interval": value.interval.value, "count": count}
    if frequency:
        data["frequency"] = frequency
    return HEADER + tomli_w.dumps(data)


def load_profile(text: str, *, source: str) -> SettingsDraft:
    """Parse a profile; raise :class:`ProfileError` naming ``source`` and the bad key."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source} is not valid TOML: {exc}.") from None
    try:
        profile = _Profile.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        raise ProfileError(f"{source}: {key}: {error['msg']}.") from None
    unknown = sorted(set(profile.frequency) - set(_TOOL_KEYS))
    if unknown:
        known = ", ".join(sorted(_TOOL_KEYS))
        raise ProfileError(f"{source}: frequency.{unknown[0]} is not a tool; use one of {known}.")
    frequencies = {tool: FrequencyDraft() for tool in TOOL_OVERRIDE_KEYS}
    for key, value in profile.frequency.items():
        frequencies[_TOOL_KEYS[key]] = FrequencyDraft(value.interval, str(value.count))
    return SettingsDraft(
        goal_key=profile.goal,
        custom_goal=profile.custom_goal,
        marketing_tools=tuple(profile.marketing_tools),
        social_channels=tuple(profile.social_channels),
        point_of_view=profile.point_of_view,
        tone_of_voice=profile.tone_of_voice,
        topics_included=tuple(profile.topics.include),
        topics_excluded=tuple(profile.topics.avoid),
        frequencies=MappingProxyType(frequencies),
        value_proposition=profile.business_profile.value_proposition,
        target_audience=profile.business_profile.target_audience,
        business_goal=profile.business_profile.business_goal,
        calendar_ids=tuple(profile.calendar_ids),
        content_guidelines=profile.content_guidelines,
        image_guidelines=profile.image_guidelines,
    )


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """One line of the diff shown before an imported profile is saved."""

    label: str
    before: str
    after: str


def _show(value: Any) -> str:
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, tuple):
        return ", ".join(str(getattr(item, "value", item)) for item in value)
    if isinstance(value, FrequencyDraft):
        if not value.is_set:
            return "—"
        interval = value.interval.value.lower() if value.interval else "?"
        return f"{value.count.strip()} per {interval}"
    return str(getattr(value, "value", value))


def diff_drafts(before: SettingsDraft, after: SettingsDraft) -> tuple[ProfileChange, ...]:
    """What changes if ``after`` replaces ``before``, one line per changed field."""
    changes: list[ProfileChange] = []
    for name, label in FIELD_LABELS.items():
        if name == "frequencies":
            for tool in TOOL_OVERRIDE_KEYS:
                old = before.frequencies.get(tool, FrequencyDraft())
                new = after.frequencies.get(tool, FrequencyDraft())
                if _show(old) != _show(new):
                    tool_name = tool.value.replace("_", " ").lower()
                    changes.append(ProfileChange(f"{label} ({tool_name})", _show(old), _show(new)))
        elif not before.same_as(after, name):
            changes.append(
                ProfileChange(label, _show(getattr(before, name)), _show(getattr(after, name)))
            )
    return tuple(changes)

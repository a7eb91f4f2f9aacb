"""How many activities of each kind a plan period holds, from the per-tool frequencies."""

from __future__ import annotations

from tui_planner.api.models import (
    Frequency,
    FrequencyInterval,
    MarketingActivityType,
    Settings,
    SettingsOverrides,
    ToolOverride,
)

__all__ = ["DEFAULT_FREQUENCIES", "activity_count", "frequency_for"]

DEFAULT_FREQUENCIES: dict[MarketingActivityType, Frequency] = {
    MarketingActivityType.SOCIAL_MARKETING: Frequency(interval=FrequencyInterval.WEEK, count=3),
    MarketingActivityType.BLOG: Frequency(interval=FrequencyInterval.MONTH, count=2),
    MarketingActivityType.EMAIL_MARKETING: Frequency(interval=FrequencyInterval.MONTH, count=2),
}
"""The cadence of a tool nobody has set a frequency for."""

_INTERVAL_DAYS = {
    FrequencyInterval.WEEK: 7.0,
    FrequencyInterval.MONTH: 365.25 / 12,
    FrequencyInterval.YEAR: 365.25,
}
_MAX_COUNT = 30  # the contract's upper bound on a frequency's count


def frequency_for(
    activity_type: MarketingActivityType,
    settings: Settings | None,
    overrides: SettingsOverrides | None,
) -> Frequency:
    """A tool's cadence: its own override, else the core settings' frequency, else the default."""
    override = _override(activity_type, overrides)
    if override and override.frequency:
        return override.frequency
    if settings and settings.frequency:
        return settings.frequency
    return DEFAULT_FREQUENCIES[activity_type]


def activity_count(frequency: Frequency, days: int) -> int:
    """How many activities ``frequency`` asks for over ``days`` days (at least one)."""
    count = max(0, min(frequency.count, _MAX_COUNT))
    if count == 0 or days <= 0:
        return 0
    interval = _INTERVAL_DAYS.get(frequency.interval, 7.0)
    # Half up, not Python's banker's rounding, so 2.5 activities means three.
    return max(1, int(count * days / interval + 0.5))


def _override(
    activity_type: MarketingActivityType, overrides: SettingsOverrides | None
) -> ToolOverride | None:
    if overrides is None:
        return None
    if activity_type == MarketingActivityType.SOCIAL_MARKETING:
        return overrides.social_marketing
    if activity_type == MarketingActivityType.BLOG:
        return overrides.blogs
    if activity_type == MarketingActivityType.EMAIL_MARKETING:
        return overrides.email_marketing
    return None

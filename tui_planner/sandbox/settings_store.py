"""The site's stored marketing settings and what generation reads from them (§5)."""

from __future__ import annotations

from typing import Any

from tui_planner.api.models import MarketingTool, Settings, SettingsOverrides

from .site import SiteState

__all__ = [
    "READ_ONLY_SETTINGS",
    "settings_models",
    "site_derived_settings",
    "social_marketing_enabled",
]

READ_ONLY_SETTINGS = ("language", "businessLocation", "targetLocations")
"""``settings`` fields derived from the site; an upsert cannot change them."""


def site_derived_settings(site: SiteState) -> dict[str, Any]:
    """The read-only fields every settings answer carries, from the site's own profile."""
    return {
        "language": "en",
        "businessLocation": {"city": site.profile.city, "country": "US"},
        "targetLocations": [],
    }


def settings_models(
    record: dict[str, Any] | None,
) -> tuple[Settings | None, SettingsOverrides | None]:
    """A stored settings record's ``settings`` and ``overrides`` as models (``None`` if unset)."""
    if record is None:
        return None, None
    settings = record.get("settings")
    overrides = record.get("overrides")
    return (
        Settings.model_validate(settings) if isinstance(settings, dict) else None,
        SettingsOverrides.model_validate(overrides) if isinstance(overrides, dict) else None,
    )


def social_marketing_enabled(settings: Settings | None) -> bool:
    """Whether social posts may be generated: SOCIAL_MARKETING is among the tools.

    With no tools saved, generation's defaults apply, and those enable all three tools.
    """
    if settings is None or settings.marketing_tools is None:
        return True
    return MarketingTool.SOCIAL_MARKETING in settings.marketing_tools

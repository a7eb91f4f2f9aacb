"""The Marketing Settings service's calls (marketing-plan-api.md §5)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .field_mask import join_mask, normalise_paths, pick_paths
from .models import (
    CalendarOption,
    CalendarOptionsResponse,
    MarketingSettings,
    MarketingSettingsDefaults,
    MarketingSettingsDefaultsResponse,
    MarketingSettingsResponse,
    PlanGoalOption,
    PlanGoalOptionsResponse,
    PointOfViewOption,
    PointOfViewOptionsResponse,
)
from .transport import Replay, ServiceClient

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["DEFAULTS_FIELDS", "SETTINGS_READ_ONLY_PATHS", "SettingsCalls"]

DEFAULTS_FIELDS = ("socialChannels", "calendar", "marketingPlanGoal", "frequency")
"""The only values GetMarketingSettingsDefaults' fieldMask accepts (§5.4)."""

SETTINGS_READ_ONLY_PATHS = (
    "id",
    "createdAt",
    "updatedAt",
    "settings.language",
    "settings.businessLocation",
    "settings.targetLocations",
)
"""Site-derived or server-kept settings paths: never sent in an upsert (§5)."""


class SettingsCalls(ServiceClient):
    """Read and save the marketing settings, and the options the settings form offers.

    Mixed into :class:`~tui_planner.api.MarketingPlanClient`, which sets the service root.
    """

    async def get_marketing_settings(self) -> MarketingSettings:
        """The site's settings (only site-derived fields when none were saved)."""
        answer = await self._transport.fetch(
            MarketingSettingsResponse,
            "GET",
            "/marketing-settings",
            operation="GetMarketingSettings",
            replay=Replay.SAFE,
        )
        return answer.marketing_settings

    async def upsert_marketing_settings(
        self, settings: MarketingSettings, field_mask: Sequence[str]
    ) -> MarketingSettings:
        """Save the masked paths of ``settings`` (e.g. ``settings.toneOfVoice``).

        Only the masked paths are sent; one unset on ``settings`` goes out as ``null``, which
        clears it. Read-only, site-derived fields are never sent.
        """
        mask = normalise_paths(field_mask)
        if not mask:
            raise ValueError("Name at least one settings path to save")
        for path in mask:
            if _covers(SETTINGS_READ_ONLY_PATHS, path):
                raise ValueError(f"{path} is read-only and cannot be saved")
            if path.split(".")[0] not in ("settings", "overrides"):
                raise ValueError(f"{path} is not a settings path (settings.* or overrides.*)")
        picked = pick_paths(settings.to_wire(), mask)
        for read_only in SETTINGS_READ_ONLY_PATHS:
            _drop_path(picked, read_only)
        answer = await self._transport.fetch(
            MarketingSettingsResponse,
            "POST",
            "/marketing-settings",
            operation="UpsertMarketingSettings",
            replay=Replay.ONCE,
            body={"marketingSettings": picked, "fieldMask": join_mask(mask)},
        )
        return answer.marketing_settings

    async def get_marketing_settings_defaults(
        self, fields: Sequence[str] | None = None
    ) -> MarketingSettingsDefaults:
        """What generation would use without saved settings, optionally only ``fields``."""
        mask = normalise_paths(fields or ())
        refused = [field for field in mask if field not in DEFAULTS_FIELDS]
        if refused:
            raise ValueError(
                f"Defaults can only be asked for {', '.join(DEFAULTS_FIELDS)}, "
                f"not {', '.join(refused)}"
            )
        answer = await self._transport.fetch(
            MarketingSettingsDefaultsResponse,
            "GET",
            "/marketing-settings/defaults",
            operation="GetMarketingSettingsDefaults",
            replay=Replay.SAFE,
            params={"fieldMask": join_mask(mask)} if mask else None,
        )
        return answer.defaults

    async def get_plan_goal_options(self) -> tuple[PlanGoalOption, ...]:
        """The goals the settings form offers, in display order."""
        answer = await self._transport.fetch(
            PlanGoalOptionsResponse,
            "GET",
            "/marketing-settings/plan-goal-options",
            operation="GetPlanGoalOptions",
            replay=Replay.SAFE,
        )
        return answer.options

    async def get_point_of_view_options(self) -> tuple[PointOfViewOption, ...]:
        """The points of view the settings form offers, in display order."""
        answer = await self._transport.fetch(
            PointOfViewOptionsResponse,
            "GET",
            "/marketing-settings/point-of-view-options",
            operation="GetPointOfViewOptions",
            replay=Replay.SAFE,
        )
        return answer.options

    async def get_calendar_options(self) -> tuple[CalendarOption, ...]:
        """The calendars the site can feed into the plan."""
        answer = await self._transport.fetch(
            CalendarOptionsResponse,
            "GET",
            "/marketing-settings/calendar-options",
            operation="GetCalendarOptions",
            replay=Replay.SAFE,
        )
        return answer.options


def _covers(paths: Iterable[str], path: str) -> bool:
    """Whether ``path`` is one of ``paths`` or lies inside one of them."""
    return any(path == parent or path.startswith(parent + ".") for parent in paths)


def _drop_path(data: dict[str, Any], path: str) -> None:
    *parents, leaf = path.split(".")
    node: Any = data
    for segment in parents:
        node = node.get(segment) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(leaf, None)

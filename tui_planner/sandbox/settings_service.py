"""The Marketing Settings service (§5): the settings record, its upsert, options and defaults.

UpsertMarketingSettings follows the documented field-mask rules exactly: both fields are
required, the mask is one comma-separated string (an array or ``{paths}`` is a 400 "Failed to
parse request message"), every masked path must be in the body (428 INVALID_FIELD_MASK_ERROR),
only masked paths change, and the read-only fields are ignored. ``null`` clears a path.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError

from tui_planner.api.models import MarketingSettings, format_wix_datetime

from .calendars import calendar_options, google_calendar_id, marketing_calendar_id
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, failed_precondition, invalid_argument
from .request_input import field_mask_paths
from .settings_store import READ_ONLY_SETTINGS, site_derived_settings

__all__ = [
    "DEFAULTS_FIELDS",
    "get_calendar_options",
    "get_defaults",
    "get_plan_goal_options",
    "get_point_of_view_options",
    "get_settings",
    "upsert_settings",
]

DEFAULTS_FIELDS = ("socialChannels", "calendar", "marketingPlanGoal", "frequency")
"""The only values GetMarketingSettingsDefaults' fieldMask accepts."""

_READ_ONLY_PATHS = ("id", "createdAt", "updatedAt", *(f"settings.{f}" for f in READ_ONLY_SETTINGS))

_MISSING = object()

_GOALS = (
    ("DRIVE_TRAFFIC", "Drive traffic", "Bring more visitors to the site."),
    ("BRAND_AWARENESS", "Build brand awareness", "Get the business known by more people."),
    ("BOOST_SALES", "Boost sales", "Turn followers into customers."),
    ("COLLECT_LEADS", "Collect leads", "Grow the mailing list and sign-ups."),
)

_POINTS_OF_VIEW = (
    ("FIRST_PERSON", "First person", 'Write as the business: "We just fired a new batch."'),
    ("SECOND_PERSON", "Second person", 'Speak to the reader: "You will love this mug."'),
    ("THIRD_PERSON", "Third person", 'Describe the business: "{name} just fired a batch."'),
)


def _record_wire(ctx: SandboxContext) -> dict[str, Any]:
    site = ctx.site
    derived = site_derived_settings(site)
    if site.settings is None:
        return {"marketingSettings": {"id": site.site_id, "settings": derived}}
    settings = {**site.settings.get("settings", {}), **derived}
    wire: dict[str, Any] = {"id": site.site_id, "settings": settings}
    if site.settings_created_at is not None:
        wire["createdAt"] = format_wix_datetime(site.settings_created_at)
    if site.settings_updated_at is not None:
        wire["updatedAt"] = format_wix_datetime(site.settings_updated_at)
    if site.settings.get("overrides"):
        wire["overrides"] = site.settings["overrides"]
    return {"marketingSettings": wire}


def get_settings(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetMarketingSettings: with nothing saved, only the site-derived fields."""
    return _record_wire(ctx)


def _lookup(tree: dict[str, Any], path: str) -> object:
    node: object = tree
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _assign(tree: dict[str, Any], path: str, value: object) -> None:
    parts = path.split(".")
    node = tree
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = copy.deepcopy(value)


def _check_frequencies(record: dict[str, Any]) -> None:
    paths = ["settings.frequency"] + [
        f"overrides.{tool}.frequency" for tool in ("socialMarketing", "emailMarketing", "blogs")
    ]
    for path in paths:
        frequency = _lookup(record, path)
        if not isinstance(frequency, dict):
            continue
        count = frequency.get("count")
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 30:
            raise invalid_argument(
                f"marketingSettings.{path}.count must be between 1 and 30",
                FieldViolation(
                    f"marketingSettings.{path}.count", "must be between 1 and 30", "RANGE"
                ),
            )


def upsert_settings(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """UpsertMarketingSettings: create the record or change only the masked paths."""
    body = request.body
    sent = body.get("marketingSettings")
    raw_mask = body.get("fieldMask")
    if raw_mask is not None and not isinstance(raw_mask, str):
        field_mask_paths(raw_mask, string_only=True)
    missing = [
        FieldViolation(name, "is required", "REQUIRED_FIELD")
        for name, value in (("marketingSettings", sent), ("fieldMask", raw_mask))
        if not value
    ]
    if missing or not isinstance(sent, dict):
        raise invalid_argument("marketingSettings and fieldMask are both required", *missing)
    paths = field_mask_paths(raw_mask, string_only=True)
    for path in paths:
        if _lookup(sent, path) is _MISSING:
            raise failed_precondition(
                f"fieldMask lists {path}, but marketingSettings has no {path}",
                "INVALID_FIELD_MASK_ERROR",
            )
    site = ctx.site
    record = copy.deepcopy(site.settings) if site.settings is not None else {"settings": {}}
    for path in paths:
        if any(path == ro or path.startswith(f"{ro}.") for ro in _READ_ONLY_PATHS):
            continue
        _assign(record, path, _lookup(sent, path))
    _check_frequencies(record)
    try:
        MarketingSettings.model_validate(record)
    except ValidationError as error:
        violations = [
            FieldViolation(
                "marketingSettings." + ".".join(str(part) for part in issue["loc"]),
                issue["msg"],
            )
            for issue in error.errors()
        ]
        raise invalid_argument("marketingSettings is not valid", *violations) from None
    record.setdefault("settings", {})
    if site.settings is None:
        site.settings_created_at = ctx.now
    site.settings_updated_at = ctx.now
    site.settings = record
    ctx.save()
    return _record_wire(ctx)


def _defaults(ctx: SandboxContext) -> dict[str, Any]:
    seed = ctx.options.seed
    return {
        "marketingPlanGoal": {"goalKey": "DRIVE_TRAFFIC"},
        "socialChannels": [channel.value for channel in ctx.options.connected_channels],
        "calendar": {"ids": [marketing_calendar_id(seed), google_calendar_id(seed)]},
        "frequency": {"interval": "WEEK", "count": 3},
    }


def get_defaults(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetMarketingSettingsDefaults, limited by ``fieldMask`` to the four accepted fields."""
    query = request.query
    values = [
        *query.getlist("fieldMask"),
        *query.getlist("fieldMask.paths"),
        *query.getlist("field_mask"),
    ]
    paths = [path.strip() for value in values for path in value.split(",") if path.strip()]
    wrong = [path for path in paths if path not in DEFAULTS_FIELDS]
    if wrong:
        raise invalid_argument(
            f"fieldMask may list only {', '.join(DEFAULTS_FIELDS)}, not {', '.join(wrong)}",
            *(FieldViolation("fieldMask", f"{path} is not accepted") for path in wrong),
        )
    defaults = _defaults(ctx)
    if paths:
        defaults = {key: value for key, value in defaults.items() if key in paths}
    return {"defaults": defaults}


def get_plan_goal_options(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetPlanGoalOptions, in display order."""
    return {
        "options": [
            {"planGoalKey": key, "label": label, "description": description}
            for key, label, description in _GOALS
        ]
    }


def get_point_of_view_options(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetPointOfViewOptions, in display order."""
    return {
        "options": [
            {
                "pointOfView": key,
                "label": label,
                "description": description.format(name=ctx.site.profile.name),
            }
            for key, label, description in _POINTS_OF_VIEW
        ]
    }


def get_calendar_options(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """GetCalendarOptions: the marketing calendar and the connected (read-only) Google Calendar."""
    return {"options": calendar_options(ctx.options.seed)}

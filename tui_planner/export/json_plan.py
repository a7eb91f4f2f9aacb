"""The plan as JSON for scripts, in the API's own camelCase shapes.

One object (``version`` 1; a new key may be added, none renamed or removed without a new
version)::

    {
      "format": "planner-tui plan",
      "version": 1,
      "site": "sandbox-site",
      "exportedAt": "2026-11-23T09:00:00.000Z",
      "timeZone": "Europe/Berlin",
      "from": "2026-11-23" | null,
      "to": "2026-12-31" | null,
      "planStatus": "ACTIVE",
      "marketingActivities": [ <PlanMarketingActivity as the API sends it> ],
      "calendarEvents": [ <CalendarEvent as the API sends it> ],
      "marketingSettings": <MarketingSettings as the API sends it> | null
    }

The activities, events and settings are ``model_dump(by_alias=True, mode="json")`` of the
wire models, unset fields left out as the API leaves them out.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tui_planner.api.models.base import format_wix_datetime

from .selection import zone_name

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .selection import PlanExport

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "plan_document", "to_json"]

FORMAT_NAME = "planner-tui plan"
FORMAT_VERSION = 1


def plan_document(export: PlanExport) -> dict[str, Any]:
    """``export`` as one JSON-ready object (see the module's docstring for its shape)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "site": export.site,
        "exportedAt": format_wix_datetime(export.exported_at),
        "timeZone": zone_name(export.tz),
        "from": export.start.isoformat() if export.start else None,
        "to": export.end.isoformat() if export.end else None,
        "planStatus": export.plan_status.value,
        "marketingActivities": [_wire(a) for a in export.activities],
        "calendarEvents": [_wire(e) for e in export.events],
        "marketingSettings": _wire(export.settings) if export.settings is not None else None,
    }


def to_json(export: PlanExport) -> str:
    """``export`` as indented JSON text ending in a newline."""
    return json.dumps(plan_document(export), indent=2, ensure_ascii=False) + "\n"


def _wire(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(by_alias=True, mode="json", exclude_none=True)

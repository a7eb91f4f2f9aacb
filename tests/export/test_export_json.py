"""The JSON export: the plan in the API's camelCase shapes, in a stable envelope."""

from __future__ import annotations

import json

from tests.export.plan_fixture import LAUNCH, SETTINGS, whole_plan
from tui_planner.api.models import CalendarEvent, PlanMarketingActivity
from tui_planner.export import ExportFormat, export_text


def test_the_envelope_names_its_format_site_zone_and_days() -> None:
    from datetime import date

    document = json.loads(
        export_text(whole_plan(date(2026, 11, 23), date(2026, 11, 30)), ExportFormat.JSON)
    )

    assert {k: v for k, v in document.items() if not isinstance(v, list | dict)} == {
        "format": "planner-tui plan",
        "version": 1,
        "site": "0f3a-site",
        "exportedAt": "2026-11-23T09:00:00.000Z",
        "timeZone": "Europe/Berlin",
        "from": "2026-11-23",
        "to": "2026-11-30",
        "planStatus": "ACTIVE",
    }
    assert [a["marketingActivityId"] for a in document["marketingActivities"]] == ["act-launch"]
    assert [e["id"] for e in document["calendarEvents"]] == ["ev-odd", "ev-sale", "ev-market"]


def test_activities_events_and_settings_are_the_api_shapes_and_read_back() -> None:
    document = json.loads(export_text(whole_plan(), ExportFormat.JSON))

    first = document["marketingActivities"][0]
    assert first["marketingActivityId"] == "act-launch"
    assert first["items"][1]["schedulingInfo"] == {"scheduledDate": "2026-11-25T09:00:00.000Z"}
    assert "marketing_activity_id" not in first
    assert PlanMarketingActivity.model_validate(first) == LAUNCH
    events = [CalendarEvent.model_validate(e) for e in document["calendarEvents"]]
    assert [e.id for e in events][:2] == ["ev-old", "ev-odd"]
    assert document["marketingSettings"] == SETTINGS.model_dump(
        by_alias=True, mode="json", exclude_none=True
    )
    assert document["from"] is None
    assert document["to"] is None

"""The demo site's calendars and the read-only events its connected Google Calendar brings."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

from .generator import SiteProfile

__all__ = [
    "GOOGLE_CALENDAR_NAME",
    "MARKETING_CALENDAR_NAME",
    "calendar_options",
    "google_calendar_id",
    "marketing_calendar_id",
    "seed_connected_events",
]

_NAMESPACE = uuid.UUID("0c5e7a1b-2d4f-4b6a-8e9c-7f1a3b5d2c40")

MARKETING_CALENDAR_NAME = "Marketing calendar"
GOOGLE_CALENDAR_NAME = "Google Calendar"


def marketing_calendar_id(seed: int) -> str:
    """The site's own marketing calendar, where created events go."""
    return str(uuid.uuid5(_NAMESPACE, f"{seed}:marketing"))


def google_calendar_id(seed: int) -> str:
    """The connected Google Calendar: its events are read-only through this API."""
    return str(uuid.uuid5(_NAMESPACE, f"{seed}:google"))


def calendar_options(seed: int) -> list[dict[str, Any]]:
    """GetCalendarOptions' entries, in display order."""
    return [
        {"id": marketing_calendar_id(seed), "name": MARKETING_CALENDAR_NAME},
        {
            "id": google_calendar_id(seed),
            "name": GOOGLE_CALENDAR_NAME,
            "connected": True,
            "readOnly": True,
        },
    ]


def seed_connected_events(
    conn: sqlite3.Connection, profile: SiteProfile, seed: int, now: datetime
) -> None:
    """Put the connected calendar's events into a new file, dated around its first day."""
    today = now.astimezone(UTC).date()
    calendar_id = google_calendar_id(seed)
    market_day = datetime.combine(today + timedelta(days=12), time(15, 0), tzinfo=UTC)
    opening_day = today + timedelta(days=26)
    if (opening_day.month, opening_day.day) == (2, 29):
        opening_day -= timedelta(days=1)
    anniversary = datetime.combine(
        opening_day.replace(year=opening_day.year - 3), time(0, 0), tzinfo=UTC
    )
    events: list[tuple[str, str, datetime | None, dict[str, Any] | None, datetime]] = [
        (
            f"{profile.city} makers market",
            f"{profile.name} has a stall at the {profile.city} makers market all afternoon.",
            market_day,
            None,
            market_day,
        ),
        (
            f"{profile.name} anniversary",
            f"The day {profile.name} opened its doors.",
            None,
            {"frequency": "YEARLY", "startDate": anniversary.isoformat()},
            anniversary,
        ),
    ]
    for position, (name, description, when, rule, anchor) in enumerate(events, start=1):
        conn.execute(
            """INSERT INTO events (id, calendar_id, name, description, date, recurring_json,
               anchor, read_only, seq) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""",
            (
                str(uuid.uuid5(_NAMESPACE, f"{seed}:google-event:{position}")),
                calendar_id,
                name,
                description,
                when.isoformat() if when else None,
                json.dumps(rule) if rule else None,
                anchor.isoformat(),
                -position,
            ),
        )

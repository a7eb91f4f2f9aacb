"""Activity rows: how the sandbox keeps marketing activities, and their two wire views.

The same activity reads as ``{id, targetDate, marketingActivityType}`` through the Marketing
Activities service and as ``{marketingActivityId, date, items}`` inside the plan (§6's naming
quirk); both views are built here from one row.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from tui_planner.api.models import MarketingActivityType, format_wix_datetime

__all__ = [
    "ActivityOrigin",
    "ActivityRow",
    "all_activities",
    "delete_activity",
    "find_activity",
    "insert_activity",
    "update_activity",
]


class ActivityOrigin(StrEnum):
    """Who made an activity: plan generation, or a caller through CreateMarketingActivity."""

    PLAN = "PLAN"
    MANUAL = "MANUAL"


@dataclass
class ActivityRow:
    """One stored activity with its generation counters.

    ``posts_generation``, ``image_generation`` and ``stories_generation`` count how many
    times its captions, image and stories were made before, so asking again gives new ones.
    """

    id: str
    title: str
    description: str
    target_date: datetime
    activity_type: MarketingActivityType
    origin: ActivityOrigin
    generator_key: str | None = None
    posts_generation: int = 0
    image_generation: int = 0
    stories_generation: int = 0

    def to_wire(self) -> dict[str, Any]:
        """The Marketing Activities service's view."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "targetDate": format_wix_datetime(self.target_date),
            "marketingActivityType": self.activity_type.value,
        }


def _row(row: sqlite3.Row) -> ActivityRow:
    return ActivityRow(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        target_date=datetime.fromisoformat(row["target_date"]),
        activity_type=MarketingActivityType(row["activity_type"]),
        origin=ActivityOrigin(row["origin"]),
        generator_key=row["generator_key"],
        posts_generation=row["posts_generation"],
        image_generation=row["image_generation"],
        stories_generation=row["stories_generation"],
    )


def all_activities(conn: sqlite3.Connection) -> list[ActivityRow]:
    """Every activity, by target date (creation order breaks ties)."""
    rows = conn.execute("SELECT * FROM activities ORDER BY target_date, seq").fetchall()
    return [_row(row) for row in rows]


def find_activity(conn: sqlite3.Connection, activity_id: str) -> ActivityRow | None:
    """The activity with that ID, if there is one."""
    row = conn.execute("SELECT * FROM activities WHERE id = ?", (activity_id,)).fetchone()
    return _row(row) if row else None


def insert_activity(conn: sqlite3.Connection, activity: ActivityRow) -> None:
    """Store a new activity."""
    seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM activities").fetchone()[0]
    conn.execute(
        """INSERT INTO activities (id, title, description, target_date, activity_type, origin,
           generator_key, posts_generation, image_generation, stories_generation, seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            activity.id,
            activity.title,
            activity.description,
            activity.target_date.isoformat(),
            activity.activity_type.value,
            activity.origin.value,
            activity.generator_key,
            activity.posts_generation,
            activity.image_generation,
            activity.stories_generation,
            seq,
        ),
    )


def update_activity(conn: sqlite3.Connection, activity: ActivityRow) -> None:
    """Write an activity's fields and counters back."""
    conn.execute(
        """UPDATE activities SET title = ?, description = ?, target_date = ?,
           posts_generation = ?, image_generation = ?, stories_generation = ? WHERE id = ?""",
        (
            activity.title,
            activity.description,
            activity.target_date.isoformat(),
            activity.posts_generation,
            activity.image_generation,
            activity.stories_generation,
            activity.id,
        ),
    )


def delete_activity(conn: sqlite3.Connection, activity_id: str) -> None:
    """Remove an activity with its items and pending jobs."""
    conn.execute("DELETE FROM activities WHERE id = ?", (activity_id,))

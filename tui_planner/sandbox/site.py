"""The one site a sandbox file holds: plan status, generation bookkeeping and settings."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from tui_planner.api.models import PlanStatus

from .generator import SiteProfile

__all__ = ["GenerationKind", "SiteState", "insert_site", "load_site", "next_id", "save_site"]

_ID_NAMESPACE = uuid.UUID("6f1d3c2a-9b8e-4d7f-a5c4-3e2b1a0f9d8c")


class GenerationKind(StrEnum):
    """Which call started the running (or last) generation."""

    GENERATE = "GENERATE"
    REGENERATE = "REGENERATE"
    KEYWORD_RESEARCH = "KEYWORD_RESEARCH"


@dataclass
class SiteState:
    """The ``site`` row, read at the start of a request and written back when changed.

    ``generation_inputs`` is the snapshot of settings and events taken when a generation
    started: settings and events are read only when generating, so edits made while it runs
    do not reach that plan.
    """

    site_id: str
    profile: SiteProfile
    created_at: datetime
    plan_status: PlanStatus
    generation_kind: GenerationKind | None = None
    generation_started_at: datetime | None = None
    generation_seconds: float = 0.0
    generation_today: date | None = None
    generation_inputs: dict[str, Any] | None = None
    generations_started: int = 0
    research_refreshes: int = 0
    last_read_at: datetime | None = None
    settings: dict[str, Any] | None = None
    settings_created_at: datetime | None = None
    settings_updated_at: datetime | None = None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def load_site(conn: sqlite3.Connection) -> SiteState | None:
    """The site row, or ``None`` in a file not yet set up."""
    row = conn.execute("SELECT * FROM site WHERE id = 1").fetchone()
    if row is None:
        return None
    return SiteState(
        site_id=row["site_id"],
        profile=SiteProfile.from_json(json.loads(row["profile_json"])),
        created_at=datetime.fromisoformat(row["created_at"]),
        plan_status=PlanStatus(row["plan_status"]),
        generation_kind=GenerationKind(row["generation_kind"]) if row["generation_kind"] else None,
        generation_started_at=_dt(row["generation_started_at"]),
        generation_seconds=float(row["generation_seconds"] or 0.0),
        generation_today=date.fromisoformat(row["generation_today"])
        if row["generation_today"]
        else None,
        generation_inputs=json.loads(row["generation_inputs"])
        if row["generation_inputs"]
        else None,
        generations_started=int(row["generations_started"]),
        research_refreshes=int(row["research_refreshes"]),
        last_read_at=_dt(row["last_read_at"]),
        settings=json.loads(row["settings_json"]) if row["settings_json"] else None,
        settings_created_at=_dt(row["settings_created_at"]),
        settings_updated_at=_dt(row["settings_updated_at"]),
    )


def insert_site(
    conn: sqlite3.Connection, site_id: str, profile: SiteProfile, now: datetime
) -> SiteState:
    """Create the site row of a new file: the business profile, no plan yet, no settings."""
    conn.execute(
        "INSERT INTO site (id, site_id, profile_json, created_at, plan_status)"
        " VALUES (1, ?, ?, ?, ?)",
        (site_id, json.dumps(profile.to_json()), now.isoformat(), PlanStatus.NEVER_CREATED.value),
    )
    state = load_site(conn)
    assert state is not None
    return state


def save_site(conn: sqlite3.Connection, state: SiteState) -> None:
    """Write ``state`` back to the site row."""
    conn.execute(
        """UPDATE site SET plan_status = ?, generation_kind = ?, generation_started_at = ?,
           generation_seconds = ?, generation_today = ?, generation_inputs = ?,
           generations_started = ?, research_refreshes = ?, last_read_at = ?, settings_json = ?,
           settings_created_at = ?, settings_updated_at = ? WHERE id = 1""",
        (
            state.plan_status.value,
            state.generation_kind.value if state.generation_kind else None,
            _iso(state.generation_started_at),
            state.generation_seconds,
            _iso(state.generation_today),
            json.dumps(state.generation_inputs) if state.generation_inputs is not None else None,
            state.generations_started,
            state.research_refreshes,
            _iso(state.last_read_at),
            json.dumps(state.settings) if state.settings is not None else None,
            _iso(state.settings_created_at),
            _iso(state.settings_updated_at),
        ),
    )


def next_id(conn: sqlite3.Connection, seed: int) -> str:
    """A new GUID, the same sequence for the same seed and calls, so runs are reproducible."""
    conn.execute("UPDATE site SET id_counter = id_counter + 1 WHERE id = 1")
    counter = int(conn.execute("SELECT id_counter FROM site WHERE id = 1").fetchone()[0])
    return str(uuid.uuid5(_ID_NAMESPACE, f"{seed}:{counter}"))

"""The sandbox's SQLite file: schema, versioning and one transaction per request.

One file holds one site. The schema version lives in ``PRAGMA user_version``; opening a file
made by a newer sandbox is refused with a sentence rather than guessed at. Each request runs
inside :meth:`Storage.transaction`, so its writes are committed together or not at all, and
nothing a response acknowledged is lost if the process dies afterwards.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["SCHEMA_VERSION", "Storage", "StorageError"]

SCHEMA_VERSION = 1
"""The schema this sandbox writes; bump it with a migration step in :data:`_MIGRATIONS`."""

_SCHEMA_V1 = """
CREATE TABLE site (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    site_id TEXT NOT NULL,
    profile_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    id_counter INTEGER NOT NULL DEFAULT 0,
    plan_status TEXT NOT NULL,
    generation_kind TEXT,
    generation_started_at TEXT,
    generation_seconds REAL,
    generation_today TEXT,
    generation_inputs TEXT,
    generations_started INTEGER NOT NULL DEFAULT 0,
    research_refreshes INTEGER NOT NULL DEFAULT 0,
    last_read_at TEXT,
    settings_json TEXT,
    settings_created_at TEXT,
    settings_updated_at TEXT
);
CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    target_date TEXT NOT NULL,
    activity_type TEXT NOT NULL,
    origin TEXT NOT NULL,
    generator_key TEXT,
    posts_generation INTEGER NOT NULL DEFAULT 0,
    image_generation INTEGER NOT NULL DEFAULT 0,
    stories_generation INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL
);
CREATE TABLE items (
    id TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    content_key TEXT NOT NULL,
    content_json TEXT NOT NULL,
    scheduled_date TEXT,
    seq INTEGER NOT NULL
);
CREATE INDEX items_by_activity ON items(activity_id);
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    ready_at TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    calendar_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    date TEXT,
    recurring_json TEXT,
    anchor TEXT NOT NULL,
    read_only INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL
);
CREATE TABLE images (
    key TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    item_type TEXT NOT NULL,
    title TEXT NOT NULL,
    seed INTEGER NOT NULL,
    png BLOB
);
"""

# Step n turns a version-n file into version n+1.
_MIGRATIONS: dict[int, str] = {0: _SCHEMA_V1}


class StorageError(Exception):
    """The data file cannot be used (written by a newer sandbox, or not a database)."""


class Storage:
    """The SQLite connection of one sandbox, shared by its requests one at a time.

    A lock serialises requests: uvicorn runs them on one event loop, but tests may serve the
    same app from a thread, and SQLite connections are not safe to use concurrently.
    """

    def __init__(self, data_file: str | Path) -> None:
        self.data_file = str(data_file)
        if self.data_file != ":memory:":
            Path(self.data_file).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(
                self.data_file, isolation_level=None, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StorageError(
                f"The sandbox data file {self.data_file} cannot be opened: {error}."
            ) from error
        self._lock = threading.Lock()

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"The sandbox data file {self.data_file} was written by a newer planner-tui "
                f"(schema {version}, this one reads up to {SCHEMA_VERSION})."
            )
        while version < SCHEMA_VERSION:
            self._conn.execute("BEGIN IMMEDIATE")
            for statement in _MIGRATIONS[version].split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            version += 1
            self._conn.execute(f"PRAGMA user_version = {version}")
            self._conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        """The version recorded in the file."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a request's reads and writes as one transaction: commit, or roll back on error."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (the file keeps everything committed)."""
        self._conn.close()

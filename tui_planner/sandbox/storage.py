"""The sandbox's SQLite file: schema, versioning and one transaction per request.

One file holds one site. The schema version lives in ``PRAGMA user_version``; opening a file
made by a newer sandbox is refused with a sentence rather than guessed at. Each request runs
inside :meth:`Storage.transaction`, so its writes are committed together or not at all, and
nothing a response acknowledged is lost if the process dies afterwards.

Another program can hold the file (a second sandbox, ``sqlite3`` at a prompt, a backup
tool). SQLite's own busy wait blocks the thread, and in the in-process sandbox that thread is
the app's event loop, so it is kept to :data:`BUSY_TIMEOUT`; a transaction that still finds
the file locked raises :class:`StorageBusy`, and the app waits on its clock and tries again
before answering 503. Any other failure of the file (disk full, read-only, damaged) raises
:class:`StorageFailure` with SQLite's words. The file and its journals are private to the
user (0600), and directories made for it 0700.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "BUSY_TIMEOUT",
    "SCHEMA_VERSION",
    "Storage",
    "StorageBusy",
    "StorageError",
    "StorageFailure",
]

BUSY_TIMEOUT = 0.05
"""Seconds SQLite itself waits for a lock before giving up (it blocks the thread meanwhile)."""

_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_COMPANIONS = ("-journal", "-wal", "-shm")

SCHEMA_VERSION = 2
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

# Version 2: items need not belong to an activity (posts made on the dashboard or imported
# from the network), and say whether they were imported (``external``).
_ITEMS_V2 = """
CREATE TABLE items_v2 (
    id TEXT PRIMARY KEY,
    activity_id TEXT REFERENCES activities(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    content_key TEXT NOT NULL,
    content_json TEXT NOT NULL,
    scheduled_date TEXT,
    external INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL
);
INSERT INTO items_v2 (id, activity_id, channel, type, status, content_key, content_json,
    scheduled_date, seq)
    SELECT id, activity_id, channel, type, status, content_key, content_json, scheduled_date, seq
    FROM items;
DROP TABLE items;
ALTER TABLE items_v2 RENAME TO items;
CREATE INDEX items_by_activity ON items(activity_id);
"""

# Step n turns a version-n file into version n+1.
_MIGRATIONS: dict[int, str] = {0: _SCHEMA_V1, 1: _ITEMS_V2}


class StorageError(Exception):
    """The data file cannot be used (written by a newer sandbox, or not a database)."""


class StorageBusy(StorageError):
    """Another program holds a lock on the data file; trying again later may work."""


class StorageFailure(StorageError):
    """Reading or writing the data file failed (disk full, read-only, damaged...)."""


def _is_file_trouble(error: sqlite3.Error) -> bool:
    # Integrity and programming errors are the sandbox's own bugs, not the file's trouble.
    return type(error) in (sqlite3.OperationalError, sqlite3.DatabaseError)


def _as_storage_error(error: sqlite3.Error) -> StorageError:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _BUSY_CODES:
        return StorageBusy("The sandbox data file is locked by another program")
    return StorageFailure(f"The sandbox data file could not be used ({error})")


def _make_private_dirs(directory: Path) -> None:
    """Create ``directory`` and any missing parents as 0700 (existing ones are left alone)."""
    missing: list[Path] = []
    while not directory.exists() and directory != directory.parent:
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
            os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask


def _make_private(data_file: Path) -> None:
    """Make the data file (created empty if missing) and its journals readable by us only.

    SQLite gives journals the database file's mode, so a private file keeps them private;
    files an older sandbox left readable by others are narrowed too, when they are ours.
    """
    if not data_file.exists():
        os.close(os.open(data_file, os.O_WRONLY | os.O_CREAT, 0o600))
    for path in (data_file, *(Path(f"{data_file}{tail}") for tail in _COMPANIONS)):
        with contextlib.suppress(OSError):
            if path.exists() and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)


class Storage:
    """The SQLite connection of one sandbox, shared by its requests one at a time.

    A lock serialises requests: uvicorn runs them on one event loop, but tests may serve the
    same app from a thread, and SQLite connections are not safe to use concurrently.
    """

    def __init__(self, data_file: str | Path) -> None:
        self.data_file = str(data_file)
        if self.data_file != ":memory:":
            try:
                _make_private_dirs(Path(self.data_file).parent)
                _make_private(Path(self.data_file))
            except OSError as error:
                raise StorageError(
                    f"The sandbox data file {self.data_file} cannot be created: "
                    f"{error.strerror or error}."
                ) from error
        try:
            self._conn = sqlite3.connect(
                self.data_file,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT,
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
        """Run a request's reads and writes as one transaction: commit, or roll back on error.

        Raises :class:`StorageBusy` when another program holds the file, and
        :class:`StorageFailure` when the file cannot be read or written; either way nothing
        of the transaction is kept.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._roll_back()
                    raise
            except sqlite3.Error as error:
                if not _is_file_trouble(error):
                    raise
                raise _as_storage_error(error) from error

    def _roll_back(self) -> None:
        # A failed COMMIT can leave the transaction open, or SQLite may have ended it already.
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection (the file keeps everything committed)."""
        self._conn.close()

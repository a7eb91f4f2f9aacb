"""The data file in trouble: locked by another program, damaged, and kept private (0600).

Another program holding the file must never cost a request silently: the sandbox waits a
little on its clock, then answers a Wix-shaped 503 that the client reads as "server busy".
"""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.clock import ManualClock
from tui_planner.sandbox.app import LOCK_PATIENCE, LOCK_RETRY_STEP
from tui_planner.sandbox.storage import Storage

EVENT = {"calendarEvent": {"name": "Sale", "date": "2026-07-15T00:00:00Z"}}


@contextmanager
def write_lock(data_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection holding the file's write lock until the block ends."""
    other = sqlite3.connect(data_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


async def _waiting(clock: ManualClock, task: asyncio.Future[Any]) -> float:
    """Move the clock in lock-retry steps until ``task`` is done; the clock time it took."""
    waited = 0.0
    while not task.done():
        await asyncio.sleep(0)
        if clock.sleepers:
            clock.advance(LOCK_RETRY_STEP)
            waited += LOCK_RETRY_STEP
    return waited


async def _event_names(sandbox: Sandbox) -> list[str]:
    body = await sandbox.ok(
        "POST",
        "/events/query",
        json={"filter": {"date": {"$gte": "2026-07-01T00:00:00Z", "$lte": "2026-09-01T00:00:00Z"}}},
    )
    return [event["name"] for event in body["events"]]


async def test_a_locked_file_is_a_503_saying_so_and_nothing_is_lost_after_release(
    make_sandbox: Callable[..., Any], tmp_path: Path, clock: ManualClock
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    sandbox: Sandbox = await make_sandbox(data_file=data_file)
    with write_lock(data_file):
        task = asyncio.ensure_future(sandbox.call("POST", "/events", json=EVENT))
        waited = await _waiting(clock, task)
        refused: httpx.Response = task.result()
    assert refused.status_code == 503
    body = refused.json()
    assert body["message"].startswith("The sandbox data file is locked by another program")
    assert body["details"]["applicationError"]["code"] == "SANDBOX_DATA_FILE_LOCKED"
    # It waited on the clock, a bounded while, not on the wall clock.
    assert LOCK_PATIENCE <= waited <= LOCK_PATIENCE + LOCK_RETRY_STEP
    assert "Sale" not in await _event_names(sandbox)

    await sandbox.ok("POST", "/events", json=EVENT)
    assert "Sale" in await _event_names(sandbox)


async def test_a_lock_let_go_while_waiting_lets_the_request_through(
    make_sandbox: Callable[..., Any], tmp_path: Path, clock: ManualClock
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    sandbox: Sandbox = await make_sandbox(data_file=data_file)
    with write_lock(data_file) as other:
        task = asyncio.ensure_future(sandbox.call("POST", "/events", json=EVENT))
        for _ in range(100):
            if clock.sleepers:
                break
            await asyncio.sleep(0)
        assert clock.sleepers, "the request never waited for the lock"
        other.execute("ROLLBACK")
        await _waiting(clock, task)
    assert task.result().status_code == 200
    assert "Sale" in await _event_names(sandbox)


async def test_a_damaged_file_is_a_500_with_a_sentence(
    make_sandbox: Callable[..., Any], tmp_path: Path
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    sandbox: Sandbox = await make_sandbox(data_file=data_file)
    data_file.write_bytes(b"not a database " * 512)
    answer = await sandbox.call("GET", "/marketing-plan")
    assert answer.status_code == 500
    body = answer.json()
    assert body["message"] == ("The sandbox data file could not be used (file is not a database)")
    assert body["details"]["applicationError"]["code"] == "SANDBOX_DATA_FILE_ERROR"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_file_its_journals_and_new_directories_are_private(tmp_path: Path) -> None:
    data_file = tmp_path / "new" / "deeper" / "sandbox.sqlite3"
    storage = Storage(data_file)
    assert _mode(data_file) == 0o600
    assert _mode(data_file.parent) == 0o700
    assert _mode(data_file.parent.parent) == 0o700
    # SQLite gives journals the file's own mode: WAL files appear private too.
    storage.close()
    other = sqlite3.connect(data_file, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("CREATE TABLE scratch (x)")
    for tail in ("-wal", "-shm"):
        assert _mode(Path(f"{data_file}{tail}")) == 0o600, tail
    other.close()


def test_a_file_readable_by_others_is_narrowed_on_open(tmp_path: Path) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    Storage(data_file).close()
    data_file.chmod(0o644)
    journal = Path(f"{data_file}-wal")
    journal.write_bytes(b"")
    journal.chmod(0o644)
    Storage(data_file).close()
    assert _mode(data_file) == 0o600
    assert _mode(journal) == 0o600


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_privacy_does_not_depend_on_the_umask(tmp_path: Path, umask: int) -> None:
    import os

    old = os.umask(umask)
    try:
        data_file = tmp_path / "made" / "sandbox.sqlite3"
        Storage(data_file).close()
    finally:
        os.umask(old)
    assert _mode(data_file) == 0o600
    assert _mode(data_file.parent) == 0o700

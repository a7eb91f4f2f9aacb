"""The SQLite file: versioned schema, one transaction per request, data surviving a restart."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.sandbox import storage as storage_module
from tui_planner.sandbox.storage import SCHEMA_VERSION, Storage, StorageError


async def test_data_survive_a_restart(make_sandbox: Callable[..., Any], tmp_path: Path) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    first: Sandbox = await make_sandbox(data_file=data_file)
    plan = await first.generate()
    await first.ok(
        "POST",
        "/marketing-settings",
        json={
            "marketingSettings": {"settings": {"toneOfVoice": "warm"}},
            "fieldMask": "settings.toneOfVoice",
        },
    )
    await first.ok(
        "POST", "/events", json={"calendarEvent": {"name": "Sale", "date": "2026-07-15T00:00:00Z"}}
    )
    draft = next(
        i
        for a in plan["marketingActivities"]
        for i in a["items"]
        if i["channel"]["name"] == "INSTAGRAM"
    )
    await first.ok("POST", "/marketing-plan/schedule-drafts", json={"draftIds": [draft["id"]]})

    second: Sandbox = await make_sandbox(data_file=data_file)
    reread = await second.plan()
    assert reread["status"] == "ACTIVE"
    assert [a["marketingActivityId"] for a in reread["marketingActivities"]] == [
        a["marketingActivityId"] for a in plan["marketingActivities"]
    ]
    statuses = {i["id"]: i["status"] for a in reread["marketingActivities"] for i in a["items"]}
    assert statuses[draft["id"]] == "SCHEDULED"
    settings = await second.ok("GET", "/marketing-settings")
    assert settings["marketingSettings"]["settings"]["toneOfVoice"] == "warm"


async def test_generation_running_at_restart_finishes_after_it(
    make_sandbox: Callable[..., Any], tmp_path: Path
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    first: Sandbox = await make_sandbox(data_file=data_file)
    await first.ok("POST", "/marketing-plan/generate-marketing-plan", json={})
    second: Sandbox = await make_sandbox(data_file=data_file)
    assert (await second.plan())["status"] == "GENERATING"
    second.clock.advance(6)
    assert (await second.plan())["status"] == "ACTIVE"


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "s.sqlite3")
    assert storage.schema_version == SCHEMA_VERSION
    storage.close()
    reopened = Storage(tmp_path / "s.sqlite3")
    assert reopened.schema_version == SCHEMA_VERSION
    reopened.close()


def test_file_from_a_newer_sandbox_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer planner-tui"):
        Storage(path)


def test_not_a_database_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="cannot be opened"):
        Storage(path)


def test_failed_transaction_is_rolled_back(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "s.sqlite3")

    def failing_request() -> None:
        with storage.transaction() as conn:
            conn.execute(
                "INSERT INTO images (key, channel, item_type, title, seed)"
                " VALUES ('k', 'X', 'POST', 't', 1)"
            )
            raise RuntimeError("the handler failed")

    with pytest.raises(RuntimeError):
        failing_request()
    with storage.transaction() as conn:
        assert conn.execute("SELECT COUNT(*) FROM images").fetchone()[0] == 0
    storage.close()


async def test_refused_request_rolls_back_its_writes(sandbox: Sandbox) -> None:
    # Upsert validates the mask after reading; a 428 must leave nothing behind.
    response = await sandbox.call(
        "POST",
        "/marketing-settings",
        json={
            "marketingSettings": {"settings": {"toneOfVoice": "x"}},
            "fieldMask": "settings.toneOfVoice,settings.topics",
        },
    )
    assert response.status_code == 428
    record = (await sandbox.ok("GET", "/marketing-settings"))["marketingSettings"]
    assert "createdAt" not in record


def test_a_version_1_file_keeps_its_items_and_gains_posts_outside_the_plan(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(storage_module._SCHEMA_V1 + "PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO activities (id, title, description, target_date, activity_type, origin, seq)"
        " VALUES ('a1', 'Kiln day', '', '2026-07-10T09:00:00+00:00', 'SOCIAL_MARKETING', 'PLAN', 1)"
    )
    conn.execute(
        "INSERT INTO items (id, activity_id, channel, type, status, content_key, content_json,"
        " scheduled_date, seq) VALUES ('i1', 'a1', 'INSTAGRAM', 'POST', 'DRAFT', 'instagramPost',"
        ' \'{"caption": "Hi"}\', NULL, 1)'
    )
    conn.commit()
    conn.close()

    storage = Storage(path)
    with storage.transaction() as migrated:
        (item,) = migrated.execute("SELECT * FROM items").fetchall()
        migrated.execute(
            "INSERT INTO items (id, activity_id, channel, type, status, content_key, content_json,"
            " external, seq) VALUES ('i2', NULL, 'FACEBOOK', 'POST', 'PUBLISHED', 'facebookPost',"
            " '{}', 1, 2)"
        )
        migrated.execute("DELETE FROM activities WHERE id = 'a1'")
        left = [row["id"] for row in migrated.execute("SELECT id FROM items")]
    version = storage.schema_version
    storage.close()

    assert version == SCHEMA_VERSION == 2
    assert (item["id"], item["activity_id"], item["external"]) == ("i1", "a1", 0)
    # Deleting the activity still takes its items; a post of no activity stays.
    assert left == ["i2"]

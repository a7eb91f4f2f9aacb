"""``planner-tui status``: the plan's status, counts, channels and premium."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run, with_sandbox


def test_status_of_a_site_without_a_plan(run: Run, empty_sandbox: Path) -> None:
    result = run("status")

    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == f"Backend:   SANDBOX {empty_sandbox}"
    assert lines[1] == "Plan:      NEVER_CREATED · 0 activities from Mon 23 Nov to Thu 31 Dec 2026"
    assert lines[2] == "Posts:     none yet"
    assert lines[3:] == [
        "Connected: Facebook, Instagram, LinkedIn",
        "Not yet:   Pinterest, Google Business, TikTok, X",
        "Premium:   scheduling posts is included",
    ]


def test_status_json_has_the_documented_shape(run: Run, planned: Path) -> None:
    result = run("status", "--json")

    assert result.code == 0
    document = result.json()
    assert set(document) == {
        "backend",
        "site",
        "planStatus",
        "period",
        "activities",
        "posts",
        "postsGenerating",
        "channels",
        "premium",
    }
    assert document["backend"] == {"label": f"SANDBOX {planned}", "sandbox": True}
    assert document["site"] == "sandbox-site"
    assert document["planStatus"] == "ACTIVE"
    assert document["period"] == {"from": "2026-11-23", "to": "2026-12-31"}
    assert document["activities"] > 0
    assert document["posts"]["total"] == sum(document["posts"]["byStatus"].values())
    assert set(document["posts"]["byStatus"]) == {"DRAFT"}
    assert document["channels"]["INSTAGRAM"] == "VALID"
    assert document["channels"]["PINTEREST"] == "NEVER_CREATED"
    assert document["premium"] == {"schedulePosts": True}


def test_status_counts_posts_in_words(run: Run, planned: Path) -> None:
    document = run("status", "--json").json()
    drafts = document["posts"]["byStatus"]["DRAFT"]

    lines = run("status").out.splitlines()

    assert lines[1].startswith(f"Plan:      ACTIVE · {document['activities']} activities from")
    assert lines[2] == f"Posts:     {drafts} drafts"


def test_status_without_premium_says_scheduling_is_not_included(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated_plan: Path
) -> None:
    with_sandbox(tmp_path, monkeypatch, generated_plan, "premium = false\n")

    assert run("status", "--json").json()["premium"] == {"schedulePosts": False}
    assert run("status").out.splitlines()[-1] == (
        "Premium:   scheduling posts needs the premium plan (not included)"
    )

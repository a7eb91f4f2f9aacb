"""``planner-tui plan``: the activities day by day with their posts; ``--from``/``--to``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Run


def test_plan_json_lists_every_activity_with_its_posts(run: Run, planned: Path) -> None:
    result = run("plan", "--json")

    assert result.code == 0
    document = result.json()
    assert set(document) == {"planStatus", "timeZone", "from", "to", "activities"}
    assert document["planStatus"] == "ACTIVE"
    assert document["timeZone"] == "Europe/Berlin"
    assert document["from"] is None
    assert document["to"] is None
    activities = document["activities"]
    assert len(activities) == run("status", "--json").json()["activities"]
    first = activities[0]
    assert set(first) == {"id", "title", "description", "type", "date", "day", "posts"}
    assert first["date"].endswith("Z")
    assert [a["date"] for a in activities] == sorted(a["date"] for a in activities)
    post = next(p for a in activities for p in a["posts"])
    assert set(post) == {
        "id",
        "activityId",
        "channel",
        "kind",
        "status",
        "scheduledDate",
        "caption",
        "imageUrl",
        "connected",
    }
    assert post["status"] == "DRAFT"
    assert post["caption"]


def test_plan_keeps_the_days_asked_for(run: Run, planned: Path) -> None:
    everything = run("plan", "--json").json()["activities"]

    week = run("plan", "--from", "2026-11-25", "--to", "+7", "--json").json()

    assert week["from"] == "2026-11-25"
    assert week["to"] == "2026-11-30"
    expected = [a["id"] for a in everything if "2026-11-25" <= a["day"] <= "2026-11-30"]
    assert [a["id"] for a in week["activities"]] == expected
    assert expected, "the sandbox plan has activities that week"


def test_plan_for_people_groups_activities_by_day(run: Run, planned: Path) -> None:
    first = run("plan", "--json").json()["activities"][0]

    result = run("plan", "--to", first["day"])

    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"{date.fromisoformat(first['day']):%a %d %b %Y}"
    assert f"[{first['id']}]" in lines[1]
    assert first["title"] in lines[1]
    for post in first["posts"]:
        assert any(f"[{post['id']}]" in line for line in lines)
    assert "(channel not connected)" in result.out
    assert lines[-1].endswith("(ACTIVE).")


def test_days_outside_the_plan_get_a_note_on_stderr(run: Run, planned: Path) -> None:
    result = run("plan", "--from", "2027-02-01", "--to", "2027-02-28")

    assert result.code == 0
    assert result.out == ("The plan (ACTIVE) has no activities from 2027-02-01 to 2027-02-28.\n")
    assert result.err == (
        "Note: the plan runs from Mon 23 Nov 2026 to Thu 31 Dec 2026; "
        "days outside it have no activities.\n"
    )


@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (
            ["--from", "next tuesday"],
            "--from expects a day like 2026-11-23, today or +7, not 'next tuesday'.",
        ),
        (
            ["--to", "2026-02-30"],
            "--to: There is no “2026-02-30”: February 2026 has 28 days.",
        ),
        (
            ["--from", "2026-04-31"],
            "--from: There is no “2026-04-31”: April 2026 has 30 days.",
        ),
        (
            ["--from", "2026-12-10", "--to", "2026-12-01"],
            "--to 2026-12-01 is before --from 2026-12-10.",
        ),
        (
            ["--to", "2150-01-01"],
            "--to: 2150-01-01 is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100.",
        ),
        (
            ["--to", "+99999w"],
            "--to: 3943-05-31 is outside the calendar, which runs from 1 Jan 1970 to 31 Dec 2100.",
        ),
    ],
)
def test_bad_days_are_a_sentence_and_exit_2(
    run: Run, planned: Path, flags: list[str], sentence: str
) -> None:
    result = run("plan", *flags)

    assert result.code == 2
    assert result.out == ""
    assert result.err == sentence + "\n"


def test_relative_days_count_from_the_clocks_today(run: Run, planned: Path) -> None:
    document = run("plan", "--from", "tomorrow", "--to", "+1w", "--json").json()

    assert (document["from"], document["to"]) == ("2026-11-24", "2026-11-30")

"""``planner-tui drafts``: the drafts by activity, channel, connection and day."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.conftest import Run


def test_drafts_json_has_the_documented_shape_and_counts(run: Run, planned: Path) -> None:
    result = run("drafts", "--json")

    assert result.code == 0
    document = result.json()
    assert set(document) == {"count", "connected", "drafts"}
    drafts = document["drafts"]
    assert document["count"] == len(drafts) > 0
    assert document["connected"] == sum(d["connected"] for d in drafts)
    assert {d["status"] for d in drafts} == {"DRAFT"}
    assert {"activityTitle", "day", "id", "channel", "connected"} <= set(drafts[0])


def test_drafts_filters_by_channel_connection_and_activity(run: Run, planned: Path) -> None:
    everything = run("drafts", "--json").json()["drafts"]
    activity = everything[0]["activityId"]

    instagram = run("drafts", "--channel", "instagram", "--json").json()["drafts"]
    x = run("drafts", "--channel", "X", "--json").json()["drafts"]
    connected = run("drafts", "--connected-only", "--json").json()["drafts"]
    one = run("drafts", "--activity", activity, "--json").json()["drafts"]

    assert [d["id"] for d in instagram] == [
        d["id"] for d in everything if d["channel"] == "INSTAGRAM"
    ]
    assert {d["channel"] for d in x} == {"TWITTER"}
    assert [d["id"] for d in connected] == [d["id"] for d in everything if d["connected"]]
    assert [d["id"] for d in one] == [d["id"] for d in everything if d["activityId"] == activity]


def test_drafts_for_people_end_with_the_counts(run: Run, planned: Path) -> None:
    document = run("drafts", "--json").json()

    result = run("drafts")

    lines = result.out.splitlines()
    assert (
        lines[-1] == f"{document['count']} drafts, {document['connected']} on connected channels."
    )
    first = document["drafts"][0]
    assert f"[{first['id']}]" in lines[0]
    assert lines[0].endswith(first["activityTitle"])


def test_an_unknown_activity_is_bad_input(run: Run, planned: Path) -> None:
    result = run("drafts", "--activity", "no-such-activity")

    assert result.code == 2
    assert result.err == (
        "The plan has no activity no-such-activity; `planner-tui plan` lists them with their ids.\n"
    )


def test_an_unknown_channel_is_bad_input(run: Run, planned: Path) -> None:
    result = run("drafts", "--channel", "myspace")

    assert result.code == 2
    assert "argument --channel: expected one of facebook, instagram" in result.err
    assert "not 'myspace'" in result.err


def test_no_matching_drafts_is_said_and_is_not_an_error(run: Run, planned: Path) -> None:
    result = run("drafts", "--from", "2027-03-01")

    assert result.code == 0
    assert result.out == "No drafts match.\n"


def test_activity_takes_several_ids_or_the_flag_repeated_as_schedule_does(
    run: Run, planned: Path
) -> None:
    everything = run("drafts", "--json").json()["drafts"]
    first, second = list(dict.fromkeys(d["activityId"] for d in everything))[:2]
    expected = [d["id"] for d in everything if d["activityId"] in (first, second)]

    listed = run("drafts", "--activity", first, second, "--json").json()["drafts"]
    repeated = run("drafts", "--activity", first, "--activity", second, "--json").json()["drafts"]
    scheduled = run("schedule", "--activity", first, "--activity", second, "--dry-run", "--json")

    assert [d["id"] for d in listed] == [d["id"] for d in repeated] == expected
    document = scheduled.json()
    chosen = [d["id"] for d in document["willSchedule"]] + [d["id"] for d in document["staysDraft"]]
    assert sorted(chosen) == sorted(expected)


def test_the_columns_line_up_whatever_the_days_width(run: Run, planned: Path) -> None:
    document = run("drafts", "--json").json()
    days = {d["day"][-2:] for d in document["drafts"]}
    assert any(day.startswith("0") for day in days), "single-digit days in the plan"
    assert any(not day.startswith("0") for day in days), "and two-digit ones"

    lines = run("drafts").out.splitlines()[:-2]

    channel_column = {len(re.match(r"^.*? \d\d:\d\d +", line)[0]) for line in lines}  # type: ignore[index]
    assert len(channel_column) == 1

"""``planner-tui export``: the plan in each format, to stdout or a file."""

from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from tests.cli.conftest import Run, SteppingClock
from tui_planner.api.models import CalendarEvent, ChannelName, MarketingActivityType
from tui_planner.export.ics import activity_uid, event_uid
from tui_planner.store.names import CHANNEL_LABELS, type_label


def test_ics_to_stdout_has_one_event_per_activity_and_parses_cleanly(
    run: Run, planned: Path
) -> None:
    activities = run("plan", "--json").json()["activities"]

    result = run("export", "--format", "ics")

    assert result.code == 0
    calendar = Calendar.from_ical(result.out)
    assert [c.errors for c in calendar.walk() if c.errors] == []
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert {f"activity-{a['id']}@sandbox-site.planner-tui" for a in activities} <= uids


def test_csv_to_stdout_has_no_byte_order_mark_and_a_row_per_post(run: Run, planned: Path) -> None:
    posts = sum(len(a["posts"]) for a in run("plan", "--json").json()["activities"])

    result = run("export", "--format", "csv")

    assert not result.out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert rows[0][:3] == ["Activity", "Date", "Channel"]
    assert len(rows) == posts + 1


def test_json_keeps_the_days_asked_for(run: Run, planned: Path) -> None:
    result = run("export", "--format", "json", "--from", "2026-11-25", "--to", "2026-11-27")

    document = json.loads(result.out)
    assert (document["from"], document["to"], document["timeZone"]) == (
        "2026-11-25",
        "2026-11-27",
        "Europe/Berlin",
    )
    assert document["exportedAt"] == "2026-11-23T09:05:00.000Z", "the clock's now"
    assert document["marketingActivities"]


def test_an_output_file_names_the_format_and_is_written_privately(
    run: Run, planned: Path, tmp_path: Path
) -> None:
    target = tmp_path / "exports" / "plan.ics"
    activities = run("status", "--json").json()["activities"]

    result = run("export", "--output", str(target))

    assert result.code == 0
    assert result.out.startswith(f"Wrote {activities} activities and ")
    assert result.out.endswith(f" to {target} (ics).\n")
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_format_is_needed_when_the_output_does_not_say_one(run: Run, planned: Path) -> None:
    for flags in ([], ["--output", "plan.txt"], ["--output", "-"]):
        result = run("export", *flags)

        assert result.code == 2
        assert result.err == (
            "Say which format to export: --format ics, csv, json "
            "(or an --output file ending in one of them).\n"
        )


def test_an_unknown_format_is_a_usage_error(run: Run, planned: Path) -> None:
    result = run("export", "--format", "xlsx")

    assert result.code == 2
    assert "invalid choice: 'xlsx'" in result.err


def test_the_sandbox_plan_as_ics_reads_back_to_the_plan_and_a_second_export_updates_it(
    run: Run, planned: Path, clock: SteppingClock
) -> None:
    """One VEVENT per activity (title, UTC start, type, each post's channel and status) and
    per calendar event (the yearly one as an RRULE), parsed without an error or a warning;
    exported again later, the same UIDs, so a calendar app updates its events."""
    plan = run("export", "--format", "json").json()
    activities = plan["marketingActivities"]
    events = plan["calendarEvents"]
    first = run("export", "--format", "ics")
    clock.advance(3600)
    second = run("export", "--format", "ics")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        calendar = Calendar.from_ical(first.out)
        again = Calendar.from_ical(second.out)
    assert [c.errors for c in calendar.walk() if c.errors] == []
    vevents = {e.uid: e for e in calendar.walk("VEVENT") if isinstance(e, Event)}
    assert len(vevents) == len(activities) + len(events)
    assert set(vevents) == {str(e["UID"]) for e in again.walk("VEVENT")}
    assert first.out != second.out, "only the stamp moved"

    for activity in activities:
        vevent = vevents[activity_uid(activity["marketingActivityId"], "sandbox-site")]
        assert str(vevent["SUMMARY"]) == activity["title"]
        start = vevent.decoded("DTSTART")
        assert start.utcoffset() == timedelta(0)
        assert start == datetime.fromisoformat(activity["date"])
        assert "DTSTART:" + start.strftime("%Y%m%dT%H%M%SZ") in first.out
        kind = activity.get("marketingActivityType")
        assert vevent.categories == [type_label(MarketingActivityType(kind) if kind else None)]
        description = str(vevent["DESCRIPTION"])
        for item in activity.get("items", []):
            channel = CHANNEL_LABELS[ChannelName(item["channel"]["name"])]
            assert f"- {channel}: {item['status'].lower()}" in description
    recurring = [e for e in events if e.get("recurringRule")]
    assert recurring, "the sandbox has a yearly event"
    for event in recurring:
        vevent = vevents[event_uid(CalendarEvent.model_validate(event), "sandbox-site")]
        assert dict(vevent.decoded("RRULE"))["FREQ"] == [event["recurringRule"]["frequency"]]


def test_a_csv_file_is_said_to_hold_posts(run: Run, planned: Path, tmp_path: Path) -> None:
    activities = run("plan", "--json").json()["activities"]
    posts = sum(len(a["posts"]) for a in activities)

    result = run("export", "--output", str(tmp_path / "plan.csv"))

    assert result.out == (
        f"Wrote {posts} posts of {len(activities)} activities to {tmp_path / 'plan.csv'} (csv).\n"
    )

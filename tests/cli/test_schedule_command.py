"""``planner-tui schedule``: the drafts chosen, the app's confirmation in words, the report
read back from the server, and a yes before anything is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run, answer_with, with_sandbox
from tui_planner.cli.schedule_command import REFUSED_WITHOUT_YES
from tui_planner.sandbox import app as sandbox_app
from tui_planner.sandbox.errors import WixError
from tui_planner.store.scheduling import PREMIUM_MISSING_TEXT


def drafts(run: Run, *flags: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = run("drafts", *flags, "--json").json()["drafts"]
    return found


def test_dry_run_lists_what_would_be_scheduled_and_sends_nothing(run: Run, planned: Path) -> None:
    connected = [d["id"] for d in drafts(run, "--connected-only")]
    before = drafts(run)

    result = run("schedule", "--all-connected", "--dry-run", "--json")

    assert result.code == 0
    document = result.json()
    assert set(document) == {
        "dryRun",
        "premiumMissing",
        "willSchedule",
        "staysDraft",
        "scheduled",
        "leftAsDraft",
        "failure",
    }
    assert document["dryRun"] is True
    assert document["premiumMissing"] is False
    assert [d["id"] for d in document["willSchedule"]] == connected
    assert document["staysDraft"] == []
    assert document["scheduled"] is None
    assert drafts(run) == before, "a dry run changes nothing"


def test_dry_run_for_people_reads_like_the_apps_confirmation(run: Run, planned: Path) -> None:
    first = drafts(run)[0]
    activity = str(first["activityId"])
    mine = [d for d in drafts(run) if d["activityId"] == activity]
    will = [d for d in mine if d["connected"]]

    result = run("schedule", "--activity", activity, "--dry-run")

    lines = result.out.splitlines()
    assert lines[0] == f"Schedule {len(will)} of {len(mine)} drafts?"
    assert lines[1] == f"Will be scheduled ({len(will)})"
    assert all(line.startswith("  ✔ ") for line in lines[2 : 2 + len(will)])
    assert lines[2 + len(will)] == f"Will stay a draft ({len(mine) - len(will)})"
    assert lines[3 + len(will)].startswith("  ○ ")
    assert lines[3 + len(will)].endswith(" — channel not connected")
    assert lines[-2:] == [
        "Each post goes live at its activity's date and time.",
        "Dry run: nothing was sent.",
    ]


def test_yes_schedules_and_reports_what_the_server_did(run: Run, planned: Path) -> None:
    activity = str(drafts(run)[0]["activityId"])
    mine = [d for d in drafts(run) if d["activityId"] == activity]
    connected = {d["id"] for d in mine if d["connected"]}

    result = run("schedule", "--activity", activity, "--yes", "--json")

    assert result.code == 0
    document = result.json()
    assert document["dryRun"] is False
    assert {d["id"] for d in document["scheduled"]} == connected
    assert all(str(d["goesLive"]).endswith("Z") for d in document["scheduled"])
    assert {d["reason"] for d in document["leftAsDraft"]} <= {"CHANNEL_NOT_CONNECTED", "X_SUNSET"}
    assert document["failure"] is None
    still = {d["id"] for d in drafts(run, "--activity", activity)}
    assert still == {d["id"] for d in mine} - connected, "read back from the server"


def test_the_report_for_people_follows_the_confirmation(run: Run, planned: Path) -> None:
    activity = str(drafts(run)[0]["activityId"])

    result = run("schedule", "--activity", activity, "--yes")

    head, _, report = result.out.partition("\n\n")
    assert head.splitlines()[0].startswith("Schedule ")
    lines = report.splitlines()
    assert lines[0].startswith("Scheduled ")
    assert lines[1].startswith("Scheduled (")
    assert " — goes live at " in lines[2]
    assert any(line.startswith("Left as a draft (") for line in lines)


def test_piped_without_yes_refuses_and_sends_nothing(run: Run, planned: Path) -> None:
    before = drafts(run)

    result = run("schedule", "--all-connected")

    assert result.code == 2
    assert result.err == REFUSED_WITHOUT_YES + "\n"
    assert drafts(run) == before


@pytest.mark.parametrize(("answer", "code", "scheduled"), [("y", 0, True), ("", 1, False)])
def test_on_a_terminal_it_asks(
    run: Run,
    planned: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
    scheduled: bool,
) -> None:
    connected = drafts(run, "--connected-only", "--to", "2026-11-25")
    monkeypatch.setattr("tui_planner.cli.schedule_command.is_terminal", lambda stream: True)
    questions = answer_with(monkeypatch, answer)

    result = run("schedule", "--all-connected", "--to", "2026-11-25")

    assert questions == [f"Schedule {len(connected)} drafts? [y/N] "]
    assert result.code == code
    left = drafts(run, "--connected-only", "--to", "2026-11-25")
    assert (left == []) is scheduled
    if not scheduled:
        assert result.err == "Nothing was scheduled.\n"


def test_draft_ids_keep_their_order_and_non_drafts_stay(run: Run, planned: Path) -> None:
    first, second = (str(d["id"]) for d in drafts(run, "--connected-only")[:2])
    assert run("schedule", "--draft", first, "--yes").code == 0

    result = run("schedule", "--draft", second, first, "--dry-run", "--json")

    document = result.json()
    assert [d["id"] for d in document["willSchedule"]] == [second]
    assert [(d["id"], d["reason"]) for d in document["staysDraft"]] == [(first, "NOT_A_DRAFT")]


def test_nothing_schedulable_says_so_and_exits_0(run: Run, planned: Path) -> None:
    unconnected = str(drafts(run, "--channel", "pinterest")[0]["id"])

    result = run("schedule", "--draft", unconnected)

    assert result.code == 0
    assert result.out.splitlines()[0] == "This draft cannot be scheduled"


def test_no_drafts_at_all_is_not_an_error(run: Run, planned: Path) -> None:
    result = run("schedule", "--all-connected", "--from", "2027-03-01")

    assert result.code == 0
    assert result.out == "There are no drafts to schedule.\n"


def test_without_premium_nothing_is_sent_and_it_is_exit_1(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated_plan: Path
) -> None:
    with_sandbox(tmp_path, monkeypatch, generated_plan, "premium = false\n")

    result = run("schedule", "--all-connected", "--yes")

    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[:2] == ["Scheduling is not available on this site", PREMIUM_MISSING_TEXT]
    assert all(d["status"] == "DRAFT" for d in drafts(run))


@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (
            ["--draft", "no-such-post"],
            "The plan has no post no-such-post; `planner-tui plan` lists them with their ids.",
        ),
        (
            ["--activity", "a-1", "a-2"],
            "The plan has no activities a-1, a-2; `planner-tui plan` lists them with their ids.",
        ),
        (
            ["--draft", "x", "--from", "today"],
            "--draft names the drafts itself; --from, --to and --channel narrow "
            "--all-connected and --activity only.",
        ),
    ],
)
def test_bad_input_is_a_sentence_and_exit_2(
    run: Run, planned: Path, flags: list[str], sentence: str
) -> None:
    result = run("schedule", *flags)

    assert result.code == 2
    assert result.err == sentence + "\n"


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        ([], "one of the arguments --all-connected --activity --draft is required"),
        (["--all-connected", "--draft", "x"], "not allowed with argument"),
    ],
)
def test_conflicting_or_missing_choices_are_usage_errors(
    run: Run, planned: Path, flags: list[str], says: str
) -> None:
    result = run("schedule", *flags)

    assert result.code == 2
    assert says in result.err


@pytest.mark.parametrize(("status", "code"), [(503, "UNAVAILABLE"), (429, "RESOURCE_EXHAUSTED")])
def test_a_server_that_refuses_the_scheduling_itself_is_exit_1_and_sends_nothing(
    run: Run, planned: Path, monkeypatch: pytest.MonkeyPatch, status: int, code: str
) -> None:
    """The plan reads fine; Schedule Drafts alone is refused (after the client's retries):
    the report says so, every draft is still a draft, and the exit code is 1."""

    def refuse(ctx: object, request: object) -> dict[str, object]:
        raise WixError(status, "Scheduling is down for maintenance", code)

    routes = tuple(
        (verb, path, refuse if path == "/marketing-plan/schedule-drafts" else handler)
        for verb, path, handler in sandbox_app._PLAN_ROUTES
    )
    monkeypatch.setattr(sandbox_app, "_PLAN_ROUTES", routes)
    before = drafts(run)

    result = run("schedule", "--all-connected", "--yes", "--json")

    assert result.code == 1
    document = result.json()
    assert document["scheduled"] in (None, [])
    assert "Scheduling is down for maintenance" in document["failure"]
    assert "Traceback" not in result.err
    assert drafts(run) == before, "nothing was scheduled"

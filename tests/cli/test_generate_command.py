"""``planner-tui generate``: start, regenerate, follow, and ask before losing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run, answer_with, write_config


def test_generate_and_wait_makes_a_plan(run: Run, empty_sandbox: Path) -> None:
    result = run("generate", "--wait", "--json")

    assert result.code == 0
    document = result.json()
    assert set(document) == {"started", "waited", "planStatus", "activities", "summary"}
    assert document["started"] == "generate"
    assert document["waited"] is True
    assert document["planStatus"] == "ACTIVE"
    assert document["activities"] > 0
    assert document["summary"] == f"The plan is ACTIVE: {document['activities']} activities."
    assert result.err == "", "no progress line when stderr is not a terminal"


def test_generate_without_wait_starts_it_and_returns(run: Run, empty_sandbox: Path) -> None:
    result = run("generate")

    assert result.code == 0
    assert result.out == "Generating the plan.\n"
    assert run("status", "--json").json()["planStatus"] == "GENERATING"


def test_wait_shows_a_live_line_on_a_terminal_and_clears_it(
    run: Run, empty_sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui_planner.cli.console.is_terminal", lambda stream: True)

    result = run("generate", "--wait")

    assert result.code == 0
    assert result.err.startswith("\rGenerating the plan… 0 s")
    assert "\rGenerating the plan… 5 s" in result.err
    assert result.err.endswith("\r"), "the line is wiped before the summary"
    assert "\n" not in result.err
    assert result.out.splitlines()[-1].startswith("The plan is ACTIVE: ")


def test_an_active_plan_needs_regenerate(run: Run, planned: Path) -> None:
    activities = run("status", "--json").json()["activities"]

    result = run("generate")

    assert result.code == 2
    assert result.err == (
        f"The site already has an active plan ({activities} activities); pass --regenerate "
        "to rebuild its upcoming activities.\n"
    )


def test_regenerate_with_nothing_to_lose_goes_ahead_and_sums_up(run: Run, planned: Path) -> None:
    result = run("generate", "--regenerate", "--wait")

    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Regenerating the plan."
    assert lines[-1].startswith("Plan regenerated: ")


def test_regenerate_that_loses_scheduled_posts_needs_yes_when_piped(
    run: Run, planned: Path
) -> None:
    assert run("schedule", "--all-connected", "--to", "2026-11-30", "--yes").code == 0

    refused = run("generate", "--regenerate")
    agreed = run("generate", "--regenerate", "--yes")

    assert refused.code == 2
    assert refused.err.startswith("Regenerating replaces the ")
    assert "scheduled post" in refused.err
    assert refused.err.endswith("(they will not go out). Pass --yes to regenerate anyway.\n")
    assert agreed.code == 0
    assert agreed.out == "Regenerating the plan.\n"


def test_regenerate_asks_on_a_terminal(
    run: Run, planned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("schedule", "--all-connected", "--to", "2026-11-30", "--yes").code == 0
    monkeypatch.setattr("tui_planner.cli.generate_command.is_terminal", lambda stream: True)
    questions = answer_with(monkeypatch, "n")

    result = run("generate", "--regenerate")

    assert questions == ["Regenerate the plan? [y/N] "]
    assert result.code == 1
    assert result.err.endswith("Nothing was regenerated.\n")
    assert run("status", "--json").json()["planStatus"] == "ACTIVE"


def test_keyword_research_regenerates_with_research(run: Run, planned: Path) -> None:
    result = run("generate", "--keyword-research", "--json")

    assert result.code == 0
    assert result.json()["started"] == "keyword-research"
    assert result.json()["planStatus"] == "GENERATING"


@pytest.mark.parametrize("flag", ["--regenerate", "--keyword-research"])
def test_nothing_to_regenerate_is_bad_input(run: Run, empty_sandbox: Path, flag: str) -> None:
    result = run("generate", flag)

    assert result.code == 2
    assert result.err == (
        "The site has no plan to regenerate yet; `planner-tui generate` makes one.\n"
    )


def test_regenerate_while_generating_fails_with_a_way_forward(
    run: Run, empty_sandbox: Path
) -> None:
    assert run("generate").code == 0

    result = run("generate", "--regenerate")

    assert result.code == 1
    assert result.err == (
        "The plan is being generated now; regenerate it once that has finished "
        "(`planner-tui generate --wait` follows it).\n"
    )


def test_generate_while_generating_follows_the_one_under_way(run: Run, empty_sandbox: Path) -> None:
    assert run("generate").code == 0

    result = run("generate", "--wait", "--json")

    assert result.code == 0
    assert result.json()["started"] is None
    assert result.json()["planStatus"] == "ACTIVE"


def test_conflicting_flags_are_bad_input(run: Run, empty_sandbox: Path) -> None:
    result = run("generate", "--regenerate", "--keyword-research")

    assert result.code == 2
    assert "not allowed with argument" in result.err


def test_a_generation_that_fails_is_exit_1(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sandbox fails an unpublished site's generation for an even seed.
    write_config(tmp_path, monkeypatch, "site_published = false\nseed = 8\n")

    result = run("generate", "--wait")

    assert result.code == 1
    assert result.out.splitlines()[-1] == (
        "Generation failed: the plan is FAILED. `planner-tui generate` tries again."
    )


def test_waiting_gives_up_after_the_timeout(run: Run, empty_sandbox: Path) -> None:
    result = run("generate", "--wait", "--timeout", "3")

    assert result.code == 1
    assert result.err == (
        "The plan is still generating after 3 s; `planner-tui status` shows how it is doing.\n"
    )


def test_a_bad_timeout_is_bad_input(run: Run, empty_sandbox: Path) -> None:
    result = run("generate", "--wait", "--timeout", "soon")

    assert result.code == 2
    assert "expected a number of seconds, not 'soon'" in result.err


def test_a_failed_plan_is_retried_by_regenerating(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, "site_published = false\nseed = 8\n")
    assert run("generate", "--wait").code == 1

    result = run("generate", "--json")

    assert result.code == 0
    assert result.json()["started"] == "regenerate"

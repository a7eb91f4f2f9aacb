"""``--site NAME`` (and ``default_site``) choose which [sites.NAME] table every command uses."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tui_planner.config import write_private_file


@pytest.fixture
def two_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated_plan: Path) -> Path:
    """A config with two sandbox sites: "planned" holds the generated plan, "fresh" none;
    "planned" is the default. Returns the config file."""
    planned = tmp_path / "planned.sqlite3"
    shutil.copyfile(generated_plan, planned)
    config = tmp_path / "config.toml"
    write_private_file(
        config,
        'default_site = "planned"\n\n[ui]\ntimezone = "Europe/Berlin"\n\n'
        f'[sites.planned]\nsandbox = true\ndata_file = "{planned}"\n\n'
        f'[sites.fresh]\nsandbox = true\ndata_file = "{tmp_path / "fresh.sqlite3"}"\n',
    )
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))
    return config


def test_status_follows_default_site_and_site_flag(run: Run, two_sites: Path) -> None:
    default = run("status")
    fresh = run("--site", "fresh", "status")
    after = run("status", "--site", "planned")

    assert default.code == fresh.code == after.code == 0
    assert default.out.splitlines()[0].startswith("Backend:   planned · SANDBOX ")
    assert "Plan:      ACTIVE" in default.out
    assert fresh.out.splitlines()[0].startswith("Backend:   fresh · SANDBOX ")
    assert "Plan:      NEVER_CREATED" in fresh.out
    assert after.out == default.out


def test_an_unknown_site_is_one_sentence_and_exit_2(run: Run, two_sites: Path) -> None:
    result = run("--site", "shop", "status")

    assert result.code == 2
    assert result.out == ""
    assert result.err.strip() == (
        f"There is no site called “shop” in {two_sites}; its sites are planned and fresh."
    )


@pytest.mark.parametrize(
    "command",
    [
        "",  # the app itself
        "status",
        "plan",
        "drafts",
        "generate --wait",
        "schedule --all-connected --yes",
        "export --format json",
        "sandbox reset --yes",
    ],
)
def test_an_unknown_site_stops_every_command_and_the_app_before_anything_opens(
    run: Run, two_sites: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # The app must not even be built: its module is replaced by one that cannot be imported.
    monkeypatch.setitem(sys.modules, "tui_planner.ui.app", None)

    result = run("--site", "nowhere", *command.split())

    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"There is no site called “nowhere” in {two_sites}; its sites are planned and fresh.\n"
    )
    assert not (two_sites.parent / "nowhere.sqlite3").exists()
    assert (two_sites.parent / "planned.sqlite3").exists(), "sandbox reset deleted nothing"

"""The global options (``--config``, ``--debug``) and the log they and ``[log]`` govern."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Run, write_config
from tui_planner.debug_log import log_file


@pytest.mark.parametrize("argv", [["--debug", "status"], ["status", "--debug"]])
def test_debug_before_or_after_the_command_logs_every_request(
    run: Run, planned: Path, argv: list[str]
) -> None:
    assert run(*argv).code == 0

    logged = log_file().read_text()
    assert "DEBUG   tui_planner.api.transport: GET /promote/marketing-plan-service/v1/" in logged
    assert " -> 200 in " in logged
    assert "INFO    tui_planner.sync.engine: full load done (ACTIVE" in logged
    assert "INFO    tui_planner.sync.engine: plan read: " in logged
    assert log_file().stat().st_mode & 0o777 == 0o600


def test_the_config_sets_the_level_and_debug_wins(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated_plan: Path
) -> None:
    write_config(tmp_path, monkeypatch)
    config = Path(str(tmp_path / "config.toml"))
    config.write_text(config.read_text() + "\n[log]\nlevel = 'info'\n")
    (tmp_path / "sandbox.sqlite3").write_bytes(generated_plan.read_bytes())

    assert run("status").code == 0
    info = log_file().read_text()
    log_file().unlink()
    assert run("status", "--debug").code == 0
    debug = log_file().read_text()

    assert "full load done" in info
    assert "tui_planner.api.transport" not in info
    assert "tui_planner.api.transport" in debug


def test_by_default_only_problems_are_logged(run: Run, planned: Path) -> None:
    assert run("status").code == 0
    assert not log_file().exists() or log_file().read_text() == ""

    assert run("drafts", "--activity", "nope").code == 2
    assert not log_file().exists() or "nope" not in log_file().read_text()


def test_a_failing_backend_is_logged_as_a_warning(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, "error_rate = 1.0\n")

    assert run("status").code == 1

    assert "WARNING tui_planner.sync.engine: sync failed (" in log_file().read_text()


def test_config_path_prints_the_config_and_names_the_log_on_stderr(
    run: Run, tmp_path: Path
) -> None:
    result = run("--config", str(tmp_path / "mine.toml"), "config", "path")
    only_log = run("config", "path", "--log")

    assert result.out == f"{tmp_path / 'mine.toml'}\n"
    assert result.err == f"Log file: {log_file()}\n"
    assert only_log.out == f"{log_file()}\n"


def test_config_given_after_the_command_is_used(run: Run, tmp_path: Path, planned: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(f"[sandbox]\ndata_file = '{tmp_path / 'elsewhere.sqlite3'}'\n")

    document = run("status", "--config", str(other), "--json").json()

    assert document["backend"]["label"] == f"SANDBOX {tmp_path / 'elsewhere.sqlite3'}"
    assert document["planStatus"] == "NEVER_CREATED"

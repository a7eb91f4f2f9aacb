"""The debug log: where it is, what each level keeps, 0600 files, and never the key."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tui_planner.debug_log import (
    BACKUPS,
    MAX_BYTES,
    active_log_file,
    hide_secret,
    log_file,
    set_log_level,
    start_log,
    stop_log,
)

log = logging.getLogger("tui_planner.tests")


def test_the_log_lives_in_the_user_log_directory(isolated_environment: Path) -> None:
    assert log_file() == isolated_environment / "state" / "planner-tui" / "log" / "planner-tui.log"


def test_warnings_by_default_and_more_when_asked(tmp_path: Path) -> None:
    path = start_log("warning", tmp_path / "planner-tui.log")
    assert path is not None
    log.info("a poll")
    log.warning("a problem")
    set_log_level("debug")
    log.debug("a request")
    stop_log()

    text = path.read_text()
    assert "a poll" not in text
    assert "WARNING tui_planner.tests: a problem" in text
    assert "DEBUG   tui_planner.tests: a request" in text


def test_only_the_apps_loggers_write_there(tmp_path: Path) -> None:
    path = start_log("debug", tmp_path / "planner-tui.log")
    assert path is not None
    logging.getLogger("httpx").warning("a library's line")
    stop_log()

    assert "a library's line" not in path.read_text()


def test_files_are_private_and_rotate(tmp_path: Path) -> None:
    path = start_log("debug", tmp_path / "logs" / "planner-tui.log")
    assert path is not None
    line = "x" * 1000
    for _ in range(MAX_BYTES * (BACKUPS + 2) // 1000):
        log.debug(line)
    stop_log()

    files = sorted(path.parent.iterdir())
    assert [f.name for f in files] == [
        "planner-tui.log",
        *(f"planner-tui.log.{n}" for n in range(1, BACKUPS + 1)),
    ]
    assert {f.stat().st_mode & 0o777 for f in files} == {0o600}
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert all(f.stat().st_size <= MAX_BYTES for f in files)


def test_secrets_never_reach_the_file_even_in_tracebacks(tmp_path: Path) -> None:
    path = start_log("debug", tmp_path / "planner-tui.log")
    assert path is not None
    hide_secret("IST.very-secret")
    log.debug("sent %s", "IST.very-secret")
    try:
        raise RuntimeError("the key IST.very-secret leaked into an error")
    except RuntimeError:
        log.exception("caught")
    stop_log()

    text = path.read_text()
    assert "IST.very-secret" not in text
    assert "sent ********" in text
    assert "RuntimeError: the key ******** leaked into an error" in text
    assert "Traceback (most recent call last)" in text


def test_a_log_that_cannot_be_written_is_a_warning_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    assert start_log("debug", blocker / "planner-tui.log") is None
    assert active_log_file() is None
    assert "running without a log" in capsys.readouterr().err

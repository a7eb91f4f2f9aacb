"""A real terminal: ``planner-tui`` in tmux against a fresh sandbox, driven by keys, quit cleanly.

This is the one test that runs the app as a user would (real clock, real terminal, a
sandbox file on disk), so it waits by polling the screen against a deadline rather than
with a manual clock. It runs on its own tmux server (``-L``) so it never touches the user's
sessions, and it is skipped only where tmux is missing.
"""

from __future__ import annotations

import calendar
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

REPO = Path(__file__).resolve().parents[1]
DEADLINE_SECONDS = 30.0
POLL_SECONDS = 0.1


class Terminal:
    """One tmux session on a private server, running one command."""

    def __init__(self, server: str, session: str) -> None:
        self.server = server
        self.session = session

    def tmux(self, *args: str, timeout: float = 10.0) -> str:
        """Run a tmux command on this test's server and return its output."""
        done = subprocess.run(
            ["tmux", "-L", self.server, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        """What the terminal shows now."""
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str) -> str:
        """Poll the screen until ``text`` shows, or fail with what it showed instead."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(POLL_SECONDS)
        raise AssertionError(f"{text!r} never appeared; the screen showed:\n{shown}")

    def press(self, *keys: str) -> None:
        """Send keys the way tmux names them (``Enter``, ``Escape``, ``C-q``, ``F1``)."""
        self.tmux("send-keys", "-t", self.session, *keys)


MONTH_HEADING = re.compile(rf"^ ({'|'.join(calendar.month_name[1:])}) (\d{{4}}) ", re.MULTILINE)


def shown_month(term: Terminal) -> str:
    """The calendar's month heading (``"December 2026"``), once the screen shows one."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while (match := MONTH_HEADING.search(screen := term.screen())) is None:
        assert time.monotonic() < deadline, f"no month heading; the screen showed:\n{screen}"
        time.sleep(POLL_SECONDS)
    return f"{match[1]} {match[2]}"


def month_after(heading: str) -> str:
    """``"January 2027"`` for ``"December 2026"``."""
    name, year = heading.split()
    month = list(calendar.month_name).index(name)
    return f"{calendar.month_name[month % 12 + 1]} {int(year) + month // 12}"


@pytest.fixture
def sandbox_config(tmp_path: Path) -> Path:
    """A config file whose sandbox lives in ``tmp_path`` and generates in a second."""
    config = tmp_path / "config.toml"
    data_file = tmp_path / "sandbox.sqlite3"
    config.write_text(
        f"[sandbox]\ndata_file = {str(data_file)!r}\ngeneration_seconds = 1.0\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture
def terminal(tmp_path: Path, sandbox_config: Path) -> Iterator[tuple[Terminal, Path]]:
    """``python -m tui_planner`` in a 120x40 tmux session; yields it and its exit-code file."""
    with running_planner(tmp_path, sandbox_config) as started:
        yield started


@contextmanager
def running_planner(tmp_path: Path, sandbox_config: Path) -> Iterator[tuple[Terminal, Path]]:
    """``python -m tui_planner`` with ``sandbox_config`` in a 120x40 tmux session, its home
    in ``tmp_path``; yields the terminal and the file its exit code is written to."""
    server = f"planner-smoke-{uuid.uuid4().hex[:8]}"
    session = "app"
    exit_file = tmp_path / "exit-code"
    env = {
        "PLANNER_TUI_CONFIG": str(sandbox_config),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "WIX_API_KEY": "",
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    command = (
        f"cd {shlex.quote(str(REPO))} && env {exports} "
        f"{shlex.quote(sys.executable)} -m tui_planner; "
        f"echo $? > {shlex.quote(str(exit_file))}; tmux wait-for -S {session}-done"
    )
    term = Terminal(server, session)
    subprocess.run(
        [
            "tmux",
            "-L",
            server,
            "-f",
            os.devnull,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "120",
            "-y",
            "40",
            command,
        ],
        check=True,
        timeout=10,
    )
    try:
        yield term, exit_file
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True, timeout=10)


def test_planner_tui_opens_the_calendar_generates_and_quits_cleanly(
    terminal: tuple[Terminal, Path],
) -> None:
    term, exit_file = terminal
    term.wait_for("SANDBOX")
    term.wait_for("This site has no marketing plan yet")
    term.press("Enter")  # Generate now
    term.wait_for("ACTIVE · synced")

    term.press("F1")
    term.wait_for("Keys (rebind any of them by id")
    term.press("Escape")
    month = shown_month(term)
    term.press("]")  # next month on the calendar
    term.wait_for(month_after(month))
    term.press("C-r")  # sync now: the app says so, then shows the plan synced
    term.wait_for("Syncing now.")
    term.wait_for("ACTIVE · synced")

    term.press("C-q")
    term.tmux("wait-for", "app-done", timeout=DEADLINE_SECONDS)
    assert exit_file.read_text(encoding="utf-8").strip() == "0"

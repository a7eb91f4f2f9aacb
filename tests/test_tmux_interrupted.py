"""A real terminal: ``planner-tui`` killed (SIGKILL) while it schedules, then started again.

The sandbox answers slowly in the middle run (``latency_ms``), so the schedule is still in
flight when the process dies; its data file and the journal live in the test's temporary
home and outlive the process. The next start reads the plan and says how the schedule ended.
Like ``test_tmux_smoke.py``, it waits by polling the screen against a deadline.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_tmux_smoke import DEADLINE_SECONDS, POLL_SECONDS, REPO, Terminal

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SIX_CHANNELS = '["FACEBOOK", "INSTAGRAM", "LINKEDIN", "PINTEREST", "GBP", "TIKTOK"]'


class Home:
    """A temporary home: config, sandbox data, state and cache, and a private tmux server."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = root / "config.toml"
        self.data_file = root / "sandbox.sqlite3"
        self.server = f"planner-kill-{uuid.uuid4().hex[:8]}"
        self.runs = 0

    def configure(self, latency_ms: int = 0) -> None:
        """Write the config: the sandbox in the temporary home, six channels connected."""
        self.config.write_text(
            "[sandbox]\n"
            f"data_file = {str(self.data_file)!r}\n"
            "generation_seconds = 1.0\n"
            f"connected_channels = {SIX_CHANNELS}\n"
            f"latency_ms = {latency_ms}\n",
            encoding="utf-8",
        )

    def journals(self) -> list[dict[str, object]]:
        """Every journal file's contents (there is one per backend)."""
        found = sorted((self.root / "state").rglob("journals/*.json"))
        return [json.loads(path.read_text(encoding="utf-8")) for path in found]

    def running(self, session: str) -> bool:
        """Whether ``session`` still runs (with none left, tmux's server is gone too)."""
        listed = subprocess.run(
            ["tmux", "-L", self.server, "list-sessions", "-F", "#{session_name}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return session in listed.stdout.split()

    def run(self) -> Terminal:
        """Start ``python -m tui_planner`` in a new 120x40 session; the pane's process is
        the app itself (``exec``), so its pid is the one to kill."""
        self.runs += 1
        session = f"run{self.runs}"
        env = {
            "PLANNER_TUI_CONFIG": str(self.config),
            "HOME": str(self.root),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_DATA_HOME": str(self.root / "data"),
            "XDG_STATE_HOME": str(self.root / "state"),
            "XDG_CACHE_HOME": str(self.root / "cache"),
            "WIX_API_KEY": "",
            "TERM": "xterm-256color",
        }
        exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
        command = (
            f"cd {shlex.quote(str(REPO))} && exec env {exports} "
            f"{shlex.quote(sys.executable)} -m tui_planner"
        )
        tmux = ("tmux", "-L", self.server, "-f", os.devnull)
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
            check=True,
            timeout=10,
        )
        return Terminal(self.server, session)


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Home]:
    made = Home(tmp_path)
    try:
        yield made
    finally:
        subprocess.run(["tmux", "-L", made.server, "kill-server"], capture_output=True, timeout=10)


def wait_until(check: object, what: str) -> None:
    """Poll ``check()`` until it is true, or fail naming ``what``."""
    assert callable(check)
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"never happened: {what}")


def test_killed_while_scheduling_the_next_start_says_how_the_schedule_ended(
    home: Home,
) -> None:
    # A plan to schedule from, made at full speed; then a clean quit.
    home.configure()
    first = home.run()
    first.wait_for("This site has no marketing plan yet")
    first.press("Enter")
    first.wait_for("ACTIVE · synced")
    first.press("C-q")
    wait_until(lambda: not home.running("run1"), "the first run to quit")
    assert all(not journal["inFlight"] for journal in home.journals())

    # A slow server: every answer takes 3 s, so the schedule is in flight for a while.
    home.configure(latency_ms=3000)
    second = home.run()
    second.wait_for("ACTIVE · synced")
    second.press("F3")
    second.wait_for("Drafts")
    second.press("a")
    second.press("s")
    second.wait_for("Will be scheduled")
    second.press("y")
    wait_until(
        lambda: any(
            entry["kind"] == "ScheduleDrafts"
            for journal in home.journals()
            for entry in journal["inFlight"]  # type: ignore[attr-defined]
        ),
        "the schedule to be journalled",
    )
    pid = int(second.tmux("list-panes", "-t", second.session, "-F", "#{pane_pid}").strip())
    os.kill(pid, signal.SIGKILL)
    wait_until(lambda: not home.running("run2"), "the killed run to end")
    assert any(journal["inFlight"] for journal in home.journals()), "the entry outlives it"

    # The next start, at full speed again, reads the plan and says how it stands.
    home.configure()
    third = home.run()
    shown = third.wait_for("The last session was closed while scheduling")
    assert "are scheduled" in shown or "is scheduled" in shown
    wait_until(
        lambda: all(not journal["inFlight"] for journal in home.journals()),
        "the journal to be cleared once reported",
    )
    third.press("C-q")

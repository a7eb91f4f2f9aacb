"""A real terminal: a draft scheduled a few seconds ahead goes out, and the Posts section shows
it publishing, then published, with a quiet toast.

The sandbox runs on the real clock here, so it schedules drafts seconds from now
(``[sandbox] schedule_lead_seconds``) rather than on their day; ``ctrl+r`` asks for the
syncs a user would, and the test polls the screen against a deadline, as
``test_tmux_smoke.py`` does.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_tmux_smoke import DEADLINE_SECONDS, Terminal, running_planner

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

LEAD_SECONDS = 10
"""How far ahead the sandbox schedules drafts: time to open the Posts section first."""
SYNC_EVERY = 1.0
"""Seconds between the test's ctrl+r presses while it waits for the post to move on."""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    """The planner over a fresh sandbox that generates in a second and schedules drafts
    ``LEAD_SECONDS`` from now."""
    config = tmp_path / "config.toml"
    config.write_text(
        "[ui]\ntimezone = 'UTC'\n\n"
        f"[sandbox]\ndata_file = {str(tmp_path / 'sandbox.sqlite3')!r}\n"
        f"generation_seconds = 1.0\nschedule_lead_seconds = {LEAD_SECONDS}\n",
        encoding="utf-8",
    )
    with running_planner(tmp_path, config) as started:
        yield started


def sync_until(term: Terminal, text: str) -> str:
    """Press ctrl+r every :data:`SYNC_EVERY` seconds until ``text`` shows, or fail."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    shown = ""
    while time.monotonic() < deadline:
        term.press("C-r")
        next_sync = time.monotonic() + SYNC_EVERY
        while time.monotonic() < next_sync:
            shown = term.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen showed:\n{shown}")


def test_a_scheduled_draft_goes_out_and_the_posts_section_shows_it(
    terminal: tuple[Terminal, Path],
) -> None:
    term, exit_file = terminal
    term.wait_for("This site has no marketing plan yet")
    term.press("Enter")  # Generate now
    term.wait_for("ACTIVE · synced")

    term.press("F3")
    term.wait_for("drafts shown")
    term.press("c")  # connected channels only: the first draft can be scheduled
    term.wait_for("Connected only on")
    term.press("s")
    term.press("y")
    term.wait_for("Scheduled (1)")
    term.press("Escape")

    term.press("F8")
    term.wait_for("Published · 3")  # the three imported from the networks
    sync_until(term, "Processing · 1")
    sync_until(term, "Published · 4")
    term.wait_for("went out.")  # the quiet toast, with the same snapshot

    term.press("C-q")
    term.tmux("wait-for", "app-done", timeout=DEADLINE_SECONDS)
    assert exit_file.read_text(encoding="utf-8").strip() == "0"

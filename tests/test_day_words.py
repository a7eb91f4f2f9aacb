"""One way of writing a day everywhere: "Mon 7 Dec", "Monday 7 December" (issue 18)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from tui_planner.day_words import day_text

PACKAGE = Path(__file__).resolve().parent.parent / "tui_planner"


def test_a_day_is_written_without_a_leading_zero_short_or_long() -> None:
    day = date(2026, 12, 7)
    assert day_text(day) == "Mon 7 Dec"
    assert day_text(day, long=True) == "Monday 7 December"
    assert day_text(day, year=True) == "Mon 7 Dec 2026"
    assert day_text(datetime(2026, 12, 17, 9, tzinfo=UTC), long=True, year=True) == (
        "Thursday 17 December 2026"
    )


def test_no_screen_writes_a_day_its_own_way() -> None:
    """Day names and months beside a zero-padded day ("%d %b", "%A %d") come from
    :func:`day_text` instead; the sandbox and the exports write machine formats."""
    own_way = re.compile(r"%[aA] ?%d|%d %[bB]")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "sandbox" not in path.parts and "export" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if own_way.search(line)
    ]
    assert offenders == []

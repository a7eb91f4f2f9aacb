"""Snapshots of activity detail: fixed clock (Mon 23 Nov 2026 09:00 UTC), sandbox seed 7."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tui_planner.ui.harness import generate_plan, settle

SnapCompare = Callable[..., bool]


async def open_tuesdays_activity(pilot: Pilot[None]) -> None:
    """Generate the plan, select Tue 24 Nov (one activity) and open it."""
    await generate_plan(pilot)
    await pilot.press("right", "enter")
    await settle(pilot)


async def open_editor(pilot: Pilot[None]) -> None:
    """Open the activity, then its in-place editor with a date outside the plan."""
    await open_tuesdays_activity(pilot)
    await pilot.press("e")
    await pilot.press("ctrl+a")
    app: Any = pilot.app
    app.screen.query_one("#edit-date").value = "2027-02-01"
    await pilot.press("ctrl+s")
    await settle(pilot)


def test_activity_detail_at_120x40(snap_compare: SnapCompare, make_app: Any) -> None:
    """Title, "◆ Social · Tuesday 24 November 2026, 09:30", the description, then seven
    posts grouped by channel (Facebook, Instagram, LinkedIn connected in green; the rest
    "not connected"), each "○ Draft" with its caption cut to fit; two stories below, their
    heading hinting "S regenerate · X clear drafts"; the key bar still ends with Delete and
    Help."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_tuesdays_activity)


def test_activity_detail_at_80x24(snap_compare: SnapCompare, make_app: Any) -> None:
    """The same activity on a small terminal: the account column shrinks to "● on" (green)
    and "○ off" so the captions keep about 40 cells; channel and status stay readable; the
    key bar lists the action keys that fit, Delete included."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_tuesdays_activity)


def test_activity_editor_rejects_a_date_after_the_plan(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """The in-place editor (framed) with title, description and date fields; under the date
    the red sentence "The plan ends on Thu 31 Dec 2026; pick that day or earlier."."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_editor)

"""Pictures of the drafts screen over the fixed plan (120x40, 2026-11-23 09:00 UTC)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import fixed_app

SnapCompare = Callable[..., bool]


def test_drafts_with_a_selection(snap_compare: SnapCompare) -> None:
    """Seven drafts grouped under "Tue 24 Nov · Black Friday early access" and "Thu 3 Dec ·
    Holiday gift guide" (day and title only on each group's first row); Instagram,
    Facebook and Pinterest ticked with a green ✔, the cursor on Pinterest; Pinterest and
    TikTok "○ not connected" in yellow, the rest "● connected" in green; the filter line
    "Channel All · Connected only off · Dates Whole plan · 7 drafts shown"; the header
    says "Drafts · 3 selected"; the footer lists the selection and filter keys."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f3")
        await pilot.press("space", "shift+down", "down", "down", "space")
        await pilot.pause()

    assert snap_compare(fixed_app(), terminal_size=SIZE, run_before=run_before)


def test_schedule_confirmation_lists_what_stays_a_draft_and_why(
    snap_compare: SnapCompare,
) -> None:
    """After `a` then `s`: the dialog "Schedule 4 of 7 drafts?" lists four posts that will
    be scheduled (green ✔) and three that will stay drafts (yellow ○) with "channel not
    connected" or "X takes no posts after 31 Jul 2026", then Cancel and a focused
    "Schedule 4 drafts" button."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f3", "a", "s")
        await pilot.pause()

    assert snap_compare(fixed_app(), terminal_size=SIZE, run_before=run_before)


def test_schedule_confirmation_without_premium(snap_compare: SnapCompare) -> None:
    """Without the premium feature: "Scheduling is not available on this site", a red-edged
    paragraph saying the schedule-posts premium feature is missing, every chosen draft under
    "Will stay a draft" with its reason, and only a Close button."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f3", "space", "down", "down", "down", "space", "s")
        await pilot.pause()

    assert snap_compare(fixed_app(premium=False), terminal_size=SIZE, run_before=run_before)

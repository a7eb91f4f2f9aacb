"""Snapshots of activity detail: fixed clock (Mon 23 Nov 2026 09:00 UTC), sandbox seed 7."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.harness import advance_until, generate_plan, on_clock, settle
from tui_planner.api.models import PlanStatus
from tui_planner.sync.commands import GeneratePlan

SnapCompare = Callable[..., bool]


async def open_tuesdays_activity(pilot: Pilot[None]) -> None:
    """Generate the plan, select Tue 24 Nov (one activity) and open it."""
    await generate_plan(pilot)
    await pilot.press("right", "enter")
    await settle(pilot)


async def open_editor(pilot: Pilot[None]) -> None:
    """Open the activity, then its edit form with a date outside the plan."""
    await open_tuesdays_activity(pilot)
    await pilot.press("e")
    await pilot.pause()
    app: Any = pilot.app
    app.screen.query_one("#activity-date").value = "2027-02-01"
    await pilot.press("ctrl+s")
    await settle(pilot)


async def save_slowly(pilot: Pilot[None]) -> None:
    """With a 3 s server: open Tuesday's activity, retitle it and press ctrl+s."""
    app: Any = pilot.app
    await advance_until(pilot, lambda: app.state.loaded, what="the first load")
    await on_clock(pilot, app.execute(GeneratePlan()))
    await advance_until(
        pilot,
        lambda: app.state.plan_status == PlanStatus.ACTIVE and not app.state.pending,
        what="an ACTIVE plan",
    )
    await pilot.press("right", "enter")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#activity-title").value = "Tuesday, retitled"
    await pilot.press("ctrl+s")
    await pilot.pause()


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


def test_activity_edit_form_rejects_a_date_after_the_plan(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """The "Edit activity" form over the detail screen, filled in with the activity's title
    and description (no type choice); under the date the red sentence "The plan ends on Thu
    31 Dec 2026; pick that day or earlier."; buttons Cancel and Save."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_editor)


def test_activity_edit_form_while_the_server_has_the_save(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """The same form while a slow server has the save: the title reads "Tuesday, retitled",
    every field and button is dimmed (read-only), the save button reads "Saving…" and the
    status bar says "saving: Update the activity"."""
    app = make_app(latency_ms=3000)
    assert snap_compare(app, terminal_size=(120, 40), run_before=save_slowly)

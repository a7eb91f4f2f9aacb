"""Snapshots of the calendar: fixed clock (Mon 23 Nov 2026 09:00 UTC), sandbox seed 7."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.harness import generate_plan, settle

SnapCompare = Callable[..., bool]


def after_plan(*keys: str) -> Callable[[Pilot[None]], Any]:
    """A ``run_before`` that generates the plan, then presses ``keys``."""

    async def run(pilot: Pilot[None]) -> None:
        await generate_plan(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


def test_calendar_month_with_busy_day_selected_at_120x40(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """December 2026, Monday first; Thu 3 Dec selected (blue) with two activities listed in
    the agenda on the right; today (23 Nov) is outside the month; Sat 5 and Sat 19 carry the
    event star; day cells show type icons, cut titles and draft counts; legend on top."""
    assert snap_compare(
        make_app(),
        terminal_size=(120, 40),
        run_before=after_plan("down", "right", "right", "right"),
    )


def test_calendar_month_at_80x24(snap_compare: SnapCompare, make_app: Any) -> None:
    """November 2026 on a small terminal: today (Mon 23) highlighted and selected, grid rows
    one title tall, the agenda below the grid says nothing is planned today; no legend."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after_plan())


def test_calendar_week_list_at_120x40(snap_compare: SnapCompare, make_app: Any) -> None:
    """The week of Mon 30 Nov as a list: day headings (the selected day marked ▸), each
    activity indented under its day's name, its time and every post's channel and status
    glyph indented under its title, stories read "IG story" and "FB story"; "nothing
    planned" indented under an empty day; the 5 Dec event; the legend ends "[ ] week"."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=after_plan("down", "v"))


def test_calendar_week_list_at_80x24(snap_compare: SnapCompare, make_app: Any) -> None:
    """The same week list on a small terminal, scrolled to the top, indented the same way;
    a post line wider than the list ends in "…" on its own line rather than wrapping; the
    key bar offers "v Month view", the way back."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after_plan("down", "v"))

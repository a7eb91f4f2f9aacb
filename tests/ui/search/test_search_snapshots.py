"""Snapshots of the search screen: fixed clock (Mon 23 Nov 2026 09:00 UTC), sandbox seed 7."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.harness import generate_plan, settle

SnapCompare = Callable[..., bool]


async def search_for_kiln(pilot: Pilot[None]) -> None:
    await generate_plan(pilot)
    await pilot.press("slash", *"kiln")
    await settle(pilot)


def test_search_results_grouped_with_the_match_highlighted(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """The search box (a fixed-height box over the calendar) with "kiln" typed: an
    "Activities" group (the glaze-kiln mornings, each with its day before its title) and a
    "Posts" group (channel · day · activity title, then the caption line around the match),
    "kiln" bold and underlined in the accent colour wherever it matched; the first activity
    highlighted;
    the hint line "enter opens · ↑↓ choose · tab moves into the list · esc closes"."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=search_for_kiln)


def test_search_results_at_80x24_keep_each_day_whole(
    snap_compare: SnapCompare, make_app: Any
) -> None:
    """The same search at 80x24: every result's day ("Thu 26 Nov") stands whole before its
    title, and a title too long for the box ends in "…" at the right (it read "Sun 27 D…"
    when the day came last)."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=search_for_kiln)

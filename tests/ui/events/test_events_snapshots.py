"""Snapshots of the events screen: fixed clock (Mon 23 Nov 2026 09:00 UTC), sandbox seed 7."""

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


def test_events_list_at_120x40(snap_compare: SnapCompare, make_app: Any) -> None:
    """ "2 events in Mon 23 Nov 2026 to Thu 31 Dec 2026" and what events are for; a table with
    the one-time Asheville makers market (Sat 5 Dec, Once) and the yearly anniversary
    (Next Sat 19 Dec 2026, ↻ Yearly), both marked ⊠ Connected; footer: New, with Edit and
    Delete dimmed (the selected event comes from a connected calendar)."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=after_plan("f4"))


def test_events_list_at_80x24(snap_compare: SnapCompare, make_app: Any) -> None:
    """The same list on a small terminal; the intro wraps and all four columns fit."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=after_plan("f4"))


def test_event_form_with_inline_errors(snap_compare: SnapCompare, make_app: Any) -> None:
    """The new-event form after saving it empty: "A name is required." in red under Name and
    "Enter a date." under the date; "Once" is chosen."""
    assert snap_compare(
        make_app(), terminal_size=(120, 40), run_before=after_plan("f4", "n", "ctrl+s")
    )

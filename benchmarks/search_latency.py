"""Search latency: from a keystroke in the search box to the results on screen, on the big plan.

Measured as the key latency benchmark measures a key (:mod:`benchmarks.key_latency`: the
key event posted as the terminal driver posts it, pending messages processed and the screen
update run at once, the time running to the last screen update written), headless at
120x40 with the big plan loaded (1,000 activities, 7,000 posts).

The search box is opened first (``/``), which builds the index for the snapshot; then each
round types "coffee" and deletes it again, twelve keystrokes that each change the results:
the first letter matches thousands of captions (twenty of each kind are listed), the last
few match none. The floor is the 42-cell grid's month change, where every cell gets new
text: the search replaces its whole results list on a keystroke, so that is the like-for-like
redraw. Five rounds per app, alternating with the floor, each a fresh app; the figure is
the median of 60 keystrokes over the floor's median of 50 month changes. Opening the search
(the index build) is reported for information.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from textual.pilot import Pilot

from tests.harness import settle
from tui_planner.ui.screens.search import SearchScreen

from .figure import Figure
from .grid_floor import GridFloorApp
from .key_latency import LIMIT, MONTH_KEYS, PaintProbe, presses
from .plans import SIZE, big_plan_file, fresh_copy, manual_clock, planner_app, sandbox_backend

__all__ = ["run"]

TYPING_KEYS = (*"coffee", *("backspace",) * 6)
"""One round of keystrokes: a word typed, then deleted."""
ROUNDS = 5


async def _open_search(pilot: Pilot[Any], probe: PaintProbe) -> float:
    """Open the search box over the loaded big plan; the seconds it took (index included)."""
    await settle(pilot, what="the big plan loaded")
    app: Any = pilot.app
    if len(app.state.activities) != big_plan_file().activities:
        raise RuntimeError("the planner did not load the big plan")
    started = time.perf_counter()
    await presses(pilot, probe, ("slash",))
    if not isinstance(app.screen, SearchScreen):
        raise RuntimeError(f"/ opened {type(app.screen).__name__}, not the search")
    return time.perf_counter() - started


async def _planner_round(n: int) -> tuple[list[float], float]:
    clock = manual_clock()
    backend = sandbox_backend(fresh_copy(big_plan_file(), f"search-{n}.sqlite3"), clock)
    app = planner_app(backend, clock)
    async with app.run_test(size=SIZE) as pilot:
        probe = PaintProbe(app)
        opening = await _open_search(pilot, probe)
        await presses(pilot, probe, ("t", "backspace"))  # warm-up
        samples = await presses(pilot, probe, TYPING_KEYS)
        screen = app.screen
        if not isinstance(screen, SearchScreen) or screen.results.query:
            raise RuntimeError("the keystrokes did not end with an empty query")
        return samples, opening


async def _floor_round() -> list[float]:
    app = GridFloorApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = PaintProbe(app)
        await presses(pilot, probe, MONTH_KEYS[:4])  # warm-up
        return await presses(pilot, probe, MONTH_KEYS)


async def run() -> list[Figure]:
    """Keystroke-to-results on the big plan against the grid floor's month change."""
    planner: list[float] = []
    floor: list[float] = []
    openings: list[float] = []
    for n in range(ROUNDS):
        floor += await _floor_round()
        samples, opening = await _planner_round(n)
        planner += samples
        openings.append(opening)
    mine = statistics.median(planner)
    base = statistics.median(floor)
    return [
        Figure(
            "search: keystroke to results (1,000 activities, 7,000 posts)",
            mine / base,
            "x",
            LIMIT,
            detail={
                "planner_median_ms": mine * 1000,
                "grid_floor_median_ms": base * 1000,
                "keystrokes": len(planner),
                "planner_ms": [s * 1000 for s in planner],
                "grid_floor_ms": [s * 1000 for s in floor],
            },
        ),
        Figure(
            "search: opening the search box (index built; for information)",
            statistics.median(openings) * 1000,
            "ms",
            None,
            detail={"opening_ms": [s * 1000 for s in openings]},
        ),
    ]

"""Fault soak: many seeds of the sync engine under injected faults (``tests/soak/``).

``python -m benchmarks soak --seeds 200`` runs seeds 1 to 200, each for ``--hours`` of
simulated time, on every core, and reports the commands issued, the faults injected and the
invariant violations, which must be 0. Every violation is printed with its seed, so
``soak(seed)`` in ``tests/soak/soak.py`` replays it exactly. The soak is not part of the
default run: it checks correctness, not speed, and takes minutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from tests.soak.soak import SoakReport, soak

from .figure import Figure

__all__ = ["DEFAULT_HOURS", "DEFAULT_SEEDS", "MAX_HOURS", "run"]

DEFAULT_SEEDS = 20
DEFAULT_HOURS = 2.0
MAX_HOURS = 12.0
"""A run starts at 09:00 and must end before midnight moves the plan period."""
SHOWN_VIOLATIONS = 40


def _one(seed: int, hours: float) -> SoakReport:
    return asyncio.run(soak(seed, hours=hours))


def run(seeds: int = DEFAULT_SEEDS, hours: float = DEFAULT_HOURS) -> list[Figure]:
    """Soak seeds 1 to ``seeds`` in parallel; the totals as figures."""
    reports: list[SoakReport] = []
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for report in pool.map(_one, range(1, seeds + 1), [hours] * seeds):
            reports.append(report)
            print(
                f"  seed {report.seed}: {report.commands} commands, {report.injected} faults, "
                f"{len(report.violations)} violations",
                file=sys.stderr,
                flush=True,
            )
    faults: Counter[str] = Counter()
    for report in reports:
        faults.update(report.faults)
    violations = [(r.seed, text) for r in reports for text in r.violations]
    for seed, text in violations[:SHOWN_VIOLATIONS]:
        print(f"VIOLATION seed {seed} {text}")
    if len(violations) > SHOWN_VIOLATIONS:
        print(f"... and {len(violations) - SHOWN_VIOLATIONS} more")
    commands = sum(r.commands for r in reports)
    detail = {"seeds": seeds, "hours": hours}
    return [
        Figure(f"soak: seeds x {hours:g} h simulated", seeds, "seeds", None, detail=detail),
        Figure(
            "soak: commands issued",
            commands,
            "commands",
            None,
            detail={"succeeded": sum(r.succeeded for r in reports)},
        ),
        Figure("soak: requests sent", sum(r.requests for r in reports), "requests", None),
        Figure("soak: faults injected", sum(faults.values()), "faults", None, detail=dict(faults)),
        Figure(
            "soak: invariant violations",
            len(violations),
            "violations",
            0,
            detail={"by_seed": dict(Counter(seed for seed, _ in violations))},
        ),
    ]

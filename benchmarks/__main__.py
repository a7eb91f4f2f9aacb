"""``python -m benchmarks``: run every benchmark, print the table, write the JSON.

``python -m benchmarks startup memory`` runs only those. ``python -m benchmarks soak --seeds
200`` runs the fault soak, which is not part of the default run. The exit code is 0 when every
figure met its target, 1 otherwise (a benchmark that could not run counts as missed).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import platform
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from . import idle_cost, key_latency, memory, posts, search_latency, soak, startup, sync_apply
from .figure import Figure

Runner = Callable[[], list[Figure] | Awaitable[list[Figure]]]

BENCHMARKS: dict[str, Runner] = {
    "startup": startup.run,
    "keys": key_latency.run,
    "search": search_latency.run,
    "sync": sync_apply.run,
    "posts": posts.run,
    "idle": idle_cost.run,
    "memory": memory.run,
}
"""Every benchmark by the name the command line uses, in the order they run."""

ON_REQUEST = ("soak",)
"""Runs only when named: checks, not timings, that take minutes."""

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def _run_one(name: str, runner: Runner) -> tuple[list[Figure], str | None]:
    """A benchmark's figures, or the sentence saying why it could not run."""
    try:
        result = runner()
        if inspect.isawaitable(result):
            result = asyncio.run(_awaited(result))
        return list(result), None
    except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the rest.
        return [], f"{name} could not run: {type(error).__name__}: {error}"


async def _awaited(result: Awaitable[list[Figure]]) -> list[Figure]:
    return await result


def _table(figures: list[Figure], errors: list[str]) -> str:
    rows = [("figure", "value", "target", "result")]
    rows += [(f.name, f.shown, f.target, f.verdict) for f in figures]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines += [f"ERROR  {error}" for error in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default); return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    names = [*BENCHMARKS, *ON_REQUEST]
    parser.add_argument(
        "only", nargs="*", metavar="NAME", help=f"benchmarks to run: {', '.join(names)}"
    )
    parser.add_argument(
        "--seeds",
        type=int,
        default=soak.DEFAULT_SEEDS,
        help=f"soak: run seeds 1 to SEEDS (default {soak.DEFAULT_SEEDS})",
    )
    parser.add_argument(
        "--hours",
        type=float,
        default=soak.DEFAULT_HOURS,
        help=f"soak: simulated hours per seed (default {soak.DEFAULT_HOURS:g})",
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.only if name not in names]
    if unknown:
        parser.error(f"there is no benchmark called {', '.join(unknown)}")
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    if not 0 < args.hours <= soak.MAX_HOURS:
        # The soak starts at 09:00 and its plan period moves at midnight.
        parser.error(f"--hours must be more than 0 and at most {soak.MAX_HOURS:g}")
    runners: dict[str, Runner] = {
        **BENCHMARKS,
        "soak": partial(soak.run, seeds=args.seeds, hours=args.hours),
    }
    chosen = args.only or list(BENCHMARKS)
    figures: list[Figure] = []
    errors: list[str] = []
    started = time.perf_counter()
    for name in chosen:
        print(f"running {name}...", file=sys.stderr, flush=True)
        found, error = _run_one(name, runners[name])
        figures += found
        if error is not None:
            errors.append(error)
    seconds = time.perf_counter() - started
    print(_table(figures, errors))
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "seconds": round(seconds, 1),
        "figures": [figure.to_json() for figure in figures],
        "errors": errors,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nResults written to {RESULTS} ({seconds:.0f} s).")
    return 0 if not errors and all(figure.passed for figure in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())

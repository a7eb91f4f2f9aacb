"""How often Python's cycle collector walks the whole heap while the app runs.

A 1,000-activity plan is about 120,000 objects the collector tracks. A full collection
walks all of them with the GIL held, 150 ms on a 2-core machine, and with CPython 3.11's
default thresholds one starts soon after every big plan is read, stopping the UI.
:func:`collect_rarely` raises only the oldest generation's threshold, so young collections
(cheap: they walk recent objects) go on as usual and cycles are still reclaimed, while full
collections become about a hundred times rarer. Nothing is exempt from collection, unlike
``gc.freeze()``, which would keep every cycle alive at the time for good (removed widgets
among them).

Start-up is the other case: importing Textual and the app builds tens of thousands of
long-lived objects (modules, classes, stylesheets), and the young collections they trigger
walk them again and again, about 50 ms before the first frame on a 2-core machine. So
``planner-tui`` calls :func:`pause_collection` before it imports the app, and the app calls
:func:`collect_rarely` once its first frame is out, which turns collection back on.
"""

from __future__ import annotations

import gc

__all__ = [
    "FULL_COLLECTION_EVERY",
    "collect_rarely",
    "pause_collection",
    "restore_collection",
    "resume_collection",
]

FULL_COLLECTION_EVERY = 1000
"""Collections of the middle generation between two full collections (CPython's default:
10). Measured with ``python -m benchmarks sync``: 10 gives 120-160 ms blocks, 1000 gives
about 40 ms."""


def pause_collection() -> None:
    """Collect no cycles until :func:`collect_rarely` (for start-up: nothing is freed early
    there, everything built is kept)."""
    gc.disable()


def resume_collection() -> None:
    """Collect cycles again, whatever the thresholds (after a start that ended early)."""
    gc.enable()


def collect_rarely() -> tuple[int, int, int]:
    """Collect again, with full collections made rare; returns the thresholds to give
    :func:`restore_collection`."""
    previous = gc.get_threshold()
    young, middle, _oldest = previous
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    gc.enable()
    return previous


def restore_collection(thresholds: tuple[int, int, int]) -> None:
    """Put back the thresholds :func:`collect_rarely` replaced."""
    gc.set_threshold(*thresholds)

"""Counted nouns for sentences, the same in every layer: ``"1 draft"``, ``"1,400 posts"``.

Plain Python with no imports, so the store, the sync engine, the exports, the command line
and the screens all say a number of things the same way.
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``n`` of ``noun``: ``"1 draft"``, ``"3 drafts"``, ``"2 activities"`` (``many`` names
    the plural when adding an s will not do), thousands grouped (``"1,400 posts"``)."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {many or noun + 's'}"

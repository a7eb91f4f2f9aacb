"""The plan as a spreadsheet: one CSV row per post.

Columns: the activity, its date and time in the user's zone (``2026-11-25 10:00``), the
channel, the kind of post, its status, when it goes live (scheduled posts), the caption, the
image URL, and the post's and activity's ids for scripts. Activities without posts have no
rows.

Spreadsheet-safe: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would be read as a formula by Excel, LibreOffice or Google Sheets (CSV injection), so it
gets a leading apostrophe, which those programs show as plain text. Files are written as
UTF-8 with a byte-order mark (``utf-8-sig``) so Excel reads accents and emoji; the text this
module returns has none, for pipes.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from tui_planner.api.models import ItemStatus
from tui_planner.store.names import channel_label, status_word
from tui_planner.zone import to_local

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime, tzinfo

    from .selection import PlanExport

__all__ = ["CSV_ENCODING", "FORMULA_STARTS", "HEADER", "csv_rows", "safe_cell", "to_csv"]

HEADER = (
    "Activity",
    "Date",
    "Channel",
    "Kind",
    "Status",
    "Goes live",
    "Caption",
    "Image URL",
    "Post ID",
    "Activity ID",
)
"""The first row; the order of every row's cells."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""

CSV_ENCODING = "utf-8-sig"
"""How CSV files are written: UTF-8 with the byte-order mark Excel looks for."""

_WALL = "%Y-%m-%d %H:%M"


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run: formula starts get an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_rows(export: PlanExport) -> list[tuple[str, ...]]:
    """The header and one row per post, every cell already made safe."""
    rows: list[tuple[str, ...]] = [HEADER]
    tz = export.tz
    for activity in export.activities:
        for entry in activity.items:
            goes_live = entry.scheduled_date if entry.status != ItemStatus.DRAFT else None
            cells = (
                activity.title,
                _wall(activity.date, tz),
                channel_label(entry.channel.name),
                entry.type.value.lower(),
                status_word(entry.status),
                _wall(goes_live, tz),
                entry.text,
                entry.image or "",
                entry.id,
                activity.id,
            )
            rows.append(tuple(safe_cell(cell) for cell in cells))
    return rows


def to_csv(export: PlanExport) -> str:
    """``export`` as CSV text (RFC 4180: CRLF row ends, quotes where needed)."""
    return write_rows(csv_rows(export))


def write_rows(rows: Iterable[Sequence[str]]) -> str:
    """``rows`` as CSV text, as :func:`to_csv` writes them."""
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue()


def _wall(when: datetime | None, tz: tzinfo) -> str:
    return to_local(when, tz).strftime(_WALL) if when is not None else ""

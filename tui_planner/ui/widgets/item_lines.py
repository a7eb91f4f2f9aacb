"""``ItemLines``: posts listed one to a line in the scheduling dialogs, cut to the width.

"✔ Instagram · Thu 10 Dec · From the studio: sorting through…" with, after it, when the
post goes live or why it stays a draft. The activity title gives way first, so at 80
columns a line still fits on one row instead of wrapping mid-word ("the" / "te…").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from tui_planner.store.names import item_line

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from textual import events

    from tui_planner.store.state import PlannerState

__all__ = ["ItemLines", "ItemRow"]


class ItemRow(NamedTuple):
    """One post's line: its mark and the mark's style, the post, and what follows it."""

    mark: str
    mark_style: str
    item_id: str
    after: str = ""


class ItemLines(Static):
    """Posts one to a line, each activity title shortened to keep its line within the
    widget's width (a line wraps only when even a short title cannot fit)."""

    def __init__(
        self,
        rows: Sequence[ItemRow],
        state: PlannerState,
        tz: tzinfo,
        *,
        classes: str | None = None,
    ) -> None:
        self._rows = tuple(rows)
        self._state = state
        self._tz = tz
        super().__init__(self.lines(None), classes=classes)

    def lines(self, width: int | None) -> Content:
        """The rows for a widget ``width`` cells wide (``None``: titles cut only to their
        usual length)."""
        rendered = []
        for row in self._rows:
            room = None if width is None else width - cell_len(row.mark) - cell_len(row.after)
            line = item_line(self._state, row.item_id, self._tz, width=room)
            rendered.append(
                Content.assemble((row.mark, row.mark_style), line, (row.after, "$text-muted"))
            )
        return Content("\n").join(rendered)

    def on_resize(self, event: events.Resize) -> None:
        """Cut the titles again for the new width."""
        self.update(self.lines(event.size.width))

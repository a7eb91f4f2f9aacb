"""``DraftTable``: a long list of drafts (or activities) with a selection mark on each row.

A :class:`~textual.widgets.DataTable` underneath, so thousands of rows stay quick: it draws
only the visible lines. Rows are keyed by item (or activity) id, which is how the selection
and the cursor survive a rebuild after a sync. The table only draws; the screen owns the
rows, the filters and the selection.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from tui_planner.ui.widgets.list_keys import list_bindings

__all__ = ["DraftRow", "DraftTable"]

MARK_COLUMN = "mark"
COLUMN_KEYS = ("day", "group", "channel", "connection")
FIXED_WIDTHS = (1, 10, 28, 15, 15)
"""Widths of the mark, day, activity, channel and connection columns; the last column
(caption) takes what is left."""
MIN_DETAIL_WIDTH = 20
SELECTED_MARK = Text("✔", style="bold green")
UNSELECTED_MARK = Text("·", style="dim")


@dataclass(frozen=True, slots=True)
class DraftRow:
    """One line of the table. ``day`` and ``group`` are blank on rows that continue the
    group above, so the list reads as grouped by day and activity."""

    key: str
    day: str
    group: str
    channel: str
    connection: str
    connected: bool
    detail: str


class DraftTable(DataTable[Text]):
    """Drafts grouped by day and activity, one selection mark per row."""

    # G is the drafts screen's "generate posts", so the bottom is end alone here.
    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="cursor_down",
        up="cursor_up",
        top="scroll_top",
        bottom="scroll_bottom",
        bottom_keys="end",
    )

    DEFAULT_CSS = """
    DraftTable {
        height: 1fr;
        overflow-x: hidden;
    }
    """

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            name=name,
            id=id,
            classes=classes,
            cursor_type="row",
            zebra_stripes=False,
            cursor_foreground_priority="renderable",
        )
        self._rows: tuple[DraftRow, ...] = ()
        self._headers: tuple[str, ...] = ()
        self._index: dict[str, int] = {}
        self._built_width = 0
        self._selected_view: Collection[str] = frozenset()

    @property
    def keys(self) -> tuple[str, ...]:
        """The row keys in display order."""
        return tuple(row.key for row in self._rows)

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor, if there are rows."""
        if not self._rows:
            return None
        return self._rows[min(self.cursor_row, len(self._rows) - 1)].key

    def index_of(self, key: str) -> int | None:
        """The display position of the row ``key``."""
        return self._index.get(key)

    def show_rows(
        self,
        rows: Sequence[DraftRow],
        selected: Collection[str],
        headers: tuple[str, str, str, str, str],
    ) -> None:
        """Show ``rows``; the cursor stays on the same key when it is still listed.

        Nothing is rebuilt when the rows and headers are the ones already shown.
        """
        rows = tuple(rows)
        if rows == self._rows and headers == self._headers and self.columns:
            self.refresh_marks(selected)
            return
        self._selected_view = selected
        self._rebuild(rows, headers)

    def on_resize(self) -> None:
        """Give the last column whatever width the others leave."""
        if self.columns and self._detail_width() != self._built_width:
            self._rebuild(self._rows, self._headers)

    def _detail_width(self) -> int:
        fixed = sum(FIXED_WIDTHS) + 2 * self.cell_padding * (len(FIXED_WIDTHS) + 1)
        # The vertical scrollbar takes two cells when the list is longer than the screen.
        return max(MIN_DETAIL_WIDTH, self.size.width - fixed - 2)

    def _rebuild(self, rows: tuple[DraftRow, ...], headers: tuple[str, ...]) -> None:
        keep = self.cursor_key
        old_position = self.cursor_row
        self.clear(columns=True)
        self._built_width = self._detail_width()
        self.add_column(" ", width=FIXED_WIDTHS[0], key=MARK_COLUMN)
        for key, header, width in zip(COLUMN_KEYS, headers, FIXED_WIDTHS[1:], strict=False):
            self.add_column(header, width=width, key=key)
        self.add_column(headers[-1], width=self._built_width, key="detail")
        self._headers = headers
        self._rows = rows
        self._index = {row.key: position for position, row in enumerate(rows)}
        selected = self._selected_view
        for row in rows:
            self.add_row(*self._cells(row, row.key in selected), key=row.key)
        if rows:
            position = self._index.get(keep, old_position) if keep is not None else 0
            self.move_cursor(row=min(position, len(rows) - 1), animate=False)

    def refresh_marks(self, selected: Collection[str], keys: Iterable[str] | None = None) -> None:
        """Redraw the selection marks of ``keys`` (every row when not given)."""
        self._selected_view = selected
        for key in self.keys if keys is None else keys:
            try:
                self.update_cell(key, MARK_COLUMN, _mark(key in selected))
            except (CellDoesNotExist, RowDoesNotExist):
                continue

    def _cells(self, row: DraftRow, selected: bool) -> list[Text]:
        connection = Text(row.connection, style="green" if row.connected else "yellow")
        return [
            _mark(selected),
            Text(row.day, style="bold"),
            Text(row.group, overflow="ellipsis", no_wrap=True),
            Text(row.channel),
            connection,
            Text(row.detail, style="dim", overflow="ellipsis", no_wrap=True),
        ]


def _mark(selected: bool) -> Text:
    return SELECTED_MARK if selected else UNSELECTED_MARK

"""The floor for key latency: a bare 42-cell month grid in plain Textual.

Six rows of seven :class:`~textual.widgets.Static` cells in a ``Grid``. Arrow keys move a
highlighted cell (a CSS class on two cells changes); ``[`` and ``]`` turn the "month", which
rewrites every cell's text. It is what a straightforward Textual calendar costs with no data,
so the planner's month grid is judged against it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.widgets import Static

__all__ = ["CELLS", "GridFloorApp"]

CELLS = 42
_WEEK = 7


class GridFloorApp(App[None]):
    """42 static cells, one highlighted; keys move the highlight and turn the month."""

    CSS = """
    Grid { grid-size: 7 6; grid-gutter: 0 1; }
    Grid > Static { height: 1fr; background: $surface; }
    Grid > Static.-selected { background: $primary 45%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Day"),
        Binding("right", "move(1)", "Day"),
        Binding("up", "move(-7)", "Week"),
        Binding("down", "move(7)", "Week"),
        Binding("left_square_bracket", "month(-1)", "Prev month"),
        Binding("right_square_bracket", "month(1)", "Next month"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.selected = 0
        """The highlighted cell, 0 to 41."""
        self.month = 0
        """How many months the grid has been turned."""

    def compose(self) -> ComposeResult:
        with Grid():
            for n in range(CELLS):
                yield Static(self._label(n), classes="-selected" if n == 0 else "")

    def _label(self, n: int) -> str:
        return f"{(n + self.month * 3) % 31 + 1:>2}\nmonth {self.month}"

    def action_move(self, step: int) -> None:
        """Move the highlight by ``step`` cells, wrapping around."""
        cells = list(self.query(Static))
        cells[self.selected].remove_class("-selected")
        self.selected = (self.selected + step) % CELLS
        cells[self.selected].add_class("-selected")

    def action_month(self, step: int) -> None:
        """Turn the month: every cell gets new text."""
        self.month += step
        for n, cell in enumerate(self.query(Static)):
            cell.update(self._label(n))


if __name__ == "__main__":
    GridFloorApp().run()

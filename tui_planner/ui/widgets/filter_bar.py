"""``FilterBar``: one line saying which calendar filters are on and how to clear them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from tui_planner.ui.widgets.day_summary import CalendarFilter

__all__ = ["FilterBar"]


class FilterBar(Static):
    """Shows the active filters (highlighted, so a thinned-out calendar is never a mystery).

    With no filter on it shows a quiet hint naming the filter key.
    """

    DEFAULT_CSS = """
    FilterBar {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    FilterBar.-active {
        background: $warning 25%;
        color: $text;
        text-style: bold;
    }
    """

    def show(self, filter: CalendarFilter, filter_key: str, clear_key: str) -> None:
        """Describe ``filter``, naming the keys that change and clear it."""
        self.set_class(filter.active, "-active")
        if not filter.active:
            self.update(Text(f"{filter_key} filter"))
            return
        text = Text("Filtered: ")
        text.append(" · ".join(filter.describe()))
        text.append(f"   {clear_key} clears", style="not bold")
        self.update(text)

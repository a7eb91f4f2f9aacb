"""``FilterBar``: one line saying which filters are on and how to clear them (the
calendar's, the Posts section's)."""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.widgets import Static

__all__ = ["FilterBar", "ShownFilter"]


class ShownFilter(Protocol):
    """What the bar needs of a filter."""

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        ...

    def describe(self) -> tuple[str, ...]:
        """One phrase per filter that is set."""
        ...


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

    def show(self, filter: ShownFilter, filter_key: str, clear_key: str) -> None:
        """Describe ``filter``, naming the keys that change and clear it."""
        self.set_class(filter.active, "-active")
        if not filter.active:
            self.update(Text(f"{filter_key} filter"))
            return
        text = Text("Filtered: ")
        text.append(" · ".join(filter.describe()))
        text.append(f"   {clear_key} clears", style="not bold")
        self.update(text)

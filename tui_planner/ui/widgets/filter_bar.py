"""``FilterBar``: one line saying which filters are on and how to clear them (the
calendar's, the Posts section's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import RenderResult

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._clears = Text()

    def show(self, filter: ShownFilter, filter_key: str, clear_key: str) -> None:
        """Describe ``filter``, naming the keys that change and clear it."""
        self.set_class(filter.active, "-active")
        if not filter.active:
            self._clears = Text()
            self.update(Text(f"{filter_key} filter"))
            return
        text = Text("Filtered: ")
        text.append(" · ".join(filter.describe()))
        self._clears = Text(f"   {clear_key} clears", style="not bold")
        self.update(text + self._clears)

    def render(self) -> RenderResult:
        """The whole line when it fits; else the filters cut short with "…", so the key
        that clears them always shows."""
        shown = self.visual
        room = self.content_size.width
        if not isinstance(shown, Content) or not self._clears or cell_len(shown.plain) <= room:
            return shown
        keep = room - self._clears.cell_len - 1
        described = shown.plain[: len(shown.plain) - len(self._clears.plain)]
        if keep <= 0:
            return Content.from_rich_text(self._clears)
        cut = Text(set_cell_size(described, keep).rstrip(" ·") + "…")
        return Content.from_rich_text(cut + self._clears)

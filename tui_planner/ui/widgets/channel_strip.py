"""``ChannelStrip``: one chip per post of an activity (``1 Instagram``...), the one on show
highlighted, on one line at any width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tui_planner.ui.icons import channel_label, channel_short

if TYPE_CHECKING:
    from tui_planner.api.models import PostItem

__all__ = ["ChannelStrip"]


def _strip_cells(labels: list[str]) -> int:
    """Cells the strip takes with ``labels``: `` n label `` chips one space apart."""
    chips = [
        f" {number} {label} " if number <= 9 else f" {label} "
        for number, label in enumerate(labels, start=1)
    ]
    return sum(cell_len(chip) for chip in chips) + max(0, len(chips) - 1)


class ChannelStrip(Static):
    """The chips of ``posts``, the post ``current`` highlighted (both bound by the screen).

    When the full names do not fit, the other chips take their short names (``3 LI``) and
    the one on show keeps its full name; failing that, every chip is short.
    """

    posts: reactive[tuple[PostItem, ...]] = reactive(())
    current: reactive[str | None] = reactive(None)

    def watch_posts(self) -> None:
        self._draw()

    def watch_current(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        posts = self.posts
        if not posts:
            return
        room = self.content_size.width or self.app.size.width - 2
        full = [channel_label(entry.channel.name) for entry in posts]
        short = [channel_short(entry.channel.name) for entry in posts]
        current = [entry.id == self.current for entry in posts]
        mixed = [
            name if shown else brief
            for name, brief, shown in zip(full, short, current, strict=True)
        ]
        labels = next(
            (names for names in (full, mixed) if _strip_cells(names) <= room),
            short,
        )
        chips: list[Content] = []
        for number, (label, shown) in enumerate(zip(labels, current, strict=True), start=1):
            text = f" {number} {label} " if number <= 9 else f" {label} "
            style = "bold reverse $accent" if shown else "$text-muted"
            chips.append(Content.styled(text, style))
        self.update(Content(" ").join(chips))

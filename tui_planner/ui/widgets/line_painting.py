"""Painting a Line-API widget's rows: component styles resolved once, a Rich line as a strip.

The calendar's agenda and the Posts list draw their rows themselves (``render_line``), each
from a :class:`~rich.text.Text` over the row's background (the cursor's or the widget's own).
Both do it the same way, from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.strip import Strip

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text
    from textual.widget import Widget

__all__ = ["LineStyles", "paint_text"]


class LineStyles:
    """A widget's component styles by name (``"base"``: the widget's own), each resolved
    once per theme: call :meth:`clear` from the widget's ``notify_style_update``."""

    def __init__(self, widget: Widget) -> None:
        self._widget = widget
        self._resolved: dict[str, Style] = {}

    def __call__(self, name: str) -> Style:
        """The style of component ``name``, or the widget's own for ``"base"``."""
        style = self._resolved.get(name)
        if style is None:
            widget = self._widget
            style = widget.rich_style if name == "base" else widget.get_component_rich_style(name)
            self._resolved[name] = style
        return style

    def clear(self) -> None:
        """Forget every style (the theme or the widget's classes changed)."""
        self._resolved.clear()


def paint_text(text: Text, style: Style, width: int, console: Console) -> Strip:
    """``text`` as one row exactly ``width`` cells wide on ``style``: the text's own styles
    over it, cut with "…" when it is longer, padded when shorter."""
    segments = [
        Segment(segment.text, style + segment.style if segment.style else style)
        for segment in text.render(console, end="")
    ]
    strip = Strip(segments)
    if strip.cell_length > width:
        strip = Strip([*strip.crop(0, max(0, width - 1)), Segment("…", style)])
    return strip.adjust_cell_length(width, style)

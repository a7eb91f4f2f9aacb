"""``KeyBar``: the key hints along the bottom of every planner screen, as one widget.

It shows what Textual's ``Footer`` shows (each shown binding of the focused chain once per
action, disabled ones dimmed, the command palette key on the right) and a click on a hint
presses its key, but it paints one line instead of mounting a widget per key. A ``Footer``
with a screen's eight keys costs 40 ms of start-up (each key is styled, then restyled as
its ``compact`` class settles) and recomposes whenever the focus moves; this re-renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from tui_planner.ui.keymap import HELP

if TYPE_CHECKING:
    from textual import events
    from textual.binding import Binding
    from textual.screen import Screen

__all__ = ["KeyBar"]

_PALETTE_EDGE = "▏"
_ENABLED = Style()
_DISABLED = Style(dim=True)


@dataclass(frozen=True, slots=True)
class _Hint:
    """One key as shown: where it sits on the line, and what pressing it does."""

    start: int
    end: int
    key: str
    enabled: bool


class KeyBar(Widget):
    """One line of key hints for the screen's active bindings; click a hint to press it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--edge",
    }
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--edge { color: $foreground 20%; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hints: list[_Hint] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def _shown_bindings(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The bindings to show, one per action in order, and the command palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
        return shown, palette

    def _hint_texts(self, binding: Binding) -> tuple[str, str]:
        """The key and description cells of ``binding``'s hint."""
        key = f" {self.app.get_key_display(binding)} "
        description = f"{binding.description} " if binding.description else ""
        return key, description

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        edge_style = self.get_component_rich_style("key-bar--edge")
        shown, palette = self._shown_bindings()
        width = self.size.width
        right = Text()
        if palette is not None:
            binding, _enabled = palette
            right.append(_PALETTE_EDGE, edge_style)
            right.append(self.app.get_key_display(binding), key_style)
            right.append(f" {binding.description} ", text_style)
        room = max(0, width - right.cell_len)
        # Help is the way to every other key, so it keeps its place at the end of the line
        # and the screen's own hints share what is left.
        helps = [shown_binding for shown_binding in shown if shown_binding[0].id == HELP]
        shown = [shown_binding for shown_binding in shown if shown_binding[0].id != HELP]
        help_cells = sum(cell_len("".join(self._hint_texts(binding))) for binding, _ in helps)
        line = Text(no_wrap=True, overflow="crop", end="")
        hints: list[_Hint] = []
        for index, (binding, enabled) in enumerate([*shown, *helps]):
            key, description = self._hint_texts(binding)
            start = line.cell_len
            end = start + cell_len(key) + cell_len(description)
            reserved = help_cells if index < len(shown) else 0
            if end > room - reserved:
                # A hint that does not fit is left out; a shorter one after it may still fit.
                continue
            dim = _ENABLED if enabled else _DISABLED
            line.append(key, key_style + dim)
            line.append(description, text_style + dim)
            hints.append(_Hint(start, end, binding.key, enabled))
        if palette is not None:
            line.append(" " * (room - line.cell_len))
            start = line.cell_len
            line.append_text(right)
            hints.append(_Hint(start, line.cell_len, palette[0].key, palette[1]))
        self._hints = hints
        return line

    def on_click(self, event: events.Click) -> None:
        """Press the key of the hint under the pointer (a bell if it is disabled)."""
        for hint in self._hints:
            if hint.start <= event.x < hint.end:
                event.stop()
                if hint.enabled:
                    self.app.simulate_key(hint.key.split(",")[0].strip())
                else:
                    self.app.bell()
                return

"""The help screen: every key that works on the screen beneath it, read from the live bindings.

Because it reads ``active_bindings`` rather than a hand-written list, it always tells the
truth: a keymap override, a screen's own binding shadowing an app one, a disabled action.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from tui_planner.ui.widgets.list_keys import KeyedScroll

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.dom import DOMNode

__all__ = ["HelpEntry", "HelpScreen", "help_entries"]


@dataclass(frozen=True, slots=True)
class HelpEntry:
    """One action and the keys that run it."""

    group: str
    """Where the keys work: "Everywhere", the screen's name, or a widget's."""
    keys: tuple[str, ...]
    description: str
    binding_id: str | None
    enabled: bool


_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")


def _group_name(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        return str(node.title or type(node).__name__.removesuffix("Screen") or "This screen")
    # A widget's keys go under its name in words: DraftTable is "Draft table".
    words = _WORD.findall(type(node).__name__) or [type(node).__name__]
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def _rank(node: DOMNode) -> int:
    """The screen's own keys first, then the focused widget's, then those that work anywhere."""
    if isinstance(node, Screen):
        return 0
    if isinstance(node, App):
        return 2
    return 1


def help_entries(app: App[object], bindings: Iterable[ActiveBinding]) -> list[HelpEntry]:
    """Group the active bindings into one entry per action, keys merged, in binding order;
    the screen's group first, then the focused widget's, then "Everywhere"."""
    merged: dict[tuple[int, str, str], tuple[list[str], Binding, bool]] = {}
    for node, binding, enabled, _tooltip in bindings:
        if binding.system or not binding.description:
            continue
        key = (_rank(node), _group_name(node), binding.action)
        keys, first, was_enabled = merged.get(key, ([], binding, enabled))
        keys.append(app.get_key_display(binding))
        if first.id is None and binding.id is not None:
            first = binding  # a widget's own key (DataTable's down) has no id to show
        merged[key] = (keys, first, was_enabled or enabled)
    ordered = sorted(merged.items(), key=lambda item: item[0][0])  # stable: binding order stays
    return [
        HelpEntry(group, tuple(keys), binding.description, binding.id, enabled)
        for (_rank_, group, _action), (keys, binding, enabled) in ordered
    ]


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened over, grouped by where they work."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > KeyedScroll {
        width: 90;
        max-height: 90%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title {
        text-style: bold;
        margin: 1 0;
    }
    HelpScreen .help-group {
        height: auto;
        margin-bottom: 1;
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, screen: Screen[object] | None = None) -> None:
        super().__init__()
        self._described = screen
        self.entries: list[HelpEntry] = []
        """What the screen lists, in order (filled when it is composed)."""

    def compose(self) -> ComposeResult:
        described = self._described or self.app.screen
        entries = self.entries = help_entries(self.app, described.active_bindings.values())
        with KeyedScroll():
            yield Label(
                "Keys (rebind any of them by id in [ui.keymap])", id="help-title", markup=False
            )
            for group in dict.fromkeys(entry.group for entry in entries):
                yield Static(
                    _group_table(group, [e for e in entries if e.group == group]),
                    classes="help-group",
                )


def _group_table(group: str, entries: list[HelpEntry]) -> Table:
    table = Table(title=group, title_justify="left", expand=True, box=None, show_header=False)
    table.add_column("keys", style="bold", width=18, no_wrap=True)
    table.add_column("action", ratio=1)
    table.add_column("id", style="dim", width=26, no_wrap=True)
    for entry in entries:
        style = "" if entry.enabled else "dim"
        table.add_row(
            Text(" / ".join(entry.keys), style=style),
            Text(entry.description, style=style),
            Text(entry.binding_id or ""),
        )
    return table

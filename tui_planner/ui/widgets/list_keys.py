"""The keys every table and list answers to, as people who live in lazygit, k9s or vim expect:
``j``/``k`` down and up, ``home``/``g`` to the top, ``end``/``G`` to the bottom.

Each list class adds them with :func:`list_bindings`, naming its own actions; where a
screen already gives ``g`` or ``G`` a meaning (the calendar's go-to-date, the drafts
screen's generate-posts), that list leaves the letter out and keeps ``home``/``end``. The
binding ids are shared (``list.down`` ...), so one line of ``[ui.keymap]`` rebinds them in
every list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

__all__ = [
    "BOTTOM",
    "DOWN",
    "TOP",
    "UP",
    "KeyedScroll",
    "list_bindings",
    "scroll_bindings",
    "scroll_by_key",
]

DOWN = "list.down"
UP = "list.up"
TOP = "list.top"
BOTTOM = "list.bottom"


def list_bindings(
    *,
    down: str,
    up: str,
    top: str,
    bottom: str,
    top_keys: str = "home,g",
    bottom_keys: str = "end,G",
) -> list[BindingType]:
    """``j``/``k`` and top/bottom keys running a list's own actions (``cursor_down`` ...)."""
    return [
        Binding("j", down, "Down", show=False, id=DOWN),
        Binding("k", up, "Up", show=False, id=UP),
        Binding(top_keys, top, "Top", show=False, id=TOP),
        Binding(bottom_keys, bottom, "Bottom", show=False, id=BOTTOM),
    ]


def scroll_bindings(
    action: str, *, top_keys: str = "home,g", bottom_keys: str = "end,G"
) -> list[BindingType]:
    """The list keys for a screen whose focus is elsewhere (a dialog's buttons) while a
    list scrolls: each key runs ``action`` with "down", "up", "home" or "end" (see
    :func:`scroll_by_key`)."""
    return list_bindings(
        top_keys=top_keys,
        bottom_keys=bottom_keys,
        down=f"{action}('down')",
        up=f"{action}('up')",
        top=f"{action}('home')",
        bottom=f"{action}('end')",
    )


def scroll_by_key(scroll: VerticalScroll, how: str) -> None:
    """Scroll ``scroll`` one line down or up, or to its top or bottom (``how``)."""
    match how:
        case "down":
            scroll.scroll_down(animate=False)
        case "up":
            scroll.scroll_up(animate=False)
        case "home":
            scroll.scroll_home(animate=False)
        case _:
            scroll.scroll_end(animate=False)


class KeyedScroll(VerticalScroll):
    """A :class:`VerticalScroll` (a list of lines to read) that answers to the list keys."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="scroll_down", up="scroll_up", top="scroll_home", bottom="scroll_end"
    )

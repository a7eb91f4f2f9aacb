"""The lists of rows and choices that answer to the list keys (:mod:`.list_keys`).

Apart from :mod:`.list_keys` because :class:`DataTable` and :class:`SelectionList` are big
modules the calendar's first frame has no use for.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType
from textual.widgets import DataTable, SelectionList
from textual.widgets.selection_list import SelectionType

from tui_planner.ui.widgets.list_keys import list_bindings

__all__ = ["KeyedSelectionList", "RowTable"]


class RowTable(DataTable[Any]):
    """A :class:`DataTable` with a row cursor that answers to the list keys."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="cursor_down", up="cursor_up", top="scroll_top", bottom="scroll_bottom"
    )


class KeyedSelectionList(SelectionList[SelectionType]):
    """A :class:`SelectionList` (the settings' tools, channels and calendars) that answers
    to the list keys; ``space`` still toggles."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        down="cursor_down", up="cursor_up", top="first", bottom="last"
    )

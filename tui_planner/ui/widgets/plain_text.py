"""``PlainInput`` and ``PlainTextArea``: text fields that never take in a control character.

Every way text enters a field by hand (typing, pasting, a terminal that sends a paste as
keystrokes) goes through ``Input.replace`` or ``TextArea.replace``/``insert``; these
subclasses remove control characters there (:func:`without_control_characters`), so a
pasted BEL or SOH is never stored or sent. Neither limits the length: a paste too long for
its field stays whole, and the form's check says what the limit is, rather than a field
cutting it short in silence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input, TextArea

from tui_planner.api.text_rules import without_control_characters

if TYPE_CHECKING:
    from textual.document._document import EditResult, Location

__all__ = ["PlainInput", "PlainTextArea"]

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


class PlainInput(Input):
    """A one-line :class:`Input` that drops control characters (a tab becomes a space).

    A paste of several lines keeps them all, joined by spaces: ``Input`` alone keeps the
    first line and drops the rest without a word.
    """

    def _on_paste(self, event: events.Paste) -> None:
        # prevent_default: Textual would run Input's own handler after this one.
        event.prevent_default()
        event.stop()
        text = " ".join(part.strip() for part in _LINE_BREAKS.split(event.text) if part.strip())
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``start``..``end`` with ``text``, without its control characters."""
        super().replace(without_control_characters(text, multiline=False), start, end)


class PlainTextArea(TextArea):
    """A :class:`TextArea` that drops control characters; tabs and line breaks are text."""

    def insert(
        self,
        text: str,
        location: Location | None = None,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        """Insert ``text`` without its control characters."""
        return super().insert(
            without_control_characters(text, multiline=True),
            location,
            maintain_selection_offset=maintain_selection_offset,
        )

    def replace(
        self,
        insert: str,
        start: Location,
        end: Location,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        """Replace ``start``..``end`` with ``insert``, without its control characters."""
        return super().replace(
            without_control_characters(insert, multiline=True),
            start,
            end,
            maintain_selection_offset=maintain_selection_offset,
        )

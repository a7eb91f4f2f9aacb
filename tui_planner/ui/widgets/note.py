"""``Note``: a sentence shown only while there is one (what is being generated, why a list
is empty, why there is no post to show), bound to a screen's reactive."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

__all__ = ["Note"]


class Note(Static):
    """Shows ``text`` as it is (no markup); hidden while ``text`` is empty."""

    text: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def watch_text(self, text: str) -> None:
        self.update(text)
        self.display = bool(text)

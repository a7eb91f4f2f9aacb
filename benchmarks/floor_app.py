"""The floor for start-up figures: the smallest useful Textual app.

A header, a footer and one static text. ``python -m benchmarks.floor_app`` runs it; the
start-up benchmark waits for :data:`READY_TEXT` on screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

__all__ = ["READY_TEXT", "FloorApp"]

READY_TEXT = "planner-tui floor: ready"
"""What the floor shows once painted."""


class FloorApp(App[None]):
    """Header, footer and one static line."""

    TITLE = "floor"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    FloorApp().run()

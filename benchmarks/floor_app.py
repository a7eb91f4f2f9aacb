"""The floor for start-up figures: the smallest useful Textual app.

A header, a footer and one static text. ``python -m benchmarks.floor_app`` runs it; the
start-up benchmark waits for :data:`READY_TEXT` on screen.

``python -m benchmarks.floor_app --with-libraries`` imports first what any app must have
loaded before it can show a plan read through the in-process sandbox (pydantic's models,
httpx, Starlette, SQLite): the floor under the live plan's figure, reported for information.
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


LIBRARIES = ("pydantic.main", "httpx", "starlette.applications", "sqlite3")
"""What ``--with-libraries`` imports before the app starts."""


def _import_libraries() -> None:
    import importlib
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as planner-tui does
    for name in LIBRARIES:
        importlib.import_module(name)


if __name__ == "__main__":
    import sys

    if "--with-libraries" in sys.argv[1:]:
        _import_libraries()
    FloorApp().run()

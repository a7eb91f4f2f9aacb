"""The header of every screen: the app's name, the screen's title and which backend this is.

A rehearsal must never be mistaken for the real site, so the sandbox shows as a loud
``SANDBOX`` badge with its data file, and a Wix backend shows the site id. The API key is
never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Label

from tui_planner.config import display_path

if TYPE_CHECKING:
    from tui_planner.backend import BackendInfo

__all__ = ["BackendBadge", "PlannerHeader", "badge_text"]


def badge_text(backend: BackendInfo) -> str:
    """The badge text: ``"SANDBOX · /path/data.sqlite3"`` or the Wix backend's label."""
    if backend.is_sandbox:
        where = display_path(backend.data_file) if backend.data_file is not None else "in memory"
        return f"SANDBOX · {where}"
    return backend.label


class BackendBadge(Label):
    """A label naming the backend, in a warning colour for the sandbox."""

    DEFAULT_CSS = """
    BackendBadge {
        padding: 0 1;
        text-style: bold;
        background: $primary-muted;
        color: $text;
    }
    BackendBadge.-sandbox {
        background: $warning;
        color: auto 90%;
    }
    """

    def __init__(self, backend: BackendInfo, *, id: str | None = None) -> None:
        super().__init__(
            badge_text(backend),
            markup=False,
            id=id,
            classes="-sandbox" if backend.is_sandbox else "",
        )


class PlannerHeader(Widget):
    """One line across the top: ``planner-tui · <screen title>`` and the backend badge."""

    DEFAULT_CSS = """
    PlannerHeader {
        dock: top;
        height: 1;
        layout: horizontal;
        background: $panel;
    }
    PlannerHeader #header-title {
        width: 1fr;
        padding: 0 1;
        text-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        yield Label(self._title(), id="header-title", markup=False)
        app: Any = self.app
        backend: BackendInfo | None = getattr(app, "backend_info", None)
        if backend is not None:
            yield BackendBadge(backend, id="header-backend")

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.query_one("#header-title", Label).update(self._title())

    def _title(self) -> str:
        parts = [self.app.title, self.screen.title, self.screen.sub_title]
        return " · ".join(part for part in parts if part)

"""The header of every screen: the app's name, the screen's title and which backend this is.

A rehearsal must never be mistaken for the real site, so the sandbox shows as a loud
``SANDBOX`` badge with its data file, and a Wix backend shows the site id, always whole. The
API key is never shown. When the title and the badge do not both fit, the badge gives up
detail first (the data file's name without its folder, then just ``SANDBOX``; for Wix the
words ``Wix site``) so the title stays legible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from tui_planner.config import display_path

if TYPE_CHECKING:
    from tui_planner.backend import BackendInfo

__all__ = ["BackendBadge", "PlannerHeader", "badge_texts"]

_TITLE_ROOM = 40
"""Cells the header keeps for the title before the badge gives up detail."""


def badge_texts(backend: BackendInfo) -> tuple[str, ...]:
    """The badge's texts from the fullest (``"SANDBOX · ~/path/data.sqlite3"``, or the Wix
    site's label) to the shortest, for narrower and narrower headers. A Wix site's shortest
    is its whole id."""
    named = f"{backend.site_name} · " if backend.site_name else ""
    if not backend.is_sandbox:
        # The site id tells one site from another, so it is never cut; the title gives way.
        if not backend.site:
            return (backend.label,)
        return tuple(dict.fromkeys((backend.label, f"{named}{backend.site}", backend.site)))
    texts: tuple[str, ...]
    if backend.data_file is None:
        texts = (f"{named}SANDBOX · in memory", f"{named}SANDBOX", "SANDBOX")
    else:
        texts = (
            f"{named}SANDBOX · {display_path(backend.data_file)}",
            f"{named}SANDBOX · {backend.data_file.name}",
            f"{named}SANDBOX",
            "SANDBOX",
        )
    return tuple(dict.fromkeys(texts))


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
        self.texts = badge_texts(backend)
        """Fullest first; :meth:`fit` picks one."""
        super().__init__(
            self.texts[0],
            markup=False,
            id=id,
            classes="-sandbox" if backend.is_sandbox else "",
        )

    def fit(self, room: int) -> None:
        """Show the fullest text that fits in ``room`` cells (padding included)."""
        padding = 2
        text = next((t for t in self.texts if cell_len(t) + padding <= room), self.texts[-1])
        self.update(text)


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

    backend: reactive[BackendInfo | None] = reactive(None, recompose=True)
    """The backend the badge names (none: no badge)."""

    def __init__(self, backend: BackendInfo | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PlannerHeader.backend, backend)

    def compose(self) -> ComposeResult:
        yield Label(self._title(), id="header-title", markup=False)
        if self.backend is not None:
            yield BackendBadge(self.backend, id="header-backend")

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def on_resize(self) -> None:
        self._fit_badge()

    def watch_backend(self) -> None:
        self.call_after_refresh(self._fit_badge)  # the recomposed badge fits once laid out

    def _retitle(self) -> None:
        self.query_one("#header-title", Label).update(self._title())
        self._fit_badge()

    def _fit_badge(self) -> None:
        # The title keeps what it needs (up to _TITLE_ROOM cells); the badge gets the rest.
        width = self.size.width
        if not width:
            return
        for badge in self.query(BackendBadge):
            title = cell_len(self._title()) + 2
            badge.fit(width - min(title, _TITLE_ROOM + 2))

    def _title(self) -> str:
        parts = [self.app.title, self.screen.title, self.screen.sub_title]
        return " · ".join(part for part in parts if part)

"""The header: the screen's title and the backend badge, which gives up detail first."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

from tui_planner.backend import BackendInfo
from tui_planner.ui.widgets.backend_badge import BackendBadge, PlannerHeader

SANDBOX = BackendInfo(
    "SANDBOX", True, Path.home() / ".local/share/planner-tui/sandbox.sqlite3", "key"
)


class Titled(Screen[None]):
    TITLE = "Drafts"
    SUB_TITLE = "12 selected"

    def __init__(self, backend_info: BackendInfo) -> None:
        super().__init__()
        self.backend_info = backend_info

    def compose(self) -> ComposeResult:
        yield PlannerHeader(self.backend_info)


class HeaderApp(App[None]):
    TITLE = "planner-tui"

    def __init__(self, backend_info: BackendInfo) -> None:
        super().__init__()
        self.backend_info = backend_info

    def on_mount(self) -> None:
        self.push_screen(Titled(self.backend_info))


def texts(app: App[None]) -> tuple[str, str]:
    title = app.screen.query_one("#header-title", Label)
    badge = app.screen.query_one(BackendBadge)
    return str(title.render()), str(badge.render())


async def test_a_narrow_header_shortens_the_badge_before_the_title() -> None:
    app = HeaderApp(SANDBOX)
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        assert texts(app) == (
            "planner-tui · Drafts · 12 selected",
            "SANDBOX · ~/.local/share/planner-tui/sandbox.sqlite3",
        )

        await pilot.resize_terminal(80, 10)
        await pilot.pause()
        assert texts(app) == ("planner-tui · Drafts · 12 selected", "SANDBOX · sandbox.sqlite3")

        await pilot.resize_terminal(50, 10)
        await pilot.pause()
        assert texts(app)[1] == "SANDBOX"


async def test_a_longer_title_takes_room_from_the_badge_as_it_changes() -> None:
    app = HeaderApp(SANDBOX)
    async with app.run_test(size=(90, 10)) as pilot:
        await pilot.pause()
        assert texts(app)[1] == "SANDBOX · ~/.local/share/planner-tui/sandbox.sqlite3"

        app.screen.sub_title = "120 selected of 340 drafts"
        await pilot.pause()

        assert texts(app)[1] == "SANDBOX · sandbox.sqlite3"


async def test_wix_keeps_its_site_id_whole_at_every_width() -> None:
    site = "sandbox-site-5f3c2a1e-9b7d-4c8e-a6f0-123456789abc"
    wix = BackendInfo(f"Wix site {site}", False, None, "key", site=site)
    app = HeaderApp(wix)
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        assert texts(app)[1] == f"Wix site {site}"
        await pilot.resize_terminal(80, 10)
        await pilot.pause()
        assert texts(app)[1] == site, "the words go, the id stays whole"
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert texts(app)[1] == site

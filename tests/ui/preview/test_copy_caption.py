"""Copy caption: OSC 52 through the terminal, and the system clipboard tool when there is one
(a fake ``xclip`` on the PATH here), the notice saying which were used."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from tests.harness import SIZE, settle
from tests.ui.preview.fixed_plan import CAPTION_IG, fixed_app
from tui_planner import clipboard
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.post_preview import PostPreviewScreen

REAL_TOOLS = clipboard.CLIPBOARD_TOOLS
CAT = shutil.which("cat")
"""Found before a test narrows the PATH to its fakes."""


def fake_tool(directory: Path, name: str, body: str) -> Path:
    """A program called ``name`` in ``directory`` running the shell ``body``."""
    directory.mkdir(exist_ok=True)
    program = directory / name
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.fixture
def shim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory first on the PATH, an X11 display, no Wayland, the real tool list."""
    directory = tmp_path / "bin"
    directory.mkdir()
    monkeypatch.setenv("PATH", str(directory))  # only the fakes: no real tool is found
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(clipboard, "CLIPBOARD_TOOLS", REAL_TOOLS)
    return directory


def messages(app: PlannerApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def copy_first_caption(app: PlannerApp, pilot: object) -> None:
    await app.push_screen(PostPreviewScreen("act-launch", item_id="ig-launch"))
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("c")  # type: ignore[attr-defined]
    await settle(
        pilot,  # type: ignore[arg-type]
        lambda: any("caption" in message for message in messages(app)),
        what="the copy notice",
    )


async def test_copy_uses_osc_52_and_xclip_and_says_both(shim: Path, tmp_path: Path) -> None:
    pasted = tmp_path / "clipboard.txt"
    fake_tool(shim, "xclip", f'[ "$1 $2" = "-selection clipboard" ] && {CAT} > "{pasted}"')
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await copy_first_caption(app, pilot)

        assert app.clipboard == CAPTION_IG  # the OSC 52 copy
        assert pasted.read_text(encoding="utf-8") == CAPTION_IG
        assert "Copied the Instagram caption (terminal clipboard and xclip)." in messages(app)


async def test_without_a_tool_the_notice_says_only_the_terminal_got_it(shim: Path) -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await copy_first_caption(app, pilot)

        assert app.clipboard == CAPTION_IG
        [notice] = [message for message in messages(app) if "caption" in message]
        assert notice.startswith(
            "Copied the Instagram caption to the terminal's clipboard (OSC 52)."
        )
        assert "xclip" in notice  # what to install


async def test_a_failing_tool_is_not_claimed(shim: Path) -> None:
    fake_tool(shim, "xclip", "exit 1")
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await copy_first_caption(app, pilot)

        [notice] = [message for message in messages(app) if "caption" in message]
        assert "(OSC 52)" in notice
        assert "terminal clipboard and" not in notice


async def test_the_posts_section_copies_the_same_way_and_says_which(
    shim: Path, tmp_path: Path
) -> None:
    from tests.ui.posts.fixed_posts import posts_app
    from tui_planner.ui.screens.posts import PostsScreen

    pasted = tmp_path / "clipboard.txt"
    fake_tool(shim, "xclip", f'[ "$1 $2" = "-selection clipboard" ] && {CAT} > "{pasted}"')
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await settle(pilot, lambda: isinstance(app.screen, PostsScreen))
        screen = app.screen
        assert isinstance(screen, PostsScreen)
        post = screen.highlighted
        assert post is not None
        await pilot.press("c")
        await settle(
            pilot,
            lambda: any("caption" in message for message in messages(app)),
            what="the copy notice",
        )

        assert app.clipboard == post.entry.text
        assert pasted.read_text(encoding="utf-8") == post.entry.text
        assert any(message.endswith("(terminal clipboard and xclip).") for message in messages(app))

"""The post preview's channel strip stays on one line, however narrow the terminal."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.api.models import ChannelName
from tui_planner.ui.screens.post_preview import PostPreviewScreen


async def _strip(size: tuple[int, int], channel: ChannelName) -> tuple[str, int]:
    """The strip's text and height with act-launch's five posts open on ``channel``."""
    app = fixed_app()
    async with app.run_test(size=size) as pilot:
        await app.push_screen(PostPreviewScreen("act-launch", channel))
        await pilot.pause()
        await pilot.pause()
        strip = app.screen.query_one("#preview-channels", Static)
        return str(strip.visual), strip.region.height


async def test_the_full_names_show_when_they_fit() -> None:
    text, height = await _strip((120, 40), ChannelName.INSTAGRAM)

    assert text == " 1 Instagram   2 Facebook   3 LinkedIn   4 Pinterest   5 X "
    assert height == 1


async def test_a_narrow_strip_shortens_the_others_and_keeps_the_one_on_show_whole() -> None:
    text, height = await _strip((60, 24), ChannelName.LINKEDIN)

    assert text == " 1 IG   2 FB   3 LinkedIn   4 PI   5 X "
    assert height == 1, "one line, not wrapped onto a second"


async def test_a_strip_too_narrow_even_for_that_uses_short_names_only() -> None:
    text, height = await _strip((40, 24), ChannelName.PINTEREST)

    assert text == " 1 IG   2 FB   3 LI   4 PI   5 X "
    assert height == 1

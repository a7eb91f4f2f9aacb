"""The preview's image panel: a note that says why there is no picture reads whole."""

from __future__ import annotations

from textual.widgets import Static

from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.api.models import ChannelName
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.widgets.post_image import PostImage


async def test_a_long_reason_wraps_inside_the_narrow_image_panel() -> None:
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PostPreviewScreen("act-launch", ChannelName.INSTAGRAM))
        await pilot.pause()
        panel = app.screen.query_one(PostImage)
        panel.url = "https://media.example/missing.jpg"  # the media server answers 404
        note = panel.query_one("#image-note", Static)
        for _ in range(50):
            await pilot.pause()
            if "404" in str(note.visual):
                break
        lines = [strip.text.strip() for strip in note.render_lines(note.region.reset_offset)]

        assert " ".join(line for line in lines if line) == "Could not load the image (HTTP 404)."
        assert panel.content_region.contains_region(note.region), "inside the panel's border"
        assert note.region.height >= 2, "wrapped onto a second line, not cut"

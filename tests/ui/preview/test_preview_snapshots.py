"""Pictures of the post preview over the fixed plan (120x40, 2026-11-23 09:00 UTC)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import fixed_app
from tui_planner.api.models import ChannelName
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.widgets.post_image import PostImage

SnapCompare = Callable[..., bool]


def open_preview(activity_id: str, channel: ChannelName) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(PostPreviewScreen(activity_id, channel))
        for _ in range(50):
            await pilot.pause()
            pictures = pilot.app.screen.query(PostImage)
            if pictures and pictures.first().loaded:
                break
        await pilot.pause()

    return run_before


def test_preview_of_an_instagram_draft(snap_compare: SnapCompare) -> None:
    """The Black Friday activity on Instagram: the square image in half-blocks on the left;
    on the right status DRAFT, Instagram connected, the activity date, the line "Draft —
    press s to schedule it", and the caption with its link underlined and four hashtags in
    the accent colour over "244 / 2,200 characters · 4 / 30 hashtags · 1 link". The strip
    above reads 1 Instagram (highlighted) to 5 X; the footer offers Schedule, Edit caption
    and Delete, not Reschedule or Cancel."""
    app = fixed_app()
    assert snap_compare(
        app, terminal_size=SIZE, run_before=open_preview("act-launch", ChannelName.INSTAGRAM)
    )


def test_preview_of_an_x_draft_counts_the_x_way(snap_compare: SnapCompare) -> None:
    """The same activity on X: "5 X" highlighted, connected, the line saying scheduling
    would leave it a draft because X takes no posts after 31 Jul 2026, and the counter
    "98 / 280 characters (X-weighted) · 2 / 3 hashtags · 1 link" (the link counts 23 and
    the emoji 2)."""
    app = fixed_app()
    assert snap_compare(
        app, terminal_size=SIZE, run_before=open_preview("act-launch", ChannelName.TWITTER)
    )


def test_preview_of_a_published_post_says_nothing_can_change(snap_compare: SnapCompare) -> None:
    """The Cyber Monday Facebook post: status PUBLISHED in green, "Went live" two hours ago,
    and the warning-coloured line "Published — no further changes possible."; the footer
    offers no Schedule, Reschedule, Cancel, Edit caption or Delete."""
    app = fixed_app()
    assert snap_compare(
        app, terminal_size=SIZE, run_before=open_preview("act-countdown", ChannelName.FACEBOOK)
    )


def test_preview_at_80x24_narrows_the_picture_for_the_caption(snap_compare: SnapCompare) -> None:
    """The Instagram draft at 80x24: the picture is 30 cells wide (not 46), so the status,
    channel, date and caption on the right keep about 45 cells and wrap little. The channel
    strip stays on one line: "2 Instagram" highlighted in full, the others short ("1 FB",
    "3 LI" ... "5 GBP", "7 X"); the key bar still ends with "? Help"."""
    app = fixed_app()
    assert snap_compare(
        app,
        terminal_size=(80, 24),
        run_before=open_preview("act-launch", ChannelName.INSTAGRAM),
    )

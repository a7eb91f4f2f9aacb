"""Pictures of the Posts section and the caption editor over the fixed site (2026-11-23 09:00
UTC)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.harness import SIZE
from tests.ui.posts.fixed_posts import posts_app
from tui_planner.ui.screens.posts import PostsScreen

SnapCompare = Callable[..., bool]
Setup = Callable[[Pilot[None]], Awaitable[None]]

TOO_LONG = (
    " Every piece is one of a kind, thrown and glazed by hand in our Asheville studio, and"
    " the sale covers the seconds shelf too. Come early: the best ones go first. Doors open"
    " at ten."
)


def on_posts(item_id: str | None = None, *keys: str, typed: str = "") -> Setup:
    """Open the Posts section, put the cursor on ``item_id``, press ``keys``, type."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f8")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PostsScreen)
        if item_id is not None:
            screen.post_list.move_to_key(item_id)
        await pilot.press(*keys)
        await pilot.pause()
        if typed:
            pilot.app.screen.query_one(TextArea).insert(typed)
            await pilot.press("ctrl+s")
        await pilot.pause()

    return run_before


def test_posts_section_lists_every_group(snap_compare: SnapCompare) -> None:
    """The Posts section: headings Scheduled · 3, Processing · 1, Published · 2, Failed · 2,
    Drafts · 1 and Canceled · 1, newest first in each. Plan posts show their activity's
    title in bold and the caption's first words; the dashboard posts show their caption;
    the imported Instagram post is marked "⇣ imported". Published rows end in green figures
    ("2,456 seen · 131 interactions"), failed ones in their red reason, the processing one
    "publishing now". The cursor is on the first post, the Gift cards post scheduled on
    the dashboard, shown in full below; the footer offers Edit caption and Delete."""
    app, _ = posts_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=on_posts())


def test_a_failed_post_says_why(snap_compare: SnapCompare) -> None:
    """The cursor on the failed Facebook post of 'Open studio weekend': its row ends in the
    red reason, and the panel below reads FAILED, "Was due Sat 21 Nov 2026, 10:00 UTC" and
    "Why  The Facebook page's access token expired; reconnect the account (TOKEN_EXPIRED)."
    in red, then the caption. The footer offers no Edit caption or Delete."""
    app, _ = posts_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=on_posts("fb-open"))


def test_posts_section_at_80x24(snap_compare: SnapCompare) -> None:
    """The same list at 80x24: dates without the weekday, networks as IG, FB, LI, PI, X;
    the right column narrower, the failed reasons still there; the panel below."""
    app, _ = posts_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_posts())


def test_caption_editor_for_an_x_draft(snap_compare: SnapCompare) -> None:
    """The caption editor over the Posts section: "Edit the X caption", "The X post of
    'Winter glaze sale' · draft", the caption in the text area, and under it "116 / 280
    characters (X-weighted) · 2 / 3 hashtags · 1 link" in the muted colour (the link counts
    23, the emoji 2); keys "ctrl+s save · esc close", Cancel and Save."""
    app, _ = posts_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=on_posts("x-glaze", "e"))


def test_caption_editor_over_the_x_limit(snap_compare: SnapCompare) -> None:
    """The same editor after typing three more sentences and pressing ctrl+s: the counter
    reads over 280 characters (X-weighted) in the error colour, and the line under it
    says "X takes at most 280 characters as X counts them; this caption has … Shorten it
    to save." Nothing was sent."""
    app, engine = posts_app()
    assert snap_compare(
        app, terminal_size=SIZE, run_before=on_posts("x-glaze", "e", typed=TOO_LONG)
    )
    assert engine.commands == []


def test_caption_editor_at_80x24(snap_compare: SnapCompare) -> None:
    """The editor for the scheduled Instagram post at 80x24: the box takes the width, the
    title, "The Instagram post of 'Winter glaze sale' · scheduled", the caption wrapped in
    the text area, "111 / 2,200 characters · 2 / 30 hashtags", and the buttons."""
    app, _ = posts_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_posts("ig-glaze", "e"))

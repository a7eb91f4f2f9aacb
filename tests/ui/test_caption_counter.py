"""The caption counter: each network's length rule and limit, hashtags and links picked out."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from tui_planner.api.models import ChannelName
from tui_planner.ui.widgets.caption_view import (
    HASHTAG_STYLE,
    LINK_STYLE,
    CaptionView,
    highlighted_caption,
    measure_caption,
)

URL = "https://studio-example.com/collections/black-friday-early-access"
CAPTION = f"New mugs 🎉 are here {URL} #ceramics #handmade"
"""Plain 23 characters (with spaces), one emoji, one 63-character link, two hashtags."""


@pytest.mark.parametrize(
    ("channel", "length", "limit", "tag_limit"),
    [
        # X: "New mugs " 9 + emoji 2 + " are here " 10 + link 23 + " #ceramics #handmade" 20.
        (ChannelName.TWITTER, 64, 280, 3),
        (ChannelName.INSTAGRAM, len(CAPTION), 2200, 30),
        (ChannelName.LINKEDIN, len(CAPTION), 3000, 5),
        (ChannelName.PINTEREST, len(CAPTION), 500, 20),
        (ChannelName.GBP, len(CAPTION), 1500, 0),
        (ChannelName.TIKTOK, len(CAPTION), 2200, 5),
    ],
)
def test_caption_counter_counts_each_network_its_own_way(
    channel: ChannelName, length: int, limit: int, tag_limit: int
) -> None:
    measure = measure_caption(channel, CAPTION)

    assert measure.length == length
    assert measure.length_limit == limit
    assert measure.hashtag_count == 2
    assert measure.hashtag_limit == tag_limit
    assert measure.link_count == 1


def test_x_counts_a_link_as_23_and_an_emoji_as_2_whatever_their_size() -> None:
    short = measure_caption(ChannelName.TWITTER, "a.co/x 😀")
    long = measure_caption(ChannelName.TWITTER, f"{URL}/and/more/path 👩‍👩‍👧‍👦")

    assert short.length == 23 + 1 + 2
    assert long.length == 23 + 1 + 2


def test_x_caption_over_280_is_too_long_but_instagram_takes_it() -> None:
    text = "word " * 60  # 300 characters

    assert measure_caption(ChannelName.TWITTER, text).too_long
    assert not measure_caption(ChannelName.INSTAGRAM, text).too_long


def test_gbp_counts_any_hashtag_as_too_many() -> None:
    assert measure_caption(ChannelName.GBP, "Open late on Friday #shoplocal").too_many_hashtags
    assert not measure_caption(ChannelName.INSTAGRAM, "#a " * 30).too_many_hashtags
    assert measure_caption(ChannelName.INSTAGRAM, "#a " * 31).too_many_hashtags


def test_labels_say_the_figures_and_how_x_counts() -> None:
    x = measure_caption(ChannelName.TWITTER, CAPTION)
    linkedin = measure_caption(ChannelName.LINKEDIN, "x" * 1234)

    assert x.length_label() == "64 / 280 characters (X-weighted)"
    assert x.hashtag_label() == "2 / 3 hashtags"
    assert linkedin.length_label() == "1,234 / 3,000 characters"


def test_hashtags_and_links_are_highlighted_and_nothing_else() -> None:
    content = highlighted_caption(CAPTION)

    styled = {(CAPTION[span.start : span.end], str(span.style)) for span in content.spans}
    assert styled == {
        ("#ceramics", HASHTAG_STYLE),
        ("#handmade", HASHTAG_STYLE),
        (URL, LINK_STYLE),
    }


def test_a_shorter_tag_is_not_highlighted_inside_a_longer_word() -> None:
    text = "#sale and #salesday"
    content = highlighted_caption(text)

    assert sorted(text[span.start : span.end] for span in content.spans) == [
        "#sale",
        "#salesday",
    ]


class CaptionApp(App[None]):
    """One caption view."""

    def __init__(self, channel: ChannelName, text: str) -> None:
        super().__init__()
        self._channel = channel
        self._text = text

    def compose(self) -> ComposeResult:
        yield CaptionView(self._channel, self._text)


async def test_caption_view_shows_the_counter_and_flags_an_over_long_x_caption() -> None:
    app = CaptionApp(ChannelName.TWITTER, "word " * 60 + "#a #b #c #d")
    async with app.run_test() as pilot:
        await pilot.pause()
        counter = app.query_one("#caption-counter", Static)
        rendered = counter.visual
        text = str(rendered)

        assert "311 / 280 characters" in text
        assert "4 / 3 hashtags" in text
        view = app.query_one(CaptionView)
        assert view.measure.too_long
        assert view.measure.too_many_hashtags


async def test_caption_view_switches_network_and_recounts() -> None:
    app = CaptionApp(ChannelName.TWITTER, CAPTION)
    async with app.run_test() as pilot:
        view = app.query_one(CaptionView)
        view.show(ChannelName.INSTAGRAM, CAPTION)
        await pilot.pause()

        assert str(app.query_one("#caption-counter", Static).visual).startswith(
            f"{len(CAPTION)} / 2,200 characters"
        )

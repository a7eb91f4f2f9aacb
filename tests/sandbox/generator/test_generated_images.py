"""Post images: real PNGs at each network's aspect ratio, deterministic and quick to draw."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tui_planner.api.models import PLAN_CHANNELS, ChannelName, ItemType
from tui_planner.sandbox.generator import aspect_ratio, image_size, render_image

EXPECTED_RATIOS = {
    ChannelName.INSTAGRAM: 4 / 5,
    ChannelName.FACEBOOK: 1.91,
    ChannelName.LINKEDIN: 1.91,
    ChannelName.PINTEREST: 2 / 3,
    ChannelName.GBP: 4 / 3,
    ChannelName.TIKTOK: 9 / 16,
    ChannelName.TWITTER: 16 / 9,
}


def _open(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@pytest.mark.parametrize("channel", PLAN_CHANNELS)
def test_each_channel_gets_a_png_at_its_aspect_ratio(channel: ChannelName) -> None:
    png = render_image("act-1-i0", channel, title="Spotlight: the Bud Vase Trio", seed=7)
    image = _open(png)
    assert image.format == "PNG"
    assert image.size == image_size(channel)
    assert max(image.size) <= 720
    width, height = image.size
    assert width / height == pytest.approx(EXPECTED_RATIOS[channel], abs=0.01)
    ratio_w, ratio_h = aspect_ratio(channel)
    assert ratio_w / ratio_h == pytest.approx(EXPECTED_RATIOS[channel], abs=0.01)


def test_stories_are_portrait_nine_by_sixteen() -> None:
    png = render_image(
        "s-1", ChannelName.INSTAGRAM, title="Today", seed=1, item_type=ItemType.STORY
    )
    assert aspect_ratio(ChannelName.FACEBOOK, ItemType.STORY) == (9, 16)
    assert _open(png).size == image_size(ChannelName.INSTAGRAM, ItemType.STORY) == (405, 720)


def test_the_same_key_gives_identical_bytes_and_a_new_key_a_new_picture() -> None:
    first = render_image("act-1-i0", ChannelName.GBP, title="Kiln day", seed=3)
    assert render_image("act-1-i0", ChannelName.GBP, title="Kiln day", seed=3) == first
    assert render_image("act-1-i1", ChannelName.GBP, title="Kiln day", seed=3) != first
    assert render_image("act-1-i0", ChannelName.GBP, title="Kiln day", seed=4) != first


def test_images_are_colourful_graphics_not_blank_canvases() -> None:
    image = _open(render_image("act-9", ChannelName.TWITTER, title="Hello", seed=1))
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 500


def test_the_title_is_drawn_on_the_image() -> None:
    blank = _open(render_image("act-2", ChannelName.GBP, title="", seed=5))
    titled = _open(render_image("act-2", ChannelName.GBP, title="Spring Open Studio", seed=5))
    assert blank.tobytes() != titled.tobytes()


def test_long_titles_wrap_and_still_render() -> None:
    title = "A very long title that goes on " * 8
    image = _open(render_image("act-3", ChannelName.TIKTOK, title=title, seed=2))
    assert image.size == image_size(ChannelName.TIKTOK)

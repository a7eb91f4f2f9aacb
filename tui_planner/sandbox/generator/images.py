"""Post images: a generated graphic per network, at that network's aspect ratio, as PNG bytes.

The picture (palette, shapes, layout) is drawn from the image key and seed alone, so the same
key always gives identical bytes and a new key (a regenerated image) gives a new picture.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from tui_planner.api.models import ChannelName, ItemType

__all__ = ["LONGEST_SIDE", "aspect_ratio", "image_size", "render_image"]

LONGEST_SIDE = 720
"""Images are kept small: the longest side of every rendered image, in pixels."""

_RATIOS: dict[ChannelName, tuple[int, int]] = {
    ChannelName.INSTAGRAM: (4, 5),
    ChannelName.FACEBOOK: (191, 100),
    ChannelName.LINKEDIN: (191, 100),
    ChannelName.PINTEREST: (2, 3),
    ChannelName.GBP: (4, 3),
    ChannelName.TIKTOK: (9, 16),
    ChannelName.TWITTER: (16, 9),
    ChannelName.YOUTUBE: (16, 9),
}
_STORY_RATIO = (9, 16)

RGB = tuple[int, int, int]


def aspect_ratio(channel: ChannelName, item_type: ItemType = ItemType.POST) -> tuple[int, int]:
    """Width to height of ``channel``'s feed images (stories are always 9:16)."""
    if item_type == ItemType.STORY:
        return _STORY_RATIO
    return _RATIOS.get(channel, (1, 1))


def image_size(channel: ChannelName, item_type: ItemType = ItemType.POST) -> tuple[int, int]:
    """The pixel size rendered for ``channel``: its aspect ratio with the longest side 720."""
    width, height = aspect_ratio(channel, item_type)
    if width >= height:
        return LONGEST_SIDE, round(LONGEST_SIDE * height / width)
    return round(LONGEST_SIDE * width / height), LONGEST_SIDE


def render_image(
    image_key: str,
    channel: ChannelName,
    *,
    title: str,
    seed: int,
    item_type: ItemType = ItemType.POST,
) -> bytes:
    """A PNG for ``channel`` with ``title`` on a graphic drawn from ``image_key`` and ``seed``."""
    size = image_size(channel, item_type)
    rng = random.Random(hashlib.sha256(f"{seed}:{image_key}".encode()).hexdigest())
    palette = _palette(rng)
    image = _background(size, palette, rng)
    _draw_shapes(image, palette, rng)
    _draw_title(image, title, palette, rng)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def _palette(rng: random.Random) -> list[RGB]:
    """Five colours around one hue: two for the background, three accents."""
    hue = rng.random()
    spread = rng.choice((0.08, 0.5, 1 / 3, 0.42))  # analogous, complementary, triadic, split
    lightness = rng.uniform(0.18, 0.32)
    saturation = rng.uniform(0.45, 0.8)
    return [
        _hls(hue, lightness, saturation),
        _hls(hue + spread / 2, lightness + 0.22, saturation),
        _hls(hue + spread, 0.62, min(1.0, saturation + 0.15)),
        _hls(hue - spread, 0.72, saturation),
        _hls(hue + 0.5, 0.85, 0.35),
    ]


def _hls(hue: float, lightness: float, saturation: float) -> RGB:
    red, green, blue = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return round(red * 255), round(green * 255), round(blue * 255)


def _background(size: tuple[int, int], palette: list[RGB], rng: random.Random) -> Image.Image:
    width, height = size
    mask = Image.linear_gradient("L")
    if rng.random() < 0.5:
        mask = mask.transpose(Image.Transpose.ROTATE_90)
    top = Image.new("RGB", size, palette[0])
    bottom = Image.new("RGB", size, palette[1])
    image = Image.composite(bottom, top, mask.resize(size, Image.Resampling.BILINEAR))
    # A soft glow of accent colour somewhere off-centre.
    glow_size = (int(width * rng.uniform(0.9, 1.6)), int(height * rng.uniform(0.9, 1.6)))
    # The radial gradient reaches 181 at its edges' midpoints (255 only in the corners): fade
    # to nothing by then, so the glow has no visible border.
    glow = Image.radial_gradient("L").resize(glow_size, Image.Resampling.BILINEAR)
    glow = glow.point(_glow_alpha)
    accent = Image.new("RGB", glow_size, palette[2])
    position = (
        int(width * rng.uniform(-0.4, 0.4)),
        int(height * rng.uniform(-0.5, 0.2)),
    )
    image.paste(accent, position, glow)
    return image.convert("RGBA")


def _glow_alpha(value: int) -> int:
    return max(0, 181 - value) * 110 // 181


def _draw_shapes(image: Image.Image, palette: list[RGB], rng: random.Random) -> None:
    width, height = image.size
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    unit = min(width, height)
    for _ in range(rng.randint(4, 7)):
        colour = rng.choice(palette[2:])
        alpha = rng.randint(50, 150)
        radius = int(unit * rng.uniform(0.06, 0.34))
        x = int(width * rng.uniform(-0.1, 1.1))
        y = int(height * rng.uniform(-0.1, 0.75))
        box = (x - radius, y - radius, x + radius, y + radius)
        kind = rng.random()
        if kind < 0.45:
            draw.ellipse(box, fill=(*colour, alpha))
        elif kind < 0.75:
            draw.ellipse(box, outline=(*colour, alpha + 60), width=max(3, radius // 7))
        else:
            draw.rounded_rectangle(box, radius=radius // 3, fill=(*colour, alpha))
    for _ in range(rng.randint(0, 3)):
        y = int(height * rng.uniform(0.05, 0.7))
        colour = rng.choice(palette[2:])
        draw.line((0, y, width, y - int(width * 0.3)), fill=(*colour, 90), width=max(2, unit // 60))
    image.alpha_composite(overlay)


def _draw_title(image: Image.Image, title: str, palette: list[RGB], rng: random.Random) -> None:
    width, height = image.size
    margin = int(min(width, height) * 0.08)
    font_size = max(18, min(width, height) // 11)
    font = _font(font_size)
    lines = _wrap(title.strip() or " ", font, width - 2 * margin - margin // 2)[:4]
    line_height = int(font_size * 1.25)
    text_height = line_height * len(lines)
    panel_top = height - margin - text_height - margin
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle(
        (margin // 2, panel_top, width - margin // 2, height - margin // 2),
        radius=margin // 2,
        fill=(12, 12, 16, 150),
    )
    bar = rng.choice(palette[2:])
    draw.rectangle(
        (margin, panel_top + margin // 2, margin + font_size * 2, panel_top + margin // 2 + 5),
        fill=(*bar, 255),
    )
    image.alpha_composite(overlay)
    draw = ImageDraw.Draw(image)
    y = panel_top + margin
    for line in lines:
        draw.text((margin, y), line, font=font, fill=(250, 248, 244, 255))
        y += line_height


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > 4:
        lines = [*lines[:3], lines[3].rstrip(".,;:") + "…"]
    return lines


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)

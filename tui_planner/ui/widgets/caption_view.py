"""``CaptionView``: a post's caption with its hashtags and links picked out, measured against
its network's limits (X counts links as 23 and emoji as 2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui_planner.api.channel_rules import (
    CAPTION_LIMITS,
    HASHTAG_LIMITS,
    caption_length,
    hashtags,
    links,
)
from tui_planner.api.models import ChannelName

__all__ = ["CaptionMeasure", "CaptionView", "counter_line", "measure_caption"]

HASHTAG_STYLE = "bold $accent"
LINK_STYLE = "underline $secondary"


@dataclass(frozen=True, slots=True)
class CaptionMeasure:
    """How a caption measures up to its network's limits (``None``: the network sets none)."""

    channel: ChannelName
    length: int
    length_limit: int | None
    hashtag_count: int
    hashtag_limit: int | None
    link_count: int

    @property
    def too_long(self) -> bool:
        """Whether the caption is over the network's length limit."""
        return self.length_limit is not None and self.length > self.length_limit

    @property
    def too_many_hashtags(self) -> bool:
        """Whether the caption carries more hashtags than the network's limit."""
        return self.hashtag_limit is not None and self.hashtag_count > self.hashtag_limit

    def length_label(self) -> str:
        """``"142 / 280 characters (X-weighted)"``."""
        limit = f" / {self.length_limit:,}" if self.length_limit is not None else ""
        how = " (X-weighted)" if self.channel == ChannelName.TWITTER else ""
        return f"{self.length:,}{limit} characters{how}"

    def hashtag_label(self) -> str:
        """``"2 / 3 hashtags"``."""
        limit = f" / {self.hashtag_limit}" if self.hashtag_limit is not None else ""
        noun = "hashtag" if self.hashtag_count == 1 and not limit else "hashtags"
        return f"{self.hashtag_count}{limit} {noun}"


def measure_caption(channel: ChannelName, text: str) -> CaptionMeasure:
    """Measure ``text`` the way ``channel`` counts it."""
    return CaptionMeasure(
        channel=channel,
        length=caption_length(channel, text),
        length_limit=CAPTION_LIMITS.get(channel),
        hashtag_count=len(hashtags(text)),
        hashtag_limit=HASHTAG_LIMITS.get(channel),
        link_count=len(links(text)),
    )


def counter_line(measure: CaptionMeasure) -> Content:
    """The counter under a caption: length, hashtags and links, over-limit figures as errors."""
    length = Content(measure.length_label())
    if measure.too_long:
        length = length.stylize("bold $error")
    tags = Content(measure.hashtag_label())
    if measure.too_many_hashtags:
        tags = tags.stylize("bold $error")
    parts = [length, Content("  ·  "), tags]
    if measure.link_count:
        noun = "link" if measure.link_count == 1 else "links"
        parts += [Content("  ·  "), Content(f"{measure.link_count} {noun}")]
    return Content.assemble(*parts)


def highlighted_caption(text: str) -> Content:
    """``text`` with its hashtags and links styled; the detection is the channel rules' own."""
    content = Content(text)
    tags = sorted(set(hashtags(text)), key=len, reverse=True)
    if tags:
        pattern = "|".join(rf"#{re.escape(tag)}(?!\w)" for tag in tags)
        content = content.highlight_regex(pattern, style=HASHTAG_STYLE)
    urls = sorted(set(links(text)), key=len, reverse=True)
    if urls:
        content = content.highlight_regex("|".join(map(re.escape, urls)), style=LINK_STYLE)
    return content


class CaptionView(Vertical):
    """The caption of one post and a counter line under it.

    Over-limit figures are painted as errors, so a caption X would refuse stands out.
    """

    DEFAULT_CSS = """
    CaptionView {
        height: auto;
    }
    CaptionView > #caption-text {
        padding: 0 1;
    }
    CaptionView > #caption-text.-empty {
        color: $text-muted;
        text-style: italic;
    }
    CaptionView > #caption-counter {
        margin-top: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(
        self,
        channel: ChannelName,
        text: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._channel = channel
        self._text = text

    @property
    def measure(self) -> CaptionMeasure:
        """The current caption's measure."""
        return measure_caption(self._channel, self._text)

    def compose(self) -> ComposeResult:
        yield Static(id="caption-text")
        yield Static(id="caption-counter")

    def on_mount(self) -> None:
        self._render_caption()

    def show(self, channel: ChannelName, text: str) -> None:
        """Show another caption (or the same one for another network)."""
        self._channel = channel
        self._text = text
        if self.is_mounted:
            self._render_caption()

    def counter_text(self) -> Content:
        """The counter line: length and hashtags against the limits."""
        return counter_line(self.measure)

    def _render_caption(self) -> None:
        body = self.query_one("#caption-text", Static)
        body.set_class(not self._text, "-empty")
        body.update(highlighted_caption(self._text) if self._text else "No caption.")
        self.query_one("#caption-counter", Static).update(self.counter_text())

"""``PostImage``: a post's picture drawn in the terminal.

Kitty or Sixel graphics where the terminal speaks them, coloured half-blocks otherwise
(:mod:`tui_planner.ui.terminal_graphics` picks, and imports textual-image with the first
picture, in the worker that fetches it). Headless runs (tests, snapshots, screenshots)
always use half-blocks, so every picture is the same on every machine. The bytes come
through the backend's HTTP client (in-process for the sandbox) in a worker, and decoded
images are remembered by URL so flicking between channels of one activity never fetches
twice.
"""

from __future__ import annotations

import asyncio
import io
import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING, cast

import httpx
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui_planner.ui.terminal_graphics import picture_class
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui_planner.session import Session
    from tui_planner.ui.planner_screen import PlannerHost

__all__ = ["PostImage"]

_CACHE_SIZE = 32
"""Decoded images kept per HTTP client; an activity has one image for all its channels."""

_caches: weakref.WeakKeyDictionary[httpx.AsyncClient, OrderedDict[str, PILImage.Image]] = (
    weakref.WeakKeyDictionary()
)


def _cache_for(http: httpx.AsyncClient) -> OrderedDict[str, PILImage.Image]:
    cache = _caches.get(http)
    if cache is None:
        cache = OrderedDict()
        _caches[http] = cache
    return cache


def _decode(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    image.load()
    return image.convert("RGB")


class PostImage(Widget):
    """The image at ``url``, fitted inside the widget's size, keeping its aspect ratio.

    Size the widget (width and height) in CSS; the picture is centred in it. While the image
    loads, or when there is none or it cannot be read, a line says so instead.
    """

    DEFAULT_CSS = """
    PostImage {
        align: center middle;
    }
    PostImage > .post-image {
        width: auto;
        height: auto;
    }
    PostImage > #image-note {
        /* The panel's width, wrapping, so a long reason reads whole in a narrow panel. */
        width: 100%;
        padding: 0 1;
        text-align: center;
        color: $text-muted;
        text-style: italic;
    }
    """

    url: reactive[str | None] = reactive(None, init=False)
    """The image to show; ``None`` for a post without one."""

    def __init__(
        self,
        url: str | None = None,
        *,
        half_blocks: bool | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``half_blocks`` forces (True) or forbids (False) half-block drawing; by default
        headless apps draw half-blocks and real terminals get the best they support."""
        super().__init__(name=name, id=id, classes=classes)
        self._half_blocks = half_blocks
        self.set_reactive(PostImage.url, url)

    def compose(self) -> ComposeResult:
        yield Static("", id="image-note", markup=False)

    def on_mount(self) -> None:
        self._load(self.url)

    def watch_url(self, url: str | None) -> None:
        self._load(url)

    @property
    def loaded(self) -> bool:
        """Whether the picture (rather than a note) is on screen."""
        return bool(self.query(".post-image"))

    def _load(self, url: str | None) -> None:
        self._clear_picture()
        if url is None:
            self._note("No image for this post.")
            return
        cache = self._cache
        cached = cache.get(url) if cache is not None else None
        if cache is not None and cached is not None:
            cache.move_to_end(url)
            self._show(cached)
            return
        self._note("Loading image…")
        self.run_worker(
            self._fetch(url),
            name=f"post-image {url}",
            group=WorkerGroup.POST_IMAGE,
            description="Fetch and decode a post image",
            exclusive=True,
            exit_on_error=False,
        )

    async def _fetch(self, url: str) -> None:
        backend = await self._session.wait_until_open()
        if backend is None:
            self._note("Could not load the image: the backend is not open.")
            return
        try:
            response = await backend.http.get(url)
            response.raise_for_status()
            image = await asyncio.to_thread(_decode, response.content)
            # The first picture imports textual-image (and numpy): in a thread, so the
            # loop keeps getting the GIL meanwhile.
            await asyncio.to_thread(picture_class, half_blocks=self._draw_half_blocks)
        except httpx.HTTPStatusError as error:
            self._note(f"Could not load the image (HTTP {error.response.status_code}).")
            return
        except httpx.HTTPError:
            self._note("Could not load the image: the server did not answer.")
            return
        except (UnidentifiedImageError, OSError):
            self._note("Could not read the image file.")
            return
        cache = _cache_for(backend.http)
        cache[url] = image
        while len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
        if url == self.url:
            self._show(image)

    def _show(self, image: PILImage.Image) -> None:
        self._clear_picture()
        self.query_one("#image-note", Static).display = False
        picture = picture_class(half_blocks=self._draw_half_blocks)
        self.mount(picture(image, classes="post-image"))

    def _note(self, text: str) -> None:
        note = self.query_one("#image-note", Static)
        note.update(text)
        note.display = True

    def _clear_picture(self) -> None:
        self.query(".post-image").remove()

    @property
    def _draw_half_blocks(self) -> bool:
        if self._half_blocks is not None:
            return self._half_blocks
        return self.app.is_headless

    @property
    def _session(self) -> Session:
        """The app's session, whose backend serves the images."""
        return cast("PlannerHost", self.app).session

    @property
    def _cache(self) -> OrderedDict[str, PILImage.Image] | None:
        """Decoded images of the open backend (``None`` before it is open)."""
        backend = self._session.backend
        return _cache_for(backend.http) if backend is not None else None

"""How post images are drawn in this terminal, decided without slowing start-up.

textual-image finds out by asking the terminal (escape sequences answered on stdin, 0.1 s
each when the terminal stays silent), and it does so when imported; it also brings numpy.
Under Textual those answers would be read as key presses, so it used to be imported before
the app started: 100 ms of imports plus up to 200 ms of unanswered questions on every
start, for a picture most sessions never show.

Instead the terminal is recognised from its environment (:func:`detect_graphics`), which
costs nothing; :func:`prepare_terminal_graphics` runs before Textual takes the terminal and
only measures the cell size, and only in a terminal that draws pixels. textual-image itself
is imported when the first picture is shown (:func:`picture_class`), told that stdout is not
a terminal so that it asks nothing. Terminals not recognised get half-blocks, which every
terminal draws.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

__all__ = ["Graphics", "detect_graphics", "picture_class", "prepare_terminal_graphics"]


class Graphics(Enum):
    """A way of drawing a picture in a terminal."""

    HALF_BLOCKS = "half-blocks"
    """Coloured upper-half blocks, two pixels a cell: works everywhere."""
    SIXEL = "sixel"
    """DEC Sixel graphics."""
    KITTY = "kitty"
    """The Kitty terminal graphics protocol."""


_SIXEL_TERM_PROGRAMS = frozenset({"WezTerm", "iTerm.app", "mintty"})
"""``TERM_PROGRAM`` values of terminals that draw Sixel (WezTerm also speaks Kitty's
protocol, but not the placeholder form textual-image uses)."""

_SIXEL_TERMS = ("foot", "mlterm", "contour", "yaft")
"""``TERM`` prefixes of terminals that draw Sixel."""

_detected: Graphics | None = None


def detect_graphics(environ: Mapping[str, str]) -> Graphics:
    """The best way to draw pictures in the terminal ``environ`` describes.

    Inside tmux or screen the multiplexer, not the terminal, answers; pictures are drawn in
    half-blocks there, as in any terminal not recognised.
    """
    term = environ.get("TERM", "")
    if environ.get("TMUX") or term.startswith(("tmux", "screen")):
        return Graphics.HALF_BLOCKS
    if environ.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        return Graphics.KITTY
    if environ.get("TERM_PROGRAM", "") in _SIXEL_TERM_PROGRAMS:
        return Graphics.SIXEL
    if environ.get("KONSOLE_VERSION") or term.startswith(_SIXEL_TERMS):
        return Graphics.SIXEL
    return Graphics.HALF_BLOCKS


def prepare_terminal_graphics() -> Graphics:
    """Decide how pictures are drawn; call once, before Textual takes the terminal.

    In a terminal that draws pixels the size of a cell in pixels is read now (an ``ioctl``),
    while the terminal can still be asked; textual-image keeps it for later.
    """
    global _detected  # one decision per process, made before the app runs
    _detected = detect_graphics(os.environ)
    if _detected is not Graphics.HALF_BLOCKS:
        from textual_image._terminal import get_cell_size

        get_cell_size()
    return _detected


def picture_class(*, half_blocks: bool) -> Callable[..., Widget]:
    """The textual-image widget class that draws a picture here.

    The first call imports textual-image (and numpy); call it off the event loop's thread
    when that matters. ``half_blocks`` asks for half-blocks whatever the terminal can do.
    """
    with _stdout_not_a_terminal():
        from textual_image.widget import HalfcellImage, SixelImage, TGPImage

    graphics = _detected if _detected is not None else Graphics.HALF_BLOCKS
    if half_blocks or graphics is Graphics.HALF_BLOCKS:
        return HalfcellImage
    return SixelImage if graphics is Graphics.SIXEL else TGPImage


@contextmanager
def _stdout_not_a_terminal() -> Iterator[None]:
    """While importing textual-image: it asks the terminal nothing when stdout is no tty.

    Only the first import runs textual-image's code; later ones just look it up.

    Textual writes through its driver's own file (stderr), so swapping ``sys.__stdout__``
    for the length of an import changes nothing on screen.
    """
    real = sys.__stdout__
    setattr(sys, "__stdout__", io.StringIO())  # noqa: B010 - typeshed marks it Final.
    try:
        yield
    finally:
        setattr(sys, "__stdout__", real)  # noqa: B010

"""How post pictures are drawn: recognised from the environment, never by asking the terminal."""

from __future__ import annotations

import gc

import pytest
from textual_image.widget import HalfcellImage

from tui_planner.heap import FULL_COLLECTION_EVERY, collect_rarely, restore_collection
from tui_planner.ui.terminal_graphics import Graphics, detect_graphics, picture_class


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TERM": "xterm-kitty"}, Graphics.KITTY),
        ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, Graphics.KITTY),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, Graphics.SIXEL),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"}, Graphics.SIXEL),
        ({"TERM": "foot"}, Graphics.SIXEL),
        ({"TERM": "xterm-256color", "KONSOLE_VERSION": "230804"}, Graphics.SIXEL),
        ({"TERM": "xterm-256color"}, Graphics.HALF_BLOCKS),
        ({}, Graphics.HALF_BLOCKS),
    ],
)
def test_the_terminal_is_recognised_from_its_environment(
    environ: dict[str, str], expected: Graphics
) -> None:
    assert detect_graphics(environ) is expected


def test_inside_tmux_pictures_are_half_blocks_even_in_a_graphics_terminal() -> None:
    environ = {"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "KITTY_WINDOW_ID": "1"}

    assert detect_graphics(environ) is Graphics.HALF_BLOCKS


def test_half_blocks_asked_for_give_the_half_block_widget() -> None:
    assert picture_class(half_blocks=True) is HalfcellImage


def test_full_collections_are_made_rare_and_the_old_thresholds_come_back() -> None:
    before = gc.get_threshold()
    previous = collect_rarely()
    try:
        assert previous == before
        assert gc.get_threshold() == (before[0], before[1], FULL_COLLECTION_EVERY)
    finally:
        restore_collection(previous)
    assert gc.get_threshold() == before

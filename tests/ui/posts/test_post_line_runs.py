"""A post's line keeps its columns apart in every picture of it, not only in a terminal.

An SVG screenshot draws each run of one style as one ``<text>``; librsvg (and so every PNG
made from the snapshots) drops a run's leading spaces, which turned "28 Nov 09:00  FB" into
"09:00FB", "Winter glaze sale · Our…" into "sale· Our" and moved the right column off its
edge. So no run of a line may start with a space unless it is only spaces: each gap ends
the run before it.
"""

from __future__ import annotations

from datetime import UTC
from itertools import groupby

import pytest
from rich.console import Console
from rich.text import Text

from tests.ui.posts.fixed_posts import posts_state
from tui_planner.ui.widgets.post_line import post_line
from tui_planner.ui.widgets.post_sections import PostsFilter, post_sections, shown_post


def runs(text: Text) -> list[str]:
    """The line's text run by run, as a screenshot groups it (one style, one run)."""
    segments = text.render(Console(width=200), end="")
    return ["".join(s.text for s in run) for _, run in groupby(segments, key=lambda s: s.style)]


def lines(width: int) -> list[Text]:
    state = posts_state()
    return [
        post_line(shown_post(state, entry), width, UTC, 2026)
        for section in post_sections(state, PostsFilter(), UTC)
        for entry in section.posts
    ]


@pytest.mark.parametrize("width", [78, 118])
def test_no_run_of_a_post_line_starts_with_a_gap(width: int) -> None:
    for line in lines(width):
        starting_with_a_gap = [run for run in runs(line)[1:] if run.startswith(" ") and run.strip()]
        assert starting_with_a_gap == [], line.plain


def test_at_80_columns_the_time_and_the_network_stay_two_columns_apart() -> None:
    first = lines(78)[0]
    assert first.plain.startswith("◷ 28 Nov 09:00  FB ")
    assert "28 Nov 09:00  " in runs(first), "the gap belongs to the time's own run"

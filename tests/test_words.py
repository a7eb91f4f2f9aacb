"""Counted nouns, as every layer's sentences say them."""

from __future__ import annotations

from tui_planner.words import plural


def test_one_is_singular_and_any_other_number_plural() -> None:
    assert plural(1, "draft") == "1 draft"
    assert plural(0, "draft") == "0 drafts"
    assert plural(3, "draft") == "3 drafts"


def test_a_noun_that_takes_no_s_names_its_plural() -> None:
    assert plural(1, "activity", "activities") == "1 activity"
    assert plural(2, "activity", "activities") == "2 activities"


def test_thousands_are_grouped() -> None:
    assert plural(1400, "post") == "1,400 posts"

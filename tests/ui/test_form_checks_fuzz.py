"""Fuzzing the activity and event forms' checks: every bad value gets a sentence, none raises.

The strings mix control characters, odd unicode and lengths far past the limits; the text
fields' own cleaning (what typing and pasting go through) is checked to leave no control
character behind and to keep everything else.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_planner.api.text_rules import first_control_character, without_control_characters
from tui_planner.ui.screens.activity_form import check_day, check_text
from tui_planner.ui.screens.event_form import MAX_EVENT_TEXT, check_length

FUZZ = settings(max_examples=200, deadline=None)
TODAY = date(2026, 11, 23)

ODD = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x01",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9b",
        "\t",
        "\n",
        "\r",
        "\u200b",
        "\u202e",
        "\u0301",
        "²",
        "٣",
        "🎉",
        "\ufeff",
        " ",
        "+",
        "-",
        "w",
        "d",
        "/",
        ".",
    ]
)
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(ODD, st.characters()), max_size=20).map("".join),
    st.integers(0, 4000).map(lambda n: "é" * n),
)


def _sentence(message: str) -> None:
    assert message.strip()
    assert message.rstrip()[-1] in ".?", message


@FUZZ
@given(TEXT, st.booleans())
def test_a_required_text_is_fine_or_gets_a_sentence(text: str, multiline: bool) -> None:
    problem = check_text(text, "A title", multiline=multiline)
    if problem is None:
        assert text.strip()
        assert first_control_character(text, multiline=multiline) is None
    else:
        _sentence(problem)
        assert not text.strip() or first_control_character(text, multiline=multiline)


@FUZZ
@given(TEXT)
def test_a_length_over_the_limit_names_the_limit(text: str) -> None:
    problem = check_length(text, "The name")
    if len(text) > MAX_EVENT_TEXT:
        assert problem is not None
        assert f"{MAX_EVENT_TEXT:,}" in problem
        _sentence(problem)
    else:
        assert problem is None


@FUZZ
@given(TEXT, st.none() | st.dates(), st.none() | st.dates())
def test_any_typed_day_is_a_day_in_the_period_or_a_sentence(
    text: str, start: date | None, end: date | None
) -> None:
    day, problem = check_day(text, TODAY, start, end)
    if problem is None:
        assert day is not None
        assert start is None or day >= start
        assert end is None or day <= end
    else:
        assert day is None
        _sentence(problem)


@FUZZ
@given(TEXT, st.booleans())
def test_the_fields_cleaning_leaves_no_control_character_and_keeps_the_rest(
    text: str, multiline: bool
) -> None:
    clean = without_control_characters(text, multiline=multiline)
    assert first_control_character(clean, multiline=multiline) is None
    assert without_control_characters(clean, multiline=multiline) == clean
    kept = [c for c in text if first_control_character(c, multiline=True) is None and c != "\r"]
    if multiline:
        assert clean.replace("\n", "") == "".join(kept).replace("\n", "")
    else:
        assert clean == "".join(" " if c == "\t" else c for c in kept if c != "\n")

"""Fuzzing the settings form's rules: any text at all gets a sentence or passes; nothing raises.

Strings mix control characters, odd unicode (combining marks, right-to-left, astral planes,
digits that ``int`` cannot read) and lengths far past every limit.
"""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_planner.api.models import (
    ChannelName,
    FrequencyInterval,
    MarketingTool,
    PlanGoal,
    PointOfView,
)
from tui_planner.api.text_rules import first_control_character
from tui_planner.store.settings_draft import (
    LIMITS,
    TOOL_OVERRIDE_KEYS,
    FrequencyDraft,
    SettingsDraft,
    changed_paths,
    to_settings,
    validate,
)
from tui_planner.store.settings_profile import ProfileError, dump_profile, load_profile

FUZZ = settings(max_examples=100, deadline=None)

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
        "\U0001d7d8",
        "🎉",
        "\ufeff",
        "\ud7ff",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(ODD, st.characters()), max_size=30).map("".join),
    st.integers(0, 6000).map(lambda n: "x" * n),
)
# A few odd topics, or more topics than the limit allows.
TOPICS = st.lists(TEXT, max_size=3) | st.lists(st.sampled_from(["bread", "cake"]), min_size=21)
SINGLE_LINE = (
    "custom_goal",
    "tone_of_voice",
    "value_proposition",
    "target_audience",
    "business_goal",
)
MULTI_LINE = ("content_guidelines", "image_guidelines")


@st.composite
def drafts(draw: st.DrawFn) -> SettingsDraft:
    frequencies = {
        tool: FrequencyDraft(draw(st.none() | st.sampled_from(list(FrequencyInterval))), draw(TEXT))
        for tool in TOOL_OVERRIDE_KEYS
    }
    draft = SettingsDraft(
        goal_key=draw(st.none() | st.sampled_from(list(PlanGoal))),
        custom_goal=draw(TEXT),
        marketing_tools=tuple(draw(st.lists(st.sampled_from(list(MarketingTool)), max_size=3))),
        social_channels=tuple(draw(st.lists(st.sampled_from(list(ChannelName)), max_size=3))),
        point_of_view=draw(st.none() | st.sampled_from(list(PointOfView))),
        tone_of_voice=draw(TEXT),
        topics_included=tuple(draw(TOPICS)),
        topics_excluded=tuple(draw(TOPICS)),
        value_proposition=draw(TEXT),
        target_audience=draw(TEXT),
        business_goal=draw(TEXT),
        content_guidelines=draw(TEXT),
        image_guidelines=draw(TEXT),
    )
    for tool, frequency in frequencies.items():
        draft = draft.with_frequency(tool, frequency)
    return draft


def _sentences(errors: Mapping[str, str]) -> None:
    for name, message in errors.items():
        assert message.strip(), name
        assert message.rstrip()[-1] in ".?", f"{name}: {message!r} is not a sentence"


@FUZZ
@given(drafts(), drafts())
def test_every_draft_gets_sentences_or_saves_cleanly(
    draft: SettingsDraft, before: SettingsDraft
) -> None:
    for original in (None, before):
        errors = validate(draft, original)
        _sentences(errors)
    errors = validate(draft)
    for name in SINGLE_LINE + MULTI_LINE:
        text = getattr(draft, name)
        hidden = first_control_character(text, multiline=name in MULTI_LINE)
        if hidden is not None or len(text.strip()) > LIMITS[name]:
            assert name in errors, f"{name} = {text[:30]!r} passed"
    for name in ("topics_included", "topics_excluded"):
        if any(first_control_character(t, multiline=False) for t in getattr(draft, name)):
            assert name in errors
    if errors:
        return
    # Nothing refused: the body builds, and holds nothing the API would refuse.
    body = to_settings(draft).model_dump_json(by_alias=True)
    assert first_control_character(body.replace("\\n", "").replace("\\t", "")) is None
    changed_paths(before, draft)


def _read(text: str) -> SettingsDraft | str:
    """The draft a profile holds, or the :class:`ProfileError` sentence."""
    try:
        return load_profile(text, source="profile.toml")
    except ProfileError as error:
        return str(error)


@FUZZ
@given(drafts())
def test_a_profile_written_from_any_draft_reads_back_or_says_why(draft: SettingsDraft) -> None:
    again = _read(dump_profile(draft))
    if isinstance(again, str):
        assert again.startswith("profile.toml")
    else:
        _sentences(validate(again))


@FUZZ
@given(st.text(max_size=300))
def test_any_profile_text_is_a_draft_or_a_profile_error(text: str) -> None:
    draft = _read(text)
    if isinstance(draft, str):
        assert draft.startswith("profile.toml")
    else:
        _sentences(validate(draft))


def test_unicode_digits_int_cannot_read_are_not_a_count() -> None:
    draft = SettingsDraft().with_frequency(
        MarketingTool.BLOGS, FrequencyDraft(FrequencyInterval.WEEK, "²")
    )
    assert validate(
        draft, original=draft.with_frequency(MarketingTool.BLOGS, FrequencyDraft())
    ) == {"frequencies.BLOGS": "“²” is not a whole number; enter 1 to 30."}

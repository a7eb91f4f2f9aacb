"""X's weighted length against twitter-text's own conformance suite, case by case.

The suite (``shared/data/twitter-text``, Apache 2.0 data from twitter/twitter-text) is read
at test time; CI and the main checkout have ``shared/`` beside the repository.
"""

from __future__ import annotations

import json
from typing import Any

import emoji
import pytest
import yaml

from tests.shared_data import shared_file
from tui_planner.api.channel_rules import caption_length, links
from tui_planner.api.models import ChannelName
from tui_planner.api.x_length import X_RULES_V2, X_RULES_V3, XTextRules, count_x_post
from tui_planner.api.x_links import link_spans, top_level_domains

TWITTER_TEXT = "data/twitter-text"
MISSING = f"shared/{TWITTER_TEXT} is not beside the repository (CI and the main checkout have it)"

# Each section of validate.yml with the configuration it is written for.
SECTIONS = {
    "WeightedTweetsCounterTest": X_RULES_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": X_RULES_V3,
    "UnicodeDirectionalMarkerCounterTest": X_RULES_V3,
}


def _load_yaml(name: str) -> Any:
    path = shared_file(f"{TWITTER_TEXT}/{name}")
    if path is None:
        return None
    # libyaml's loader where PyYAML has it: the pure-Python one takes 2 s over tlds.yml.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text("utf-8"), Loader=loader)


def _conformance_cases() -> list[Any]:
    suite = _load_yaml("validate.yml")
    if suite is None:
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=MISSING), id="missing")]
    return [
        pytest.param(section, case, id=f"{section}-{index}-{case['description'][:50]}")
        for section in SECTIONS
        for index, case in enumerate(suite["tests"][section])
    ]


@pytest.mark.parametrize(("section", "case"), _conformance_cases())
def test_weighted_length_matches_twitter_text(section: str, case: dict[str, Any]) -> None:
    count = count_x_post(case["text"], SECTIONS[section])

    measured = {
        "weightedLength": count.weighted_length,
        "valid": count.valid,
        "permillage": count.permillage,
        "displayRangeStart": count.display_range[0],
        "displayRangeEnd": count.display_range[1],
        "validRangeStart": count.valid_range[0],
        "validRangeEnd": count.valid_range[1],
    }
    expected = case["expected"]
    assert expected, "a case with nothing to check"
    assert {key: measured[key] for key in expected} == expected


@pytest.mark.parametrize(("name", "rules"), [("v2.json", X_RULES_V2), ("v3.json", X_RULES_V3)])
def test_rules_are_twitter_texts_configuration(name: str, rules: XTextRules) -> None:
    path = shared_file(f"{TWITTER_TEXT}/{name}")
    if path is None:
        pytest.skip(MISSING)

    assert XTextRules.from_config(json.loads(path.read_text("utf-8"))) == rules


def test_top_level_domain_table_is_twitter_texts() -> None:
    source = _load_yaml("tld_lib.yml")
    if source is None:
        pytest.skip(MISSING)

    assert top_level_domains() == {name: tuple(source[name]) for name in ("generic", "country")}


def test_every_top_level_domain_makes_a_link() -> None:
    suite = _load_yaml("tlds.yml")
    if suite is None:
        pytest.skip(MISSING)
    cases = [case for section in suite["tests"].values() for case in section]

    wrong = [
        (case["text"], found)
        for case in cases
        if (found := [case["text"][start:end] for start, end in link_spans(case["text"])])
        != case["expected"]
    ]

    assert len(cases) > 1500
    assert wrong == []


def test_any_link_counts_23_and_an_email_address_is_text() -> None:
    assert count_x_post("bit.ly/abc").weighted_length == 23
    assert count_x_post("me@bakery.com").weighted_length == 13
    assert caption_length(ChannelName.TWITTER, "Order at bit.ly/abc or me@bakery.com") == (
        9 + 23 + 4 + 13
    )
    assert links("Order at bit.ly/abc or me@bakery.com") == ["bit.ly/abc"]


def test_every_emoji_sequence_counts_two() -> None:
    sequences = [text for text in emoji.EMOJI_DATA if len(text) > 1]

    assert len(sequences) > 3000
    assert {text: count_x_post(text).weighted_length for text in sequences} == dict.fromkeys(
        sequences, 2
    )


def test_a_lone_emoji_code_point_counts_two_but_copyright_and_registered_count_one() -> None:
    lone = {text for text in emoji.EMOJI_DATA if len(text) == 1}
    counts = {text: count_x_post(text).weighted_length for text in lone}

    assert counts == {text: 1 if text in "©®" else 2 for text in lone}
    assert count_x_post("©\ufe0f").weighted_length == 2


def test_v2_counts_each_code_point_of_an_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"

    assert count_x_post(family, X_RULES_V2).weighted_length == 2 + 1 + 2 + 1 + 2
    assert count_x_post(family, X_RULES_V3).weighted_length == 2


def test_blank_text_is_not_a_valid_post() -> None:
    assert count_x_post("").valid is False
    assert count_x_post("   ").valid is False
    assert count_x_post("").display_range == (0, -1)

"""Fuzzing the config loader: any file is a valid config or one ``ConfigError`` sentence.

Documents are built from the real sections and keys with values of every TOML type (and
strings holding control characters, odd unicode, huge numbers, nested tables, arrays where
tables belong), plus arbitrary text and bytes that are not TOML or not UTF-8 at all.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import UTC, date, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_planner.config import Config, ConfigError, ConfigLocation, load_config
from tui_planner.config.model import section_models

FUZZ = settings(max_examples=150, deadline=None)

SECTIONS = {name: list(model.model_fields) for name, model in section_models().items()}

TEXT = st.text(max_size=20) | st.sampled_from(
    [
        "",
        " ",
        "monday",
        "sunday",
        "INSTAGRAM",
        "rich",
        "documented",
        "\x07",
        "\u202e",
        "~/x",
        "http://127.0.0.1:8765",
        "nan",
        "1e309",
        "dark",
        "textual-dark",
    ]
)
SCALAR = (
    TEXT
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates(min_value=date(1, 1, 1))
    | st.datetimes(timezones=st.just(UTC) | st.none())
    | st.times()
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A TOML document: mostly the real sections and keys, with values of any type."""
    document: dict[str, Any] = {}
    for section in draw(st.lists(st.sampled_from([*SECTIONS, "extra", "UI"]), max_size=4)):
        known = SECTIONS.get(section, ["what"])
        keys = draw(st.lists(st.sampled_from([*known, "unknown_key"]) | TEXT, max_size=4))
        table = {key: draw(VALUE) for key in keys}
        document[section] = table if draw(st.integers(0, 9)) else draw(VALUE)
    return document


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One private folder for every example (Hypothesis runs a test many times over)."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _load(folder: Path, raw: bytes, environ: dict[str, str] | None = None) -> Config | str:
    path = folder / "config.toml"
    path.write_bytes(raw)
    path.chmod(0o600)
    try:
        return load_config(ConfigLocation(path, explicit=True), environ=environ or {}).config
    except ConfigError as error:
        sentence = str(error)
        assert sentence.startswith(f"The config file {path}") or str(path) in sentence, sentence
        assert sentence.rstrip().endswith("."), sentence
        assert "Traceback" not in sentence
        return sentence


@FUZZ
@given(documents(), st.none() | st.text(max_size=12))
def test_any_document_is_a_config_or_a_sentence(
    folder: Path, document: dict[str, Any], key: str | None
) -> None:
    try:
        raw = tomli_w.dumps(document).encode()
    except (TypeError, ValueError):
        return  # not representable in TOML (say, a naive time zone tomli-w refuses)
    _load(folder, raw, {"WIX_API_KEY": key} if key is not None else None)


@FUZZ
@given(st.text(max_size=200))
def test_any_text_is_a_config_or_a_sentence(folder: Path, text: str) -> None:
    _load(folder, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=100))
def test_any_bytes_are_a_config_or_a_sentence(folder: Path, raw: bytes) -> None:
    _load(folder, raw)


def test_a_value_with_a_time_where_a_number_belongs_names_the_key(folder: Path) -> None:
    sentence = _load(folder, tomli_w.dumps({"sync": {"idle_interval": time(9, 0)}}).encode())
    assert isinstance(sentence, str)
    assert "idle_interval" in sentence

"""Field docstrings come from the source when the starter asks, not on every start."""

from __future__ import annotations

import subprocess
import sys

from pydantic import BaseModel, create_model

from tui_planner.config import Config
from tui_planner.config.field_docs import field_docstrings
from tui_planner.config.model import section_models


class Documented(BaseModel):
    """A model written the way the config sections are."""

    plain: int = 1
    """One line."""

    multi: str = "x"
    """First line,
        an indented second line.
    """

    undocumented: bool = True

    def method(self) -> None:
        """Not a field's docstring."""

    class Inner(BaseModel):
        """A model nested in another."""

        deep: int = 0
        """Inside the inner model."""


class Child(Documented):
    """A subclass that documents a field again and adds one."""

    plain: int = 2
    """Said again by the child."""

    extra: int = 0
    """Only on the child."""


def test_each_documented_field_gets_its_cleaned_docstring() -> None:
    assert field_docstrings(Documented) == {
        "plain": "One line.",
        "multi": "First line,\nan indented second line.",
    }


def test_a_field_without_a_docstring_is_absent() -> None:
    assert "undocumented" not in field_docstrings(Documented)


def test_base_docstrings_count_and_the_subclass_wins() -> None:
    assert field_docstrings(Child) == {
        "plain": "Said again by the child.",
        "multi": "First line,\nan indented second line.",
        "extra": "Only on the child.",
    }


def test_a_nested_model_is_found_by_its_qualified_name() -> None:
    assert field_docstrings(Documented.Inner) == {"deep": "Inside the inner model."}


def test_a_model_without_a_class_statement_has_none() -> None:
    dynamic = create_model("Dynamic", size=(int, 1))

    assert field_docstrings(dynamic) == {}


def test_the_config_models_do_not_read_their_source_when_created() -> None:
    # pydantic's use_attribute_docstrings parses the source at class creation: start-up cost.
    models: list[type[BaseModel]] = [Config, *section_models().values()]
    for model in models:
        assert not model.model_config.get("use_attribute_docstrings"), model.__name__


def test_loading_a_good_config_leaves_the_writers_and_the_error_locator_unimported() -> None:
    code = (
        "import sys, tempfile, pathlib\n"
        "import tui_planner.config as config\n"
        "with tempfile.TemporaryDirectory() as folder:\n"
        "    path = pathlib.Path(folder) / 'config.toml'\n"
        "    path.write_text('[sync]\\nidle_interval = 12\\n')\n"
        "    loaded = config.load_config(config.ConfigLocation(path, explicit=True), environ={})\n"
        "assert loaded.config.sync.idle_interval == 12.0\n"
        "lazy = ['tomli_w', 'tui_planner.config.key_lines']\n"
        "loaded_early = [name for name in lazy if name in sys.modules]\n"
        "assert not loaded_early, loaded_early\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr

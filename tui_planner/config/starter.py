"""The commented starter file, generated from the model so it can never disagree with it.

``planner-tui config init`` writes this text and ``config.example.toml`` in the repository
is exactly this text (a test keeps the two equal). Every key appears commented out with its
default, or with an example when it has none, under its field docstring.
"""

from __future__ import annotations

import re
import textwrap
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo

from .field_docs import field_docstrings
from .model import Config, SiteConfig, section_models

__all__ = ["starter_config_text", "toml_value"]

_WIDTH = 96
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

_PREAMBLE = """\
# planner-tui configuration.
#
# Every key is listed commented out with its default value (or an example where it has none);
# uncomment a line to change it.
# Unknown keys are an error, so a typo is reported rather than ignored.
# With no API key (here or in the WIX_API_KEY environment variable) planner-tui uses its
# local sandbox, so it works with no Wix account and no network.
# Another file can be used with `planner-tui --config PATH` or PLANNER_TUI_CONFIG=PATH.
"""


_SITES_EXAMPLE = "shop"
"""The table name the starter shows for a site (``[sites.shop]``)."""


def starter_config_text() -> str:
    """The text of a fresh ``config.toml``: every section and key, documented.

    Top-level keys come first (TOML wants them before any table), then each section, then
    one example ``[sites.NAME]`` table.
    """
    docstrings = field_docstrings(Config)
    blocks = [_PREAMBLE]
    for key, field in Config.model_fields.items():
        if key not in section_models() and key != "sites":
            lines = [*_comment(docstrings.get(key, "")), _key_line(key, field), ""]
            blocks.append("\n".join(lines))
    for name, section in section_models().items():
        blocks.append(_section_block(name, section))
    # Commented out as a whole: an empty [sites.shop] would be a site with no id.
    sites = _section_block(f"sites.{_SITES_EXAMPLE}", SiteConfig, header_comment=True)
    blocks.append("\n".join(_comment(docstrings.get("sites", ""))) + "\n" + sites)
    return "\n".join(blocks)


def _section_block(name: str, section: type[BaseModel], *, header_comment: bool = False) -> str:
    doc = (section.__doc__ or "").strip()
    lines = [*_comment(doc), f"# [{name}]" if header_comment else f"[{name}]", ""]
    docstrings = field_docstrings(section)
    for key, field in section.model_fields.items():
        lines.extend(_comment(docstrings.get(key, "")))
        lines.append(_key_line(key, field))
        lines.append("")
    return "\n".join(lines)


def _key_line(key: str, field: FieldInfo) -> str:
    """``# key = default``, or an example marked as such when the default is "unset"."""
    default = field.get_default(call_default_factory=True)
    if default in (None, {}) and field.examples:
        return f"# {key} = {toml_value(field.examples[0])}  # an example; unset by default"
    return f"# {key} = {toml_value(default)}"


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, _WIDTH - 2)]


def toml_value(value: Any) -> str:
    """``value`` written as an inline TOML value (tables inline, enums by value)."""
    if isinstance(value, SecretStr):
        return toml_value(value.get_secret_value())
    if isinstance(value, Enum):
        return toml_value(value.value)
    if isinstance(value, Path):
        return toml_value(str(value))
    if isinstance(value, dict):
        pairs = ", ".join(f"{_toml_key(key)} = {toml_value(item)}" for key, item in value.items())
        return f"{{ {pairs} }}" if pairs else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    import tomli_w  # only `config init` writes TOML; the app's start does not need it

    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_value(key)

"""Validate ``config.toml`` into a :class:`Config`, turning every problem into one sentence.

:func:`load_config` reads and validates in one go; ``planner-tui`` reads the file first
(:func:`~tui_planner.config.read.read_config_file`, no pydantic) and gives the same
:class:`ConfigFile` to :func:`validate_config` after its first frame.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import ConfigError
from .locations import API_KEY_ENV_VAR, ConfigLocation, locate_config
from .model import Config, SiteConfig, section_models
from .read import ConfigFile, dotted_key, read_config_file

__all__ = ["API_KEY_ENV_VAR", "LoadedConfig", "load_config", "validate_config"]


@dataclass(frozen=True)
class LoadedConfig:
    """The effective configuration and where it came from."""

    config: Config
    location: ConfigLocation
    found: bool
    """Whether the file existed; a missing non-explicit file means defaults."""

    warnings: tuple[str, ...] = ()
    """Sentences worth telling the user that do not stop the app."""


def load_config(
    location: ConfigLocation | None = None, *, environ: Mapping[str, str] | None = None
) -> LoadedConfig:
    """Load the config file at ``location`` (found as :func:`locate_config` does when omitted).

    Raises :class:`ConfigError` when an explicit file is missing, or any file is unreadable,
    malformed TOML, or holds an unknown key or a value of the wrong type.
    """
    env = os.environ if environ is None else environ
    where = location if location is not None else locate_config(environ=env)
    return validate_config(read_config_file(where), environ=env)


def validate_config(file: ConfigFile, *, environ: Mapping[str, str] | None = None) -> LoadedConfig:
    """Validate a config file already read; ``WIX_API_KEY`` in ``environ`` wins over its
    ``[api] api_key``. Raises :class:`ConfigError` for an unknown key or a bad value."""
    env = os.environ if environ is None else environ
    config = _validate(file.document, file.text, file.location.path, env)
    return LoadedConfig(config, file.location, file.found, file.warnings)


def _validate(data: dict[str, Any], text: str, path: Path, env: Mapping[str, str]) -> Config:
    api_key = env.get(API_KEY_ENV_VAR, "").strip()
    if api_key:
        api = data.get("api", {})
        # A non-table [api] is reported as the file's own mistake, so leave it to validation.
        if isinstance(api, dict):
            data = {**data, "api": {**api, "api_key": api_key}}
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        raise _validation_error(error.errors(include_url=False), text, path) from None


def _validation_error(errors: list[ErrorDetails], text: str, path: Path) -> ConfigError:
    from .key_lines import find_key_line  # its patterns are compiled only for a broken file

    first = errors[0]
    location = tuple(first["loc"])
    names = tuple(str(part) for part in location if isinstance(part, str))
    key = dotted_key(location)
    line = find_key_line(text, names) if text else None
    at_line = f" at line {line}" if line is not None else ""
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(_allowed_keys(names[:-1]))
        message = (
            f"The config file {path} has an unknown key `{key}`{at_line}: "
            f"expected one of {allowed}."
        )
    else:
        message = (
            f"The config file {path} has a bad value for `{key}`{at_line}: {_expected(first)}."
        )
    return ConfigError(message, path=path, line=line, key=key)


def _allowed_keys(table: tuple[str, ...]) -> list[str]:
    """The keys the model accepts in ``table`` (``()`` for the top level)."""
    if not table:
        return list(Config.model_fields)
    if table[0] == "sites" and len(table) == 2:
        return list(SiteConfig.model_fields)
    section = section_models().get(table[0])
    return list(section.model_fields) if section is not None and len(table) == 1 else []


_EXPECTED_BY_TYPE = {
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "string_type": "a quoted string",
    "list_type": "a list",
    "dict_type": "a table",
    "model_type": "a table",
    "path_type": "a path in quotes",
    "string_too_short": "a non-empty string",
    "greater_than": "a number greater than {gt}",
    "greater_than_equal": "a number of at least {ge}",
    "less_than": "a number below {lt}",
    "less_than_equal": "a number of at most {le}",
    "literal_error": "{expected}",
    "enum": "{expected}",
}


def _expected(error: ErrorDetails) -> str:
    """What the value should have been, as the end of a sentence: "expected a number"."""
    template = _EXPECTED_BY_TYPE.get(error["type"])
    if template is not None:
        context = {name: _number(value) for name, value in error.get("ctx", {}).items()}
        return "expected " + template.format(**context)
    message = error["msg"].rstrip(".")
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if message.startswith("Input should be "):
        return "expected " + message.removeprefix("Input should be ")
    if message.startswith("expected "):
        return message
    return "expected " + message[:1].lower() + message[1:]


def _number(value: object) -> object:
    """Whole floats without their ``.0``: "greater than 0", not "greater than 0.0"."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value

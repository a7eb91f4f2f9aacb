"""Reading ``config.toml`` as TOML, before any validation: what the first frame can use.

Validating the file needs pydantic and the config models, a noticeable part of a start-up.
The first frame needs only a few keys (the ``[ui]`` settings, which backend this is), so
``planner-tui`` reads the file here with :mod:`tomllib`, paints from it, and validates the
same :class:`ConfigFile` after the first frame (:func:`tui_planner.config.validate_config`).
A file that cannot be read or is not TOML is a :class:`ConfigError` here already, so those
mistakes still stop the app before its screen.

Plain Python: no pydantic.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .locations import ConfigLocation

__all__ = ["ConfigFile", "dotted_key", "read_config_file", "table", "text_value"]

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class ConfigFile:
    """The config file as TOML reads it, not yet validated."""

    location: ConfigLocation
    document: dict[str, Any] = field(default_factory=dict)
    """The parsed TOML (empty when the file does not exist)."""
    text: str = ""
    """The file's text, to name the line of a bad key when it is validated."""
    found: bool = False
    """Whether the file existed; a missing non-explicit file means defaults."""
    warnings: tuple[str, ...] = ()
    """Sentences worth telling the user that do not stop the app."""


def read_config_file(location: ConfigLocation) -> ConfigFile:
    """Read and parse the config file at ``location``.

    Raises :class:`ConfigError` when an explicit file is missing, or the file is unreadable,
    not UTF-8, or not valid TOML.
    """
    path = location.path
    raw = _read_bytes(location)
    if raw is None:
        return ConfigFile(location)
    text = _decode(raw, path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, text, path) from None
    return ConfigFile(location, document, text, True, _permission_warnings(document, path))


def table(document: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """The table ``name`` of ``document``; empty when it is missing or not a table."""
    value = document.get(name)
    return value if isinstance(value, Mapping) else {}


def text_value(value: object) -> str | None:
    """``value`` stripped when it is a string with something in it; otherwise ``None``."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _read_bytes(location: ConfigLocation) -> bytes | None:
    path = location.path
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if location.explicit:
            raise ConfigError(
                f"The config file {path} does not exist; create it with "
                f"`planner-tui --config {path} config init` or leave out --config.",
                path=path,
            ) from None
        return None
    except IsADirectoryError:
        raise ConfigError(
            f"The config file {path} is a directory, not a file.", path=path
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(
            f"The config file {path} could not be read: {reason}.", path=path
        ) from None


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(
            f"The config file {path} is not UTF-8 text at line {line}.", path=path, line=line
        ) from None


def _syntax_error(error: tomllib.TOMLDecodeError, text: str, path: Path) -> ConfigError:
    from .key_lines import key_at_line  # its patterns are compiled only for a broken file

    message = str(error)
    position = _TOML_POSITION.search(message)
    reason = _TOML_POSITION.sub("", message).strip().rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    line: int | None = None
    key: str | None = None
    where = ""
    if position is not None and position.group(1) is not None:
        line = int(position.group(1))
        names = key_at_line(text, line)
        key = dotted_key(names) if names else None
        where = f" at line {line}" + (f", in `{key}`" if key else "")
    elif position is not None:
        where = " at its end"
    return ConfigError(
        f"The config file {path} is not valid TOML{where}: {reason}.",
        path=path,
        line=line,
        key=key,
    )


def _permission_warnings(data: Mapping[str, Any], path: Path) -> tuple[str, ...]:
    """Warn when the file holds an API key (in [api] or a [sites.NAME] table) that the
    group or others can read."""
    api = data.get("api")
    sites = data.get("sites")
    tables = [api, *(sites.values() if isinstance(sites, Mapping) else ())]
    holds_key = any(isinstance(table, Mapping) and table.get("api_key") for table in tables)
    if os.name != "posix" or not holds_key:
        return ()
    try:
        mode = path.stat().st_mode
    except OSError:
        return ()
    if stat.S_IMODE(mode) & 0o077 == 0:
        return ()
    return (
        f"The config file {path} holds an API key that other users can read; "
        f"run `chmod 600 {path}` to keep it private.",
    )


def dotted_key(location: tuple[int | str, ...]) -> str:
    key = ""
    for part in location:
        if isinstance(part, int):
            key += f"[{part}]"
            continue
        name = part if _BARE_KEY.match(part) else f'"{part}"'
        key = f"{key}.{name}" if key else name
    return key

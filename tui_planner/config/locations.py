"""Where planner-tui keeps its files.

The config file lives in the platform's user config directory unless ``--config PATH`` or
the ``PLANNER_TUI_CONFIG`` environment variable points elsewhere; the sandbox's data lives in
the user data directory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = [
    "API_KEY_ENV_VAR",
    "APP_NAME",
    "CONFIG_ENV_VAR",
    "WIX_API_BASE_URL",
    "ConfigLocation",
    "default_config_path",
    "default_sandbox_data_file",
    "display_path",
    "locate_config",
    "site_data_file",
]

APP_NAME = "planner-tui"
"""The directory name used under the platform's config and data directories."""

CONFIG_ENV_VAR = "PLANNER_TUI_CONFIG"
"""Environment variable naming the config file to use instead of the default."""

API_KEY_ENV_VAR = "WIX_API_KEY"
"""Environment variable holding the Wix API key; it wins over the config file."""

WIX_API_BASE_URL = "https://www.wixapis.com"
"""Where the Wix REST API lives unless ``[api] base_url`` says otherwise."""


@dataclass(frozen=True)
class ConfigLocation:
    """The config file to read, and whether the user named it explicitly with ``--config``."""

    path: Path
    explicit: bool = False


def default_config_path() -> Path:
    """``config.toml`` in the platform's user config directory."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_sandbox_data_file() -> Path:
    """``sandbox.sqlite3`` in the platform's user data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "sandbox.sqlite3"


def site_data_file(name: str) -> Path:
    """Where a sandbox site (``[sites.NAME] sandbox = true``) keeps its data unless its table
    says: ``sandbox-NAME.sqlite3`` beside the default sandbox file."""
    return default_sandbox_data_file().with_name(f"sandbox-{name}.sqlite3")


def locate_config(
    cli_path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> ConfigLocation:
    """Pick the config file: ``--config`` first, then ``PLANNER_TUI_CONFIG``, then the default.

    Only a path given with ``--config`` is explicit: a missing explicit file is an error,
    while a missing file found any other way simply means "use the defaults".
    """
    if cli_path is not None:
        return ConfigLocation(Path(cli_path).expanduser(), explicit=True)
    env = os.environ if environ is None else environ
    from_env = env.get(CONFIG_ENV_VAR, "").strip()
    if from_env:
        return ConfigLocation(Path(from_env).expanduser())
    return ConfigLocation(default_config_path())


def display_path(path: Path) -> str:
    """``path`` for people: the home directory shortened to ``~``."""
    try:
        inside_home = path.relative_to(Path.home())
    except ValueError:
        return str(path)
    return "~" if inside_home == Path() else f"~/{inside_home.as_posix()}"


def unknown_site(name: str, known: tuple[str, ...], path: Path | None) -> str:
    """The sentence for a site name the config file has no ``[sites.NAME]`` table for."""
    file = display_path(path) if path is not None else "the config file"
    if not known:
        return f"There is no site called “{name}”: {file} has no [sites.NAME] tables."
    listed = known[0] if len(known) == 1 else f"{', '.join(known[:-1])} and {known[-1]}"
    return f"There is no site called “{name}” in {file}; its sites are {listed}."

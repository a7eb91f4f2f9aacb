"""What the app remembers of the user's own choices between runs: the theme picked in the
command palette.

It is kept in a small JSON file the app owns, in the user state directory
(``~/.local/state/planner-tui/preferences.json`` on Linux, mode 0600), never in the user's
``config.toml``, which the app does not rewrite. Which theme wins: ``[ui] theme`` when the
config sets it, else the last theme picked in the palette, else ``textual-dark``.

Pure Python; reading never fails loudly (a missing or damaged file is no preference), and a
file that cannot be written only costs the memory of the pick.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tui_planner.cache_json import json_object, text
from tui_planner.config import write_private_file
from tui_planner.config.locations import APP_NAME

__all__ = [
    "DEFAULT_THEME",
    "Preferences",
    "preferences_file",
    "read_preferences",
    "write_preferences",
]

DEFAULT_THEME = "textual-dark"
"""The theme when neither the config nor a palette pick names one."""


@dataclass(frozen=True, slots=True)
class Preferences:
    """The user's remembered choices."""

    theme: str | None = None
    """The theme last picked in the palette (``None``: never picked)."""

    def theme_to_use(self, configured: str | None) -> str:
        """The theme to show: the config's explicit one, else the last pick, else the default."""
        return configured or self.theme or DEFAULT_THEME


def preferences_file(state_dir: Path | None = None) -> Path:
    """Where the preferences are kept (user state directory)."""
    root = state_dir if state_dir is not None else Path(platformdirs.user_state_dir(APP_NAME))
    return root / "preferences.json"


def read_preferences(path: Path | None) -> Preferences:
    """The preferences in ``path``; none at all when it is missing, unreadable or damaged."""
    if path is None:
        return Preferences()
    try:
        document = json_object(json.loads(path.read_bytes()))
        theme = document.get("theme")
        return Preferences(theme=text(theme) if theme is not None else None)
    except (OSError, ValueError, TypeError):
        return Preferences()


def write_preferences(path: Path, preferences: Preferences) -> None:
    """Keep ``preferences`` in ``path`` (0600, atomic); raises ``OSError`` when it cannot."""
    write_private_file(path, json.dumps({"theme": preferences.theme}, indent=1) + "\n")

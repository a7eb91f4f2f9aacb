"""The ``[ui]`` settings the first frame needs: theme, keys, week start and time zone.

They are read from the unvalidated file (:class:`~tui_planner.config.read.ConfigFile`) so
the first frame can be painted before pydantic is imported; a value of the wrong type counts
as unset there, and the validation after the first frame names it (the app then ends with
that sentence). Plain Python: no pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from .read import table, text_value

if TYPE_CHECKING:
    from .model import Config
    from .read import ConfigFile

__all__ = ["DEFAULT_THEME", "UiSettings", "WeekStart"]

DEFAULT_THEME = "textual-dark"
"""The Textual theme when ``[ui] theme`` is unset."""

WeekStart = Literal["monday", "sunday"]
"""The first day of the calendar's week."""


@dataclass(frozen=True, slots=True)
class UiSettings:
    """The ``[ui]`` settings the first frame needs."""

    theme: str | None = None
    """``[ui] theme`` when the config sets it; ``None`` leaves it to the user's last pick in
    the palette (:mod:`tui_planner.preferences`), then :data:`DEFAULT_THEME`."""
    week_start: WeekStart = "monday"
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id -> comma-separated keys."""
    timezone: str | None = None
    """``[ui] timezone`` (an IANA name), or ``None`` for the system's zone."""

    @classmethod
    def from_config(cls, config: Config) -> UiSettings:
        """The settings a validated ``config`` holds."""
        ui = config.ui
        theme = ui.theme if "theme" in ui.model_fields_set else None
        return cls(theme, ui.week_start, MappingProxyType(dict(ui.keymap)), ui.timezone)

    @classmethod
    def from_file(cls, file: ConfigFile) -> UiSettings:
        """The settings the unvalidated ``file`` holds, read leniently: a missing value or
        one of the wrong type is the default (validation names it later)."""
        ui = table(file.document, "ui")
        keymap = table(ui, "keymap")
        theme = ui.get("theme")
        week_start: WeekStart = "sunday" if ui.get("week_start") == "sunday" else "monday"
        return cls(
            theme=theme if isinstance(theme, str) and theme else None,
            week_start=week_start,
            keymap=MappingProxyType(
                {str(name): keys for name, keys in keymap.items() if text_value(keys)}
            ),
            timezone=text_value(ui.get("timezone")),
        )

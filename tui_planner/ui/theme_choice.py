"""Which theme the app shows: the config's, else the one the user last picked, else the default.

A theme picked in the palette is remembered for the next start (``preferences.json`` in the
state directory, :mod:`tui_planner.preferences`) unless ``[ui] theme`` in the config names
one, which wins at every start; then the pick is for this session, and the app says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_planner.preferences import Preferences, read_preferences, write_preferences

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from tui_planner.config import UiSettings

__all__ = ["ThemeChoice"]


class ThemeChoice:
    """The theme to show for the config's ``[ui]`` settings and the user's last pick."""

    def __init__(self, preferences_file: Path | None) -> None:
        self._file = preferences_file
        self.preferences: Preferences = read_preferences(preferences_file)
        """What the user picked before (the theme), kept apart from the config."""
        self._shown: str | None = None

    def apply(self, app: App[Any], ui: UiSettings) -> None:
        """Show the config's theme, else the user's last pick, else the default (naming a
        theme that does not exist)."""
        wanted = self.preferences.theme_to_use(ui.theme)
        if wanted in app.available_themes:
            self._shown = wanted
            app.theme = wanted
            return
        known = ", ".join(sorted(app.available_themes))
        where = "[ui] theme" if ui.theme else "the theme you picked last time"
        app.notify(
            f"There is no theme called {wanted!r} ({where}); using the default. Themes: {known}.",
            title="Unknown theme",
            severity="warning",
            markup=False,
        )

    def picked(self, app: App[Any], ui: UiSettings, theme: str) -> None:
        """``theme`` is on show now: remember it if the user picked it (in the palette) and
        the config names none."""
        if self._shown is None or theme == self._shown:
            return  # the app's own choice at start-up, not the user's
        self._shown = theme
        if ui.theme is not None:
            app.notify(
                f"The theme {theme} is for this session: [ui] theme in the config file "
                f"sets {ui.theme} for every start.",
                timeout=6,
                markup=False,
            )
            return
        self.preferences = Preferences(theme=theme)
        if self._file is None:
            return
        try:
            write_preferences(self._file, self.preferences)
        except OSError as error:
            app.log.warning("could not remember the theme", error)

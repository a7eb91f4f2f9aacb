"""``CommandContext``: what a command is given: the global options, and from them the config,
the clock and the log, each made once and only when the command asks for it.

``planner-tui config path`` needs no valid config; ``planner-tui status`` needs the config
loaded and the backend open. Commands ask the context and never read the flags or the
environment themselves, so a new global option (see :mod:`tui_planner.cli.options`) changes
what the context builds and no command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.config import locate_config
from tui_planner.debug_log import hide_secret, set_log_level, start_log

from .console import say
from .options import GlobalOptions

if TYPE_CHECKING:
    from pathlib import Path

    from tui_planner.clock import Clock
    from tui_planner.config import Config, ConfigLocation, LoadedConfig

__all__ = ["CommandContext"]


class CommandContext:
    """The global options of one run, and what is built from them on demand.

    ``clock`` is for tests: every "now" of the command comes from it (by default the system
    clock in the configured zone).
    """

    def __init__(self, options: GlobalOptions, *, clock: Clock | None = None) -> None:
        self.options = options
        """What the global flags said."""
        self._clock = clock
        self._loaded: LoadedConfig | None = None

    @property
    def location(self) -> ConfigLocation:
        """The config file the flags and the environment point at."""
        return locate_config(self.options.config)

    def start_log(self) -> Path | None:
        """Open the debug log (everything with ``--debug``, else warnings until the config
        says otherwise); returns its file, if it could be opened."""
        return start_log("debug" if self.options.debug else "warning")

    def load(self) -> LoadedConfig:
        """The validated config (loaded once; its warnings said on stderr). Raises
        :class:`~tui_planner.config.ConfigError` for a bad file."""
        if self._loaded is None:
            from tui_planner.config import load_config

            loaded = load_config(self.location)
            for warning in loaded.warnings:
                say(f"Warning: {warning}")
            loaded = self.choose_site(loaded)
            self.follow_config(loaded.config)
            self._loaded = loaded
        return self._loaded

    def choose_site(self, loaded: LoadedConfig) -> LoadedConfig:
        """``loaded`` for the site ``--site`` names (or ``default_site``); raises
        :class:`~tui_planner.config.ConfigError` for a site the file does not have."""
        from dataclasses import replace

        from tui_planner.config.sites import choose_site

        chosen = choose_site(loaded.config, self.options.site, path=loaded.location.path)
        return replace(loaded, config=chosen)

    @property
    def config(self) -> Config:
        """:meth:`load`'s config."""
        return self.load().config

    def follow_config(self, config: Config) -> None:
        """Log as ``config`` asks (unless ``--debug`` asked for everything), never its key."""
        if config.api.api_key is not None:
            hide_secret(config.api.api_key.get_secret_value())
        if config.sandbox.api_key is not None:
            hide_secret(config.sandbox.api_key.get_secret_value())
        if not self.options.debug:
            set_log_level(config.log.level)

    def clock(self) -> Clock:
        """The one clock of this run: the injected one, or the system's in ``[ui] timezone``."""
        if self._clock is None:
            from tui_planner.clock import SystemClock
            from tui_planner.zone import resolve_zone

            self._clock = SystemClock(resolve_zone(self.config.ui.timezone))
        return self._clock

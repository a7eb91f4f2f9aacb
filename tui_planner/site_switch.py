"""``SiteSwitch``: a :class:`~tui_planner.session.Session` for another site of the same
config file, so the app can change sites without restarting.

The app closes its session (its backend and engine) and starts the one this makes: the
config file is read again and chosen for the site (:func:`~tui_planner.config.sites.choose_site`),
the new session gets the site's own journal, and it opens the backend that config names,
as a start with ``--site NAME`` would.

Plain Python; no Textual.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tui_planner.backend import Connection, describe_backend, open_backend
from tui_planner.journal import Journal, journal_file
from tui_planner.session import Session

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from tui_planner.clock import Clock
    from tui_planner.config import Config, ConfigLocation

__all__ = ["SiteSwitch"]


class SiteSwitch:
    """Makes the session for a site named in the config file at ``location``.

    ``state_dir`` is where journals are kept (default: the user state directory; tests pass
    a temporary one); ``environ`` is where site keys are read (default: the process's).
    """

    def __init__(
        self,
        location: ConfigLocation,
        clock: Clock,
        *,
        state_dir: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.location = location
        """The config file the sites are read from."""
        self._clock = clock
        self._state_dir = state_dir
        self._environ = environ

    def session_for(self, name: str) -> Session:
        """A session for site ``name``, not open yet. Reads and validates the config file
        (so run it off the event loop); raises :class:`~tui_planner.config.ConfigError`
        with one sentence for a bad file or a site it does not have."""
        from tui_planner.config import load_config
        from tui_planner.config.sites import choose_site

        loaded = load_config(self.location, environ=self._environ)
        config = choose_site(loaded.config, name, path=self.location.path, environ=self._environ)
        info = describe_backend(config)
        where = journal_file(info.key, self._state_dir) if info.key is not None else None
        opener = partial(_open, config, self._clock, self.location.path)
        return Session(opener, info=info, clock=self._clock, journal=Journal(where, self._clock))


def _open(config: Config, clock: Clock, config_file: Path) -> Connection:
    """Open the backend of a config already validated and chosen (in the session's thread)."""
    return Connection(config, open_backend(config, clock), config_file)

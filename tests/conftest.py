"""Test isolation for the whole suite.

No test may read the user's real config, see their API key, or write into their home
directory: each test gets its own (missing) config file and data directories, and the
sandbox is always the backend unless a test sets a key itself.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# One time zone for every machine, so anything that reaches the system clock agrees.
os.environ["TZ"] = "UTC"
time.tzset()


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point config and data locations at a fresh directory and forget any API key."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # journals and the debug log
    monkeypatch.delenv("WIX_API_KEY", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_log_left_open() -> Iterator[None]:
    """Close the debug log a test (or the command it ran) opened, and forget its level and
    secrets, so no later test logs into another's file, misses records below its level or
    sees its words blotted out."""
    yield
    from tui_planner.debug_log import LOGGER_NAME, forget_secrets, stop_log

    stop_log()
    forget_secrets()
    logging.getLogger(LOGGER_NAME).setLevel(logging.NOTSET)

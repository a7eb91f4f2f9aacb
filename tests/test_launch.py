"""The launch record: what a start keeps so the next can paint before validating the config."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

import pytest

from tui_planner import __version__
from tui_planner.backend import BackendInfo
from tui_planner.clock import ManualClock
from tui_planner.config import ConfigError, ConfigLocation, load_config
from tui_planner.launch import (
    LaunchRecord,
    UiSettings,
    connect,
    fingerprint,
    launch_file,
    read_launch_record,
    write_launch_record,
)

RECORD = LaunchRecord(
    ui=UiSettings(
        "nord", "sunday", MappingProxyType({"calendar.today": "t,home"}), "Australia/Sydney"
    ),
    info=BackendInfo("SANDBOX ~/s.sqlite3", True, Path("/home/me/s.sqlite3"), "abc123"),
    warnings=("config.toml is readable by others",),
)


@pytest.fixture
def location(tmp_path: Path) -> ConfigLocation:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\ntheme = "nord"\n', encoding="utf-8")
    return ConfigLocation(path)


def test_a_record_reads_back_while_nothing_it_depends_on_changed(
    location: ConfigLocation, tmp_path: Path
) -> None:
    env = {"HOME": str(tmp_path)}
    write_launch_record(location, RECORD, environ=env, cache_dir=tmp_path / "cache")

    assert read_launch_record(location, environ=env, cache_dir=tmp_path / "cache") == RECORD
    written = launch_file(location, tmp_path / "cache")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_an_edited_config_file_makes_the_record_stale(
    location: ConfigLocation, tmp_path: Path
) -> None:
    write_launch_record(location, RECORD, environ={}, cache_dir=tmp_path)
    location.path.write_text('[ui]\ntheme = "gruvbox"\n', encoding="utf-8")

    assert read_launch_record(location, environ={}, cache_dir=tmp_path) is None


def test_setting_or_changing_the_api_key_makes_the_record_stale(
    location: ConfigLocation, tmp_path: Path
) -> None:
    write_launch_record(location, RECORD, environ={}, cache_dir=tmp_path)

    assert read_launch_record(location, environ={"WIX_API_KEY": "k1"}, cache_dir=tmp_path) is None
    assert fingerprint(location, {"WIX_API_KEY": "k1"}) != fingerprint(
        location, {"WIX_API_KEY": "k2"}
    )


def test_the_api_key_itself_is_never_written(location: ConfigLocation, tmp_path: Path) -> None:
    write_launch_record(location, RECORD, environ={"WIX_API_KEY": "IST.secret"}, cache_dir=tmp_path)

    assert "IST.secret" not in launch_file(location, tmp_path).read_text(encoding="utf-8")


def test_loosening_the_file_mode_makes_the_record_stale(
    location: ConfigLocation, tmp_path: Path
) -> None:
    location.path.chmod(0o600)
    write_launch_record(location, RECORD, environ={}, cache_dir=tmp_path)
    location.path.chmod(0o644)

    assert read_launch_record(location, environ={}, cache_dir=tmp_path) is None


def test_a_missing_config_file_has_a_fingerprint_too(tmp_path: Path) -> None:
    missing = ConfigLocation(tmp_path / "nowhere.toml")
    write_launch_record(missing, RECORD, environ={}, cache_dir=tmp_path)

    assert read_launch_record(missing, environ={}, cache_dir=tmp_path) == RECORD
    missing.path.write_text("", encoding="utf-8")
    assert read_launch_record(missing, environ={}, cache_dir=tmp_path) is None


def test_the_fingerprint_covers_the_planner_version(location: ConfigLocation) -> None:
    assert __version__  # the version is part of it, so an upgrade validates afresh
    assert fingerprint(location, {}) == fingerprint(location, {})


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: "not json",
        lambda d: json.dumps({**d, "ui": {**d["ui"], "week_start": "friday"}}),
        lambda d: json.dumps({**d, "ui": {**d["ui"], "keymap": {"calendar.today": 5}}}),
        lambda d: json.dumps({**d, "backend": {**d["backend"], "label": None}}),
        lambda d: json.dumps({key: value for key, value in d.items() if key != "warnings"}),
    ],
    ids=["not-json", "bad-week-start", "bad-keymap", "no-label", "no-warnings"],
)
def test_a_damaged_record_is_the_same_as_none(
    location: ConfigLocation, tmp_path: Path, damage: object
) -> None:
    write_launch_record(location, RECORD, environ={}, cache_dir=tmp_path)
    path = launch_file(location, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(damage(document), encoding="utf-8")  # type: ignore[operator]

    assert read_launch_record(location, environ={}, cache_dir=tmp_path) is None


async def test_connect_validates_keeps_the_record_and_opens_the_backend(
    location: ConfigLocation, tmp_path: Path
) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    location.path.write_text(
        f'[ui]\ntheme = "nord"\nweek_start = "sunday"\n[sandbox]\ndata_file = "{data_file}"\n',
        encoding="utf-8",
    )
    clock = ManualClock(datetime(2026, 11, 23, 9, tzinfo=UTC), tz=UTC)

    connection = connect(location, clock, environ={}, cache_dir=tmp_path / "cache")
    try:
        assert connection.config.ui.theme == "nord"
        assert connection.backend.data_file == data_file
        record = read_launch_record(location, environ={}, cache_dir=tmp_path / "cache")
        assert record is not None
        assert record.ui == UiSettings("nord", "sunday", MappingProxyType({}))
        assert record.info == connection.backend.info
    finally:
        await connection.backend.aclose()


def test_connect_reports_a_config_that_went_bad_as_the_usual_sentence(
    location: ConfigLocation, tmp_path: Path
) -> None:
    location.path.write_text('[sync]\nidle_interval = "soon"\n', encoding="utf-8")
    clock = ManualClock(datetime(2026, 11, 23, 9, tzinfo=UTC), tz=UTC)

    with pytest.raises(ConfigError) as caught:
        connect(location, clock, known=RECORD, environ={}, cache_dir=tmp_path)

    with pytest.raises(ConfigError) as direct:
        load_config(location, environ={})
    assert str(caught.value) == str(direct.value)


def test_a_start_with_a_matching_record_reaches_the_app_without_pydantic(tmp_path: Path) -> None:
    """Run the command twice in fresh processes; the second builds the app before pydantic."""
    config = tmp_path / "config.toml"
    config.write_text(f'[sandbox]\ndata_file = "{tmp_path / "s.sqlite3"}"\n', encoding="utf-8")
    script = """
import sys, types
from tui_planner import cli

class App:
    def __init__(self, session, **given):
        self.session = session
        self.config_error, self.return_code = None, 0
        validated = "loaded" in session._opener.keywords
        print("config given:", validated, "pydantic:", "pydantic" in sys.modules)

    def run(self):
        self.session.backend = self.session._opener().backend

module = types.ModuleType("tui_planner.ui.app")
module.PlannerApp = App
sys.modules["tui_planner.ui.app"] = module
sys.exit(cli.main([]))
"""
    env = {
        **os.environ,
        "PLANNER_TUI_CONFIG": str(config),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("WIX_API_KEY", None)

    def start() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert start() == "config given: True pydantic: True", "no record yet: validate first"
    assert start() == "config given: False pydantic: False", "record matches: paint first"
    config.write_text(config.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert start() == "config given: True pydantic: True", "edited: validate first again"


def test_the_configured_time_zone_reaches_the_apps_clock_on_either_start(tmp_path: Path) -> None:
    """``[ui] timezone`` sets the clock's zone whether the config or the record is read."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'[ui]\ntimezone = "Australia/Sydney"\n[sandbox]\ndata_file = "{tmp_path / "s.db"}"\n',
        encoding="utf-8",
    )
    script = """
import sys, types
from tui_planner import cli

class App:
    def __init__(self, session, **given):
        self.session, self.config_error, self.return_code = session, None, 0
        print(session.clock.tz, "config" if "loaded" in session._opener.keywords else "record")

    def run(self):
        self.session.backend = self.session._opener().backend

module = types.ModuleType("tui_planner.ui.app")
module.PlannerApp = App
sys.modules["tui_planner.ui.app"] = module
sys.exit(cli.main([]))
"""
    env = {
        **os.environ,
        "TZ": "America/New_York",
        "PLANNER_TUI_CONFIG": str(config),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("WIX_API_KEY", None)

    def start() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert start() == "Australia/Sydney config"
    assert start() == "Australia/Sydney record"
    config.write_text(f'[sandbox]\ndata_file = "{tmp_path / "s.db"}"\n', encoding="utf-8")
    assert start() == "America/New_York config", "unset: the system's zone (TZ)"

"""Where the config comes from, what wins, and the warning for a readable API key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui_planner.api.models.enums import ChannelName
from tui_planner.cli import main
from tui_planner.config import (
    Config,
    ConfigLocation,
    default_config_path,
    load_config,
    locate_config,
)
from tui_planner.config.field_docs import field_docstrings
from tui_planner.config.model import section_models

WriteConfig = Callable[[str], Path]


def test_missing_default_file_means_defaults() -> None:
    loaded = load_config()

    assert loaded.found is False
    assert loaded.config == Config()
    assert loaded.config.uses_sandbox


def test_defaults_match_the_documented_values() -> None:
    config = Config()

    assert config.api.base_url == "https://www.wixapis.com"
    assert (config.api.timeout, config.api.max_retries) == (30.0, 3)
    assert (config.sync.idle_interval, config.sync.generating_interval) == (30.0, 1.0)
    assert config.sync.generating_max_interval == 5.0
    assert (config.ui.theme, config.ui.week_start) == (
        "textual-dark",
        "monday",
    )
    assert config.sandbox.connected_channels == [
        ChannelName.FACEBOOK,
        ChannelName.INSTAGRAM,
        ChannelName.LINKEDIN,
    ]
    assert config.sandbox.resolved_data_file.name == "sandbox.sqlite3"


def test_every_field_of_every_section_has_a_docstring_for_the_starter() -> None:
    for section_name, model in section_models().items():
        docstrings = field_docstrings(model)
        for name in model.model_fields:
            assert docstrings.get(name, "").strip(), (
                f"{section_name}.{name} has no docstring; write one on the line under the field"
            )


def test_planner_tui_config_env_var_points_at_another_file(
    write_config: WriteConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config("[ui]\nweek_start = 'sunday'\n")
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(path))

    loaded = load_config()

    assert loaded.location == ConfigLocation(path, explicit=False)
    assert loaded.config.ui.week_start == "sunday"


def test_config_flag_wins_over_the_env_var(
    write_config: WriteConfig, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(tmp_path / "other.toml"))
    path = write_config("")

    assert locate_config(path) == ConfigLocation(path, explicit=True)


def test_default_location_is_the_platform_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANNER_TUI_CONFIG")

    location = locate_config()

    assert location == ConfigLocation(default_config_path(), explicit=False)
    assert location.path.parent.name == "planner-tui"


def test_env_var_file_that_does_not_exist_means_defaults(tmp_path: Path) -> None:
    loaded = load_config(locate_config(environ={"PLANNER_TUI_CONFIG": str(tmp_path / "x.toml")}))

    assert loaded.found is False
    assert loaded.config == Config()


def test_wix_api_key_env_var_wins_over_the_file(
    write_config: WriteConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config('[api]\napi_key = "from-file"\nsite_id = "site"\n')
    monkeypatch.setenv("WIX_API_KEY", "from-env")

    config = load_config(ConfigLocation(path)).config

    assert config.api.api_key is not None
    assert config.api.api_key.get_secret_value() == "from-env"
    assert not config.uses_sandbox


def test_wix_api_key_env_var_alone_selects_wix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIX_API_KEY", "from-env")

    assert load_config().config.uses_sandbox is False


def test_blank_api_key_means_the_sandbox(write_config: WriteConfig) -> None:
    path = write_config('[api]\napi_key = ""\n')

    assert load_config(ConfigLocation(path)).config.uses_sandbox


def test_api_key_never_shows_in_the_config_repr(write_config: WriteConfig) -> None:
    path = write_config('[api]\napi_key = "very-secret"\n')

    config = load_config(ConfigLocation(path)).config

    assert "very-secret" not in repr(config)
    assert "very-secret" not in str(config)


def test_api_key_readable_by_others_gives_a_warning(write_config: WriteConfig) -> None:
    path = write_config('[api]\napi_key = "secret"\n')
    path.chmod(0o644)

    loaded = load_config(ConfigLocation(path))

    assert loaded.warnings == (
        f"The config file {path} holds an API key that other users can read; "
        f"run `chmod 600 {path}` to keep it private.",
    )


def test_private_file_with_api_key_gives_no_warning(write_config: WriteConfig) -> None:
    path = write_config('[api]\napi_key = "secret"\n')

    assert load_config(ConfigLocation(path)).warnings == ()


def test_readable_file_without_api_key_gives_no_warning(write_config: WriteConfig) -> None:
    path = write_config("[ui]\ntheme = 'nord'\n")
    path.chmod(0o644)

    assert load_config(ConfigLocation(path)).warnings == ()


def test_cli_prints_the_permission_warning_and_carries_on(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('[api]\napi_key = "secret"\nsite_id = "site"\n')
    path.chmod(0o640)

    code = main(["--config", str(path), "config", "show"])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.err.startswith(f"Warning: The config file {path} holds an API key")


def test_values_from_the_file_are_used(write_config: WriteConfig) -> None:
    path = write_config(
        "[sync]\nidle_interval = 12\n\n"
        '[ui.keymap]\n"calendar.today" = "t,home"\n\n'
        "[sandbox]\nconnected_channels = ['TIKTOK']\ndata_file = '~/sandbox.db'\n"
    )

    config = load_config(ConfigLocation(path)).config

    assert config.sync.idle_interval == 12.0
    assert config.ui.keymap == {"calendar.today": "t,home"}
    assert config.sandbox.connected_channels == [ChannelName.TIKTOK]
    assert config.sandbox.resolved_data_file == Path.home() / "sandbox.db"

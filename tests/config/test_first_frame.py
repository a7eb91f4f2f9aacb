"""What the first frame reads from config.toml before it is validated: the [ui] settings and
which backend this is, the same as the validated config says, and lenient about the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest

from tui_planner.backend import describe_backend, describe_file
from tui_planner.config import (
    ConfigError,
    ConfigLocation,
    UiSettings,
    read_config_file,
    validate_config,
)
from tui_planner.config.locations import display_path

WriteConfig = Callable[[str], Path]

VALID_FILES = {
    "empty": "",
    "ui": (
        '[ui]\ntheme = "nord"\nweek_start = "sunday"\ntimezone = " Europe/Berlin "\n'
        '[ui.keymap]\n"calendar.today" = "t,home"\n'
    ),
    "sandbox-file": '[sandbox]\ndata_file = "~/plans/sandbox.sqlite3"\n',
    "sandbox-in-memory": '[sandbox]\ndata_file = ":memory:"\n',
    "wix": '[api]\napi_key = "IST.key"\nsite_id = "0123456789abcdef"\nbase_url = "http://x.io/"\n',
    "blank-key-is-the-sandbox": '[api]\napi_key = "  "\n',
}


@pytest.mark.parametrize("text", VALID_FILES.values(), ids=VALID_FILES.keys())
def test_a_valid_file_reads_the_same_before_and_after_validation(
    write_config: WriteConfig, text: str
) -> None:
    file = read_config_file(ConfigLocation(write_config(text)))

    config = validate_config(file, environ={}).config

    assert UiSettings.from_file(file) == UiSettings.from_config(config)
    assert describe_file(file, environ={}) == describe_backend(config)


def test_the_api_key_variable_means_wix_before_validation_too(write_config: WriteConfig) -> None:
    file = read_config_file(ConfigLocation(write_config('[api]\nsite_id = "site-1"\n')))
    environ = {"WIX_API_KEY": "IST.from-env"}

    info = describe_file(file, environ=environ)

    assert not info.is_sandbox
    assert info == describe_backend(validate_config(file, environ=environ).config)


def test_an_api_key_without_a_site_id_stops_before_the_first_frame(
    write_config: WriteConfig,
) -> None:
    file = read_config_file(ConfigLocation(write_config('[api]\napi_key = "IST.key"\n')))

    with pytest.raises(ConfigError) as early:
        describe_file(file, environ={})
    with pytest.raises(ConfigError) as late:
        describe_backend(validate_config(file, environ={}).config)
    assert str(early.value) == str(late.value)


def test_values_of_the_wrong_type_are_the_defaults_until_validation_names_them(
    write_config: WriteConfig,
) -> None:
    path = write_config(
        "[ui]\ntheme = 5\nweek_start = \"friday\"\ntimezone = []\nkeymap = {a = 1, b = ' '}\n"
        "[sandbox]\ndata_file = 7\n"
    )
    file = read_config_file(ConfigLocation(path))

    assert UiSettings.from_file(file) == UiSettings(keymap=MappingProxyType({}))
    assert describe_file(file, environ={}).is_sandbox
    with pytest.raises(ConfigError, match=r"`ui\.theme`"):
        validate_config(file, environ={})


def test_a_table_that_is_not_a_table_is_no_table(write_config: WriteConfig) -> None:
    file = read_config_file(ConfigLocation(write_config('ui = "dark"\napi = 3\n')))

    assert UiSettings.from_file(file) == UiSettings()
    assert describe_file(file, environ={}).is_sandbox


def test_a_missing_file_is_the_defaults_and_found_false(tmp_path: Path) -> None:
    file = read_config_file(ConfigLocation(tmp_path / "nowhere.toml"))

    assert not file.found
    assert UiSettings.from_file(file) == UiSettings()
    assert validate_config(file, environ={}).found is False


def test_a_readable_api_key_file_warns_before_the_first_frame(write_config: WriteConfig) -> None:
    path = write_config('[api]\napi_key = "IST.key"\nsite_id = "s"\n')
    path.chmod(0o644)

    file = read_config_file(ConfigLocation(path))

    (warning,) = file.warnings
    assert "other users can read" in warning
    assert validate_config(file, environ={}).warnings == file.warnings


SITES = (
    'default_site = "shop"\n'
    '[api]\napi_key = "IST.account"\n'
    '[sites.shop]\nsite_id = "shop-site"\n'
    '[sites.studio]\nsite_id = "studio-site"\nbase_url = "https://studio.example/"\n'
    "[sites.rehearsal]\nsandbox = true\n"
)


@pytest.mark.parametrize("site", [None, "shop", "studio", "rehearsal"])
def test_each_site_reads_the_same_before_and_after_validation(
    write_config: WriteConfig, site: str | None
) -> None:
    from tui_planner.config.sites import choose_site

    file = read_config_file(ConfigLocation(write_config(SITES)))
    config = choose_site(validate_config(file, environ={}).config, site, environ={})

    info = describe_file(file, environ={}, site=site)

    assert info == describe_backend(config)
    assert info.site_name == (site or "shop")
    assert info.label.startswith(f"{site or 'shop'} · ")


def test_a_site_the_file_does_not_have_is_named_before_the_first_frame(
    write_config: WriteConfig,
) -> None:
    path = write_config(SITES)
    file = read_config_file(ConfigLocation(path))

    with pytest.raises(ConfigError) as raised:
        describe_file(file, environ={}, site="nowhere")

    assert str(raised.value) == (
        f"There is no site called “nowhere” in {display_path(path)}; "
        "its sites are shop, studio and rehearsal."
    )

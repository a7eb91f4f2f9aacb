"""Several sites in one config: [sites.NAME] tables, default_site, and choosing one."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui_planner.backend import describe_backend
from tui_planner.config import ConfigError, load_config, locate_config, starter_config_text
from tui_planner.config.sites import choose_site, site_data_file

SITES = """\
default_site = "shop"

[api]
site_id = "written-in-api"

[sites.shop]
site_id = "0f3c-shop"
api_key_env = "SHOP_WIX_KEY"

[sites.studio]
site_id = "9a1b-studio"
base_url = "http://127.0.0.1:8765"
api_key = "IST.studio"

[sites.account]
site_id = "77aa-account"

[sites.rehearsal]
sandbox = true
data_file = "{tmp}/rehearsal.sqlite3"
"""


def load(tmp_path: Path, text: str, environ: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(text.format(tmp=tmp_path), encoding="utf-8")
    path.chmod(0o600)
    return load_config(locate_config(path), environ=environ or {})


def test_default_site_is_chosen_and_its_key_read_from_its_variable(tmp_path: Path) -> None:
    env = {"SHOP_WIX_KEY": "IST.shop", "WIX_API_KEY": "IST.account"}
    config = choose_site(load(tmp_path, SITES, env).config, None, environ=env)

    assert config.site == "shop"
    assert config.api.site_id == "0f3c-shop"
    assert config.api.api_key is not None
    assert config.api.api_key.get_secret_value() == "IST.shop"
    info = describe_backend(config)
    assert info.label == "shop · Wix site 0f3c-shop"
    assert info.site_name == "shop"


def test_site_flag_wins_and_each_site_keeps_its_host_and_key(tmp_path: Path) -> None:
    config = choose_site(load(tmp_path, SITES).config, "studio", environ={})

    assert (config.site, config.api.site_id, config.api.base_url) == (
        "studio",
        "9a1b-studio",
        "http://127.0.0.1:8765",
    )
    assert config.api.api_key is not None
    assert config.api.api_key.get_secret_value() == "IST.studio"


def test_a_site_without_a_key_of_its_own_uses_wix_api_key(tmp_path: Path) -> None:
    env = {"WIX_API_KEY": "IST.account"}
    config = choose_site(load(tmp_path, SITES, env).config, "account", environ=env)

    assert config.api.api_key is not None
    assert config.api.api_key.get_secret_value() == "IST.account"


def test_a_sandbox_site_is_the_sandbox_with_its_own_file_whatever_wix_api_key_says(
    tmp_path: Path,
) -> None:
    env = {"WIX_API_KEY": "IST.account"}
    config = choose_site(load(tmp_path, SITES, env).config, "rehearsal", environ=env)

    assert config.uses_sandbox
    assert config.sandbox.data_file == tmp_path / "rehearsal.sqlite3"
    assert describe_backend(config).label.startswith("rehearsal · SANDBOX ")


def test_a_sandbox_site_without_a_file_gets_one_named_after_it(tmp_path: Path) -> None:
    text = "[sites.trial]\nsandbox = true\n"
    config = choose_site(load(tmp_path, text).config, "trial", environ={})

    assert config.sandbox.data_file == site_data_file("trial")
    assert config.sandbox.data_file.name == "sandbox-trial.sqlite3"


def test_an_unknown_site_is_one_sentence_naming_the_file_and_the_sites(tmp_path: Path) -> None:
    loaded = load(tmp_path, SITES)
    with pytest.raises(ConfigError) as raised:
        choose_site(loaded.config, "shpo", path=loaded.location.path, environ={})

    assert str(raised.value) == (
        f"There is no site called “shpo” in {loaded.location.path}; its sites are shop, "
        "studio, account and rehearsal."
    )


def test_a_site_whose_key_variable_is_unset_says_which_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="environment variable SHOP_WIX_KEY, which is not set"):
        choose_site(load(tmp_path, SITES).config, "shop", environ={"WIX_API_KEY": "IST.other"})


def test_without_sites_or_a_default_the_config_is_used_as_written(tmp_path: Path) -> None:
    config = load(tmp_path, "[api]\nsite_id = 'x'\n").config

    assert choose_site(config, None, environ={}) is config
    with pytest.raises(ConfigError, match=r"has no \[sites\.NAME\] tables"):
        choose_site(config, "shop", environ={})


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            'default_site = "nope"\n[sites.shop]\nsite_id = "x"\n',
            "bad value for `default_site` at line 1: expected the name of a [sites.NAME] "
            "table (shop)",
        ),
        (
            "[sites.shop]\nsite_idd = 'x'\n",
            "unknown key `sites.shop.site_idd` at line 2: expected one of site_id, base_url, "
            "api_key_env, api_key, sandbox, data_file",
        ),
        (
            "[sites.shop]\nsandbox = true\nsite_id = 'x'\n",
            "expected no site_id for a sandbox site (sandbox = true)",
        ),
        ("[sites.shop]\napi_key_env = 'K'\n", "expected site_id (the Wix site's id), or sandbox"),
        ('[sites."my shop"]\nsandbox = true\n', "expected site names of letters, digits"),
    ],
)
def test_mistakes_in_sites_are_one_sentence(tmp_path: Path, text: str, sentence: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load(tmp_path, text)
    assert sentence in str(raised.value)


def test_a_key_written_in_a_site_table_that_others_can_read_is_warned_about(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(SITES.format(tmp=tmp_path), encoding="utf-8")
    path.chmod(0o644)

    warnings = load_config(locate_config(path), environ={}).warnings

    assert any("holds an API key that other users can read" in w for w in warnings)


def test_the_starter_documents_sites_and_stays_a_valid_empty_config() -> None:
    text = starter_config_text()

    assert tomllib.loads(text) == {"api": {}, "sync": {}, "ui": {}, "sandbox": {}, "log": {}}
    assert '# default_site = "shop"' in text
    assert "# [sites.shop]" in text
    assert '# api_key_env = "SHOP_WIX_KEY"' in text

"""Files the app writes: the starter config, the example, the shown config; all 0600."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from tui_planner.cli import main
from tui_planner.config import (
    Config,
    ConfigLocation,
    config_to_toml,
    load_config,
    starter_config_text,
    write_private_file,
)
from tui_planner.config.field_docs import field_docstrings
from tui_planner.config.key_lines import find_key_line
from tui_planner.config.model import section_models

REPOSITORY = Path(__file__).resolve().parents[2]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_write_private_file_is_0600_and_replaces_atomically(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "profile.toml"

    write_private_file(path, "a = 1\n")
    write_private_file(path, "a = 2\n")

    assert path.read_text() == "a = 2\n"
    assert mode_of(path) == 0o600
    assert [entry.name for entry in path.parent.iterdir()] == ["profile.toml"]


def test_starter_parses_to_the_defaults() -> None:
    assert Config.model_validate(tomllib.loads(starter_config_text())) == Config()


def test_starter_documents_every_key_with_its_docstring() -> None:
    text = starter_config_text()
    # Joining the comment lines undoes the wrapping, leaving "<docstring> <key> = <value>".
    unwrapped = text.replace("\n#", "")

    for section_name, model in section_models().items():
        assert f"[{section_name}]" in text
        docstrings = field_docstrings(model)
        for key in model.model_fields:
            assert f"\n# {key} = " in text
            assert f" {docstrings[key]} {key} = " in unwrapped


def test_config_example_in_the_repository_is_the_starter() -> None:
    example = (REPOSITORY / "config.example.toml").read_text(encoding="utf-8")

    assert example == starter_config_text()


def test_config_init_writes_a_private_starter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "config.toml"

    code = main(["--config", str(path), "config", "init"])

    assert code == 0
    assert path.read_text(encoding="utf-8") == starter_config_text()
    assert mode_of(path) == 0o600
    assert capsys.readouterr().out == f"Wrote a starter config to {path}.\n"
    assert load_config(ConfigLocation(path, explicit=True)).config == Config()


def test_config_init_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# mine, hand-edited\n")

    code = main(["--config", str(path), "config", "init"])

    assert code == 1
    assert path.read_text() == "# mine, hand-edited\n"
    assert capsys.readouterr().err == (
        f"The config file {path} already exists; pass --force to replace it.\n"
    )


def test_config_init_force_replaces(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# mine\n")

    assert main(["config", "init", "--force", "--config", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == starter_config_text()


def test_config_init_uses_planner_tui_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.toml"
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(path))

    assert main(["config", "init"]) == 0
    assert path.exists()


def test_config_path_prints_the_file_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(tmp_path / "env.toml"))

    assert main(["config", "path"]) == 0
    assert main(["--config", str(tmp_path / "flag.toml"), "config", "path"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / "env.toml"),
        str(tmp_path / "flag.toml"),
    ]


def test_config_show_redacts_the_api_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    write_private_file(path, '[api]\napi_key = "very-secret"\nsite_id = "site-1"\n')

    assert main(["--config", str(path), "config", "show"]) == 0

    out = capsys.readouterr().out
    assert "very-secret" not in out
    shown = tomllib.loads(out)
    assert shown["api"]["api_key"] == "********"
    assert shown["api"]["site_id"] == "site-1"


def test_config_show_redacts_a_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIX_API_KEY", "env-secret")

    assert main(["config", "show"]) == 0

    out = capsys.readouterr().out
    assert "env-secret" not in out
    assert "# api.api_key comes from the WIX_API_KEY environment variable." in out
    assert tomllib.loads(out)["api"]["api_key"] == "********"


def test_config_show_round_trips_the_effective_values() -> None:
    config = Config.model_validate({"sync": {"idle_interval": 9.5}, "sandbox": {"seed": 3}})

    shown = tomllib.loads(config_to_toml(config))

    assert shown["sync"]["idle_interval"] == 9.5
    assert shown["sandbox"]["seed"] == 3
    assert shown["sandbox"]["connected_channels"] == ["FACEBOOK", "INSTAGRAM", "LINKEDIN"]


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("[a]\nx = 1\n[b]\nx = 2\n", ("b", "x"), 4),
        ("b.x = 1\n", ("b", "x"), 1),
        ('[a]\n"odd.key" = 1\n', ("a", "odd.key"), 2),
        ("[a]\nx = { y = 1 }\n", ("a", "x", "y"), 2),
        ('s = """\n[b]\nx = 1\n"""\n[b]\nx = 2\n', ("b", "x"), 6),
        ("[a]\nx = [\n  1,\n]\n", ("a", "x"), 2),
        ("[a]\n", ("b",), None),
    ],
)
def test_find_key_line(text: str, key: tuple[str, ...], line: int | None) -> None:
    assert find_key_line(text, key) == line

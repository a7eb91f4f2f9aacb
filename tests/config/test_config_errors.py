"""A bad config file is one sentence naming the file, the line, the key and what was expected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui_planner.cli import main
from tui_planner.config import ConfigError, ConfigLocation, load_config

WriteConfig = Callable[[str], Path]


def load_error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(ConfigLocation(path, explicit=True))
    return caught.value


def test_malformed_toml_names_file_line_and_key(write_config: WriteConfig) -> None:
    path = write_config('[api]\nsite_id = "abc"\nbase_url = \n')

    error = load_error(path)

    assert str(error) == (
        f"The config file {path} is not valid TOML at line 3, in `api.base_url`: invalid value."
    )
    assert error.line == 3


def test_unterminated_string_at_end_of_file_is_a_sentence(write_config: WriteConfig) -> None:
    path = write_config('[ui]\ntheme = """textual\n')

    assert str(load_error(path)) == (
        f"The config file {path} is not valid TOML at its end: unterminated string."
    )


def test_unknown_key_names_its_line_and_the_keys_allowed(write_config: WriteConfig) -> None:
    path = write_config("[sync]\nidle_interval = 10.0\n\nidle_intervall = 5.0\n")

    error = load_error(path)

    assert str(error) == (
        f"The config file {path} has an unknown key `sync.idle_intervall` at line 4: "
        "expected one of idle_interval, generating_interval, generating_max_interval."
    )
    assert (error.key, error.line) == ("sync.idle_intervall", 4)


def test_unknown_section_is_named(write_config: WriteConfig) -> None:
    path = write_config("[api]\n\n[colours]\naccent = 'red'\n")

    assert str(load_error(path)) == (
        f"The config file {path} has an unknown key `colours` at line 3: "
        "expected one of api, sync, ui, sandbox, log, sites, default_site."
    )


@pytest.mark.parametrize(
    ("text", "key", "line", "expected"),
    [
        ('[sync]\nidle_interval = "fast"\n', "sync.idle_interval", 2, "expected a number"),
        ("sync.idle_interval = 0\n", "sync.idle_interval", 1, "expected a number greater than 0"),
        ('[sandbox]\npremium = "yes"\n', "sandbox.premium", 2, "expected true or false"),
        ("[sandbox]\nseed = 1.5\n", "sandbox.seed", 2, "expected a whole number"),
        (
            "[sandbox]\nerror_rate = 1.5\n",
            "sandbox.error_rate",
            2,
            "expected a number of at most 1",
        ),
        ('[ui]\nweek_start = "friday"\n', "ui.week_start", 2, "expected 'monday' or 'sunday'"),
        ("[api]\nsite_id = 42\n", "api.site_id", 2, "expected a quoted string"),
        ("api = 5\n", "api", 1, "expected a table"),
        (
            '[ui.keymap]\n"calendar.today" = 1\n',
            'ui.keymap."calendar.today"',
            2,
            "expected a quoted string",
        ),
        (
            '[api]\nbase_url = "www.wixapis.com"\n',
            "api.base_url",
            2,
            "expected a URL starting with https:// or http://",
        ),
    ],
)
def test_wrong_type_names_key_line_and_what_was_expected(
    write_config: WriteConfig, text: str, key: str, line: int, expected: str
) -> None:
    path = write_config(text)

    error = load_error(path)

    assert str(error) == (
        f"The config file {path} has a bad value for `{key}` at line {line}: {expected}."
    )


def test_unknown_channel_is_refused_rather_than_kept(write_config: WriteConfig) -> None:
    path = write_config('[sandbox]\nconnected_channels = [\n  "FACEBOOK",\n  "MYSPACE",\n]\n')

    message = str(load_error(path))

    assert "`sandbox.connected_channels` at line 2" in message
    assert message.endswith("not MYSPACE.")


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"

    assert str(load_error(path)) == (
        f"The config file {path} does not exist; create it with "
        f"`planner-tui --config {path} config init` or leave out --config."
    )


def test_file_that_is_not_utf8_names_the_line(write_config: WriteConfig) -> None:
    path = write_config("")
    path.write_bytes(b'[ui]\ntheme = "\xff"\n')

    assert str(load_error(path)) == f"The config file {path} is not UTF-8 text at line 2."


@pytest.mark.parametrize(
    ("text", "sentence_start"),
    [
        ("[api\n", "is not valid TOML at line 1"),
        ("[api]\nsurprise = 1\n", "has an unknown key `api.surprise` at line 2"),
        ("[api]\ntimeout = 'long'\n", "has a bad value for `api.timeout` at line 2"),
    ],
)
def test_cli_prints_one_sentence_and_exits_2_for_a_bad_file(
    write_config: WriteConfig,
    capsys: pytest.CaptureFixture[str],
    text: str,
    sentence_start: str,
) -> None:
    path = write_config(text)

    code = main(["--config", str(path), "config", "show"])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith(f"The config file {path} {sentence_start}")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_app_refuses_to_start_with_a_bad_file(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("[ui]\ntheme = 3\n")

    assert main(["--config", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"The config file {path} has a bad value for `ui.theme` at line 2: "
        "expected a quoted string.\n"
    )


def test_a_bad_time_zone_is_one_sentence_naming_key_and_value_and_exit_2(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('[ui]\ntheme = "nord"\ntimezone = "Mars/Olympus"\n')

    assert main(["--config", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"The config file {path} has a bad value for `ui.timezone` at line 3: "
        "expected an IANA time zone name such as Europe/Berlin, not 'Mars/Olympus'.\n"
    )


def test_a_time_zone_in_the_wrong_case_is_given_its_spelling(write_config: WriteConfig) -> None:
    path = write_config('[ui]\ntimezone = "america/new_york"\n')

    assert str(load_error(path)).endswith(
        "not 'america/new_york' (did you mean America/New_York?)."
    )


@pytest.mark.parametrize(("written", "kept"), [('"Asia/Tokyo"', "Asia/Tokyo"), ('"  "', None)])
def test_a_good_or_blank_time_zone_loads(
    write_config: WriteConfig, written: str, kept: str | None
) -> None:
    path = write_config(f"[ui]\ntimezone = {written}\n")

    assert load_config(ConfigLocation(path, explicit=True)).config.ui.timezone == kept


def test_an_unknown_binding_id_in_the_keymap_is_named_and_exit_2(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('[ui.keymap]\n"calendar.todya" = "t"\n')

    assert main(["--config", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"The config file {path} has a bad value for `ui.keymap` at line 1: expected a "
        "binding id the help screen (? or f1) lists, not 'calendar.todya' (did you mean "
        "calendar.today?).\n"
    )


def test_the_former_date_format_key_is_refused_with_its_line(write_config: WriteConfig) -> None:
    # [ui] date_format was read by nothing (issue 18, item 7): it is gone from the model,
    # so a file that still sets it hears so, not silence.
    path = write_config('[ui]\nweek_start = "monday"\ndate_format = "%d/%m"\n')

    message = str(load_error(path))

    assert "`ui.date_format`" in message
    assert "line 3" in message


def test_a_known_binding_id_in_the_keymap_loads(write_config: WriteConfig) -> None:
    path = write_config('[ui.keymap]\n"calendar.today" = "t,home"\n')

    assert load_config(ConfigLocation(path, explicit=True)).config.ui.keymap == {
        "calendar.today": "t,home"
    }

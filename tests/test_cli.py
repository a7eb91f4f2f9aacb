"""The planner-tui command: help, flags, running the app, and the sandbox subcommands."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import tui_planner.sandbox
from tui_planner.backend import BackendInfo
from tui_planner.cli import main
from tui_planner.config import ConfigError, UiSettings, write_private_file
from tui_planner.debug_log import log_file
from tui_planner.journal import journal_file
from tui_planner.preferences import preferences_file
from tui_planner.session import Session
from tui_planner.site_switch import SiteSwitch

REPOSITORY = Path(__file__).resolve().parents[1]


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPOSITORY), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPOSITORY,
        check=False,
    )


def use_sandbox_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> Path:
    """Point the config at a sandbox data file in ``tmp_path``; return that file."""
    data_file = tmp_path / "sandbox.sqlite3"
    config = tmp_path / "config.toml"
    write_private_file(config, f"[sandbox]\ndata_file = '{data_file}'\n{extra}")
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))
    return data_file


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("usage: planner-tui")
    assert "config" in out
    assert "sandbox" in out


def test_python_dash_m_help_works() -> None:
    result = run_python("-m", "tui_planner", "--help")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: planner-tui")


def test_installed_planner_tui_help_works() -> None:
    script = shutil.which("planner-tui")
    if script is None:
        pytest.skip("planner-tui is not installed here; `pip install .` puts it on PATH")

    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: planner-tui")


def test_config_commands_never_import_textual() -> None:
    result = run_python(
        "-c",
        "import sys, tui_planner.cli, tui_planner.config, tui_planner.backend;"
        "sys.exit('textual' in sys.modules)",
    )

    assert result.returncode == 0, result.stderr


def test_bad_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--colour"]) == 2

    err = capsys.readouterr().err
    assert "unrecognized arguments: --colour" in err
    assert "Traceback" not in err


def test_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "serve", "--port", "seventy"]) == 2
    assert "expected a port number, not 'seventy'" in capsys.readouterr().err


def test_command_group_without_a_command_shows_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["config"]) == 2
    assert "init" in capsys.readouterr().err


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("planner-tui ")


class FakePlannerApp:
    """Stands in for the Textual app: records what it was given; opens the session on run,
    keeping a config error for the command to report, as the real app does."""

    created: list[FakePlannerApp] = []

    def __init__(
        self,
        session: Session,
        *,
        ui: UiSettings,
        calendar_file: Path | None,
        preferences_file: Path | None,
        sites: SiteSwitch | None,
    ) -> None:
        self.session = session
        self.ui = ui
        self.info = session.info
        self.calendar_file = calendar_file
        self.preferences_file = preferences_file
        self.sites = sites
        self.config_error: ConfigError | None = None
        self.return_code: int | None = None
        FakePlannerApp.created.append(self)

    def run(self) -> None:
        assert self.session.config is None, "validated after the first frame, not before"
        try:
            asyncio.run(self.session.open())
        except ConfigError as error:
            self.config_error = error
            return
        assert self.session.backend is not None
        assert not self.session.backend.closed


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[FakePlannerApp]:
    """Replace the Textual app with :class:`FakePlannerApp`; the list fills as it is made."""
    fake_module = types.ModuleType("tui_planner.ui.app")
    fake_module.PlannerApp = FakePlannerApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui_planner.ui.app", fake_module)
    FakePlannerApp.created.clear()
    return FakePlannerApp.created


def test_running_without_a_command_starts_the_app_on_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_app: list[FakePlannerApp]
) -> None:
    data_file = use_sandbox_file(
        tmp_path, monkeypatch, "[ui]\nweek_start = 'sunday'\ntheme = 'nord'\n"
    )

    assert main([]) == 0

    (app,) = fake_app
    assert app.ui.week_start == "sunday", "the first frame's settings, read before validation"
    assert app.ui.theme == "nord"
    assert app.info.is_sandbox
    assert app.info.data_file == data_file
    assert app.info.key is not None
    assert app.calendar_file is not None
    assert app.calendar_file.name == f"{app.info.key}.json"
    assert app.session.journal.path == journal_file(app.info.key), "one journal per backend"
    assert app.preferences_file == preferences_file(), "the theme picked is remembered"
    assert app.sites is not None, "the palette can switch to another site of the file"
    assert app.session.config is not None, "validated once the app opened the session"
    assert app.session.config.ui.week_start == "sunday"
    assert app.session.info == app.info, "the validated config names the same backend"
    assert app.session.config_file == tmp_path / "config.toml", "named when a key is refused"
    assert app.session.backend is not None
    assert app.session.backend.data_file == data_file
    assert app.session.backend.closed, "the command closes the backend the app opened"


def test_a_bad_value_is_found_after_the_first_frame_and_is_still_a_sentence_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_app: list[FakePlannerApp],
) -> None:
    use_sandbox_file(tmp_path, monkeypatch, "[sync]\nidle_interval = 'soon'\n")

    assert main([]) == 2

    (app,) = fake_app
    assert app.config_error is not None, "met when the app opened the session"
    err = capsys.readouterr().err
    assert "idle_interval" in err
    assert "line 4" in err, "the usual sentence names the line"
    assert "Traceback" not in err


def test_a_file_that_is_not_toml_stops_before_the_app(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_app: list[FakePlannerApp],
) -> None:
    use_sandbox_file(tmp_path, monkeypatch, "[ui\n")

    assert main([]) == 2

    assert fake_app == [], "no screen for a file that cannot even be read as TOML"
    assert "is not valid TOML at line 3" in capsys.readouterr().err


_LATER = (
    '("pydantic", "httpx", "starlette", "tui_planner.sandbox", "tui_planner.sync.engine",'
    ' "dateutil", "textual.widgets._data_table", "textual.widgets._selection_list",'
    ' "tui_planner.store.search", "tui_planner.ui.dialogs", "tui_planner.ui.screens.help",'
    ' "tui_planner.ui.screens.first_run", "tui_planner.ui.widgets.week_view",'
    ' "tui_planner.cli.commands")'
)
"""The modules that come after the first frame, as the fresh processes below name them:
validation, the clients, the sandbox and the engine, and what only a later screen, a
recurring event, the week list, a search or a command needs (about 40 ms of each start)."""


def _run_fresh(script: str, tmp_path: Path, config_text: str, **env: str) -> str:
    """Run ``script`` in a fresh Python over a config of ``config_text`` and private user
    directories; returns what it printed (and checks that it ended well)."""
    config = tmp_path / "config.toml"
    config.write_text(config_text, encoding="utf-8")
    environ = {
        **os.environ,
        **env,
        "PLANNER_TUI_CONFIG": str(config),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    environ.pop("WIX_API_KEY", None)
    done = subprocess.run(
        [sys.executable, "-c", script.replace("LATER_MODULES", _LATER)],
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPOSITORY,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_app_is_built_before_pydantic_httpx_or_the_engine_is_imported(tmp_path: Path) -> None:
    """In a fresh process, the real app is built with its zone and backend before anything
    that comes after the first frame (validation, the clients, the sandbox, the engine)."""
    script = """
import sys
from tui_planner import cli
from tui_planner.ui.app import PlannerApp

def run(self):
    loaded = [name for name in LATER_MODULES if name in sys.modules]
    print(self.session.clock.tz, self.session.info.label.startswith("SANDBOX"), loaded)

PlannerApp.run = run
sys.exit(cli.main([]))
"""
    config = f'[ui]\ntimezone = "Australia/Sydney"\n[sandbox]\ndata_file = "{tmp_path / "s.db"}"\n'

    printed = _run_fresh(script, tmp_path, config, TZ="America/New_York")

    assert printed == "Australia/Sydney True []"


def test_the_first_frame_is_painted_before_pydantic_httpx_or_the_engine_is_imported(
    tmp_path: Path,
) -> None:
    """Everything the first frame draws (the key bar asking which actions are on among
    them) runs without the modules that come after it."""
    script = """
import sys
from tui_planner import cli
from tui_planner.ui.app import PlannerApp

run = PlannerApp.run

def after_first_frame(self):
    loaded = [name for name in LATER_MODULES if name in sys.modules]
    print(loaded, len(self.screen.query("KeyBar")))
    self.exit()

PlannerApp._after_first_frame = after_first_frame
PlannerApp.run = lambda self: run(self, headless=True, size=(120, 40))
sys.exit(cli.main([]))
"""
    config = f'[sandbox]\ndata_file = "{tmp_path / "s.db"}"\n'

    printed = _run_fresh(script, tmp_path, config)

    assert printed == "[] 1", "nothing of later imported; the key bar drawn"


def test_api_key_without_site_id_is_a_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIX_API_KEY", "key")

    assert main([]) == 2
    assert capsys.readouterr().err == (
        "An API key is set but no site id; add site_id under [api] in the config file "
        "so planner-tui knows which Wix site to manage.\n"
    )


def test_unexpected_error_is_a_sentence_naming_the_log_which_has_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*args: object, **kwargs: object) -> BackendInfo:
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr("tui_planner.backend.describe_file", explode)

    assert main([]) == 1
    assert capsys.readouterr().err == (
        "planner-tui stopped on an unexpected RuntimeError: the disk is on fire. "
        f"The log has the details: {log_file()}\n"
    )
    logged = log_file().read_text()
    assert "ERROR   tui_planner.cli: stopped on an unexpected error" in logged
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the disk is on fire" in logged


def answer_with(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[str]:
    """Answer ``input()`` with ``answer`` (``None``: end of input); return the questions asked."""
    questions: list[str] = []

    def fake_input(question: str = "") -> str:
        questions.append(question)
        if answer is None:
            raise EOFError
        return answer

    monkeypatch.setattr("builtins.input", fake_input)
    return questions


def test_sandbox_reset_asks_and_keeps_the_data_when_told_no(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = use_sandbox_file(tmp_path, monkeypatch)
    data_file.write_bytes(b"data")
    questions = answer_with(monkeypatch, "n")

    assert main(["sandbox", "reset"]) == 1

    assert questions == [f"Delete all sandbox data in {data_file}? [y/N] "]
    assert data_file.exists()
    assert capsys.readouterr().out == "Nothing was deleted.\n"


def test_sandbox_reset_deletes_on_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = use_sandbox_file(tmp_path, monkeypatch)
    data_file.write_bytes(b"data")
    Path(f"{data_file}-wal").write_bytes(b"log")
    answer_with(monkeypatch, "y")

    assert main(["sandbox", "reset"]) == 0

    assert not data_file.exists()
    assert not Path(f"{data_file}-wal").exists()
    assert capsys.readouterr().out == f"Deleted the sandbox data in {data_file}.\n"


def test_sandbox_reset_treats_end_of_input_as_no(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file = use_sandbox_file(tmp_path, monkeypatch)
    data_file.write_bytes(b"data")
    answer_with(monkeypatch, None)

    assert main(["sandbox", "reset"]) == 1
    assert data_file.exists()


def test_sandbox_reset_yes_does_not_ask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_file = use_sandbox_file(tmp_path, monkeypatch)
    data_file.write_bytes(b"data")
    questions = answer_with(monkeypatch, "n")

    assert main(["sandbox", "reset", "--yes"]) == 0

    assert questions == []
    assert not data_file.exists()


def test_sandbox_reset_with_nothing_to_delete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file = use_sandbox_file(tmp_path, monkeypatch)

    assert main(["sandbox", "reset"]) == 0
    assert capsys.readouterr().out == (
        f"There is no sandbox data at {data_file}; nothing to delete.\n"
    )


def test_sandbox_serve_prints_the_url_and_a_curl_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_sandbox_file(tmp_path, monkeypatch, "api_key = 'from-config'\n")
    served: dict[str, Any] = {}
    built: dict[str, Any] = {}
    real_create_app = tui_planner.sandbox.create_app

    def record_create_app(**kwargs: Any) -> Any:
        built.update(kwargs)
        return real_create_app(**kwargs)

    def record_run(app: Any, **kwargs: Any) -> None:
        served.update(kwargs)

    monkeypatch.setattr("tui_planner.sandbox.create_app", record_create_app)
    monkeypatch.setattr("uvicorn.run", record_run)

    assert main(["sandbox", "serve", "--port", "9000"]) == 0

    out = capsys.readouterr().out
    assert served["host"] == "127.0.0.1"
    assert served["port"] == 9000
    assert built["api_key"] == "from-config"
    assert "http://127.0.0.1:9000" in out
    assert (
        "curl -H 'Authorization: YOUR-KEY' -H 'wix-site-id: sandbox-site' "
        "http://127.0.0.1:9000/promote/marketing-plan-service/v1/marketing-plan"
    ) in out
    assert (
        f"Key: required, from [sandbox] api_key in {tmp_path / 'config.toml'} (not shown)." in out
    )
    assert "from-config" not in out, "the key itself is never printed"


def test_sandbox_serve_api_key_flag_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_sandbox_file(tmp_path, monkeypatch, "api_key = 'from-config'\n")
    built: dict[str, Any] = {}
    real_create_app = tui_planner.sandbox.create_app

    def record_create_app(**kwargs: Any) -> Any:
        built.update(kwargs)
        return real_create_app(**kwargs)

    monkeypatch.setattr("tui_planner.sandbox.create_app", record_create_app)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: None)

    assert main(["sandbox", "serve", "--api-key", "from-flag"]) == 0
    assert built["api_key"] == "from-flag"


def test_sandbox_serve_refuses_the_network_without_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_sandbox_file(tmp_path, monkeypatch)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: pytest.fail("must not serve"))

    assert main(["sandbox", "serve", "--host", "0.0.0.0"]) == 2
    assert capsys.readouterr().err == (
        "Serving the sandbox on 0.0.0.0 with no key would let anyone on any network this "
        "computer is on (0.0.0.0 is every IPv4 address it has) use it; "
        "set [sandbox] api_key or pass --api-key.\n"
    )


@pytest.mark.parametrize(
    ("host", "who"),
    [
        ("0.0.0.0", "anyone on any network this computer is on"),
        ("::", "anyone on any network this computer is on"),
        ("192.168.1.20", "anyone on the local network 192.168.1.20 belongs to"),
    ],
)
def test_sandbox_serve_on_the_network_with_a_key_warns_who_can_reach_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    host: str,
    who: str,
) -> None:
    use_sandbox_file(tmp_path, monkeypatch)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: None)

    assert main(["sandbox", "serve", "--host", host, "--api-key", "s3cret-flag-key"]) == 0

    captured = capsys.readouterr()
    assert captured.err.startswith(f"Warning: Listening on {host}: {who}")
    assert "can reach the sandbox, and use it with the key" in captured.err
    assert "plain HTTP" in captured.err
    assert "Key: required, from --api-key (not shown)." in captured.out
    assert "s3cret-flag-key" not in captured.out + captured.err


def test_sandbox_serve_on_loopback_gives_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_sandbox_file(tmp_path, monkeypatch)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: None)

    assert main(["sandbox", "serve"]) == 0

    captured = capsys.readouterr()
    assert captured.err == ""
    assert "Key: none required" in captured.out


@pytest.mark.parametrize(("before", "after"), [(None, "__all__"), ("logfire", "logfire")])
def test_pydantic_plugins_are_not_looked_for_unless_the_user_says(
    monkeypatch: pytest.MonkeyPatch, before: str | None, after: str
) -> None:
    if before is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", before)

    assert main(["config", "path"]) == 0
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == after

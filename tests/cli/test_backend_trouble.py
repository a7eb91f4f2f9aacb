"""A backend that fails or refuses, and a config that is wrong: one sentence, the right exit
code, never a traceback, whichever command meets it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tests.cli.conftest import LATER, Run, write_config
from tui_planner.clock import ManualClock
from tui_planner.config import write_private_file
from tui_planner.debug_log import log_file
from tui_planner.sandbox import SandboxOptions, create_app

EVERY_COMMAND = [
    "status",
    "plan",
    "drafts",
    "export --format ics",
    "schedule --all-connected --yes",
    "generate",
    "generate --wait",
]

FAULTS = {
    # Every request answered 500, 503 or 504 (the sandbox's error_rate switch).
    "5xx": ("error_rate = 1.0\n", "Could not read the plan from the sandbox: "),
    # Every request answered 429 with Retry-After; the client's retries run out.
    "429": (
        "rate_limit_rate = 1.0\nretry_after_seconds = 0.5\n",
        "Could not read the plan from the sandbox: Too many requests; slow down "
        "(RESOURCE_EXHAUSTED).",
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("command", EVERY_COMMAND)
def test_a_sandbox_that_always_refuses_is_exit_1_with_one_sentence(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, fault: str
) -> None:
    switches, sentence = FAULTS[fault]
    write_config(tmp_path, monkeypatch, switches)

    result = run(*command.split(), *(["--json"] if "export" not in command else []))

    assert result.code == 1
    assert result.out == "", "no half-written JSON for a script to misread"
    assert result.err.startswith(sentence)
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_a_damaged_sandbox_file_is_exit_1_with_the_way_out(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file = write_config(tmp_path, monkeypatch)
    data_file.write_bytes(b"this is not a database, not at all" * 20)

    result = run("status")

    assert result.code == 1
    assert result.err == (
        f"Could not open the sandbox: The sandbox data file {data_file} cannot be opened: "
        "file is not a database. `planner-tui sandbox reset` starts the sandbox afresh.\n"
    )
    logged = log_file().read_text()
    assert "WARNING tui_planner.session: the backend could not be opened" in logged
    assert "Traceback (most recent call last)" in logged


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """The sandbox served over loopback HTTP, accepting only the key ``right-key``."""
    app = create_app(
        data_file=tmp_path / "served.sqlite3",
        clock=ManualClock(LATER),
        options=SandboxOptions(),
        api_key="right-key",
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.mark.loopback
@pytest.mark.parametrize("command", EVERY_COMMAND)
def test_a_refused_key_is_exit_1_naming_the_config_file(
    run: Run, served: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    config = tmp_path / "wix.toml"
    write_private_file(
        config,
        f"[api]\nbase_url = '{served}'\nsite_id = 'site-1'\napi_key = 'wrong-key'\n"
        "max_retries = 0\n",
    )
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))

    result = run(*command.split())

    assert result.code == 1
    assert result.err == (
        "Could not read the plan from Wix: The API key was refused (401): check WIX_API_KEY "
        f"or [api] api_key in {config}.\n"
    )
    assert "wrong-key" not in result.err


@pytest.mark.loopback
def test_the_right_key_reads_the_served_plan_and_the_log_never_holds_it(
    run: Run, served: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "wix.toml"
    write_private_file(
        config, f"[api]\nbase_url = '{served}'\nsite_id = 'site-1'\napi_key = 'right-key'\n"
    )
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))

    document = run("status", "--json", "--debug").json()

    logged = log_file().read_text()
    assert "GET /promote/marketing-plan-service/v1/marketing-plan" in logged
    assert "right-key" not in logged
    assert document["backend"]["sandbox"] is False
    assert document["site"] == "site-1"
    assert document["planStatus"] == "NEVER_CREATED"


def test_a_bad_config_is_exit_2_naming_the_file_and_key(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    write_private_file(config, "[sync]\nidle_interval = 'soon'\n")
    monkeypatch.setenv("PLANNER_TUI_CONFIG", str(config))

    result = run("status")

    assert result.code == 2
    assert str(config) in result.err
    assert "sync.idle_interval" in result.err
    assert "Traceback" not in result.err


def test_a_key_without_a_site_is_exit_2(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIX_API_KEY", "a-key")

    result = run("plan")

    assert result.code == 2
    assert result.err.startswith("An API key is set but no site id;")


@pytest.mark.parametrize(
    "command",
    ["status", "plan", "drafts", "generate", "schedule --all-connected", "export --format csv"],
)
def test_a_flag_a_command_does_not_have_is_exit_2_naming_it(run: Run, command: str) -> None:
    result = run(*command.split(), "--colour")

    assert result.code == 2
    assert result.out == ""
    assert "unrecognized arguments: --colour" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "command", ["plan", "drafts", "schedule --all-connected --dry-run", "export --format ics"]
)
@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (["--from", "soon"], "--from expects a day like 2026-11-23, today or +7, not 'soon'."),
        (["--from", "+3", "--to", "today"], "--to 2026-11-23 is before --from 2026-11-26."),
    ],
)
def test_bad_days_are_the_same_sentence_and_exit_2_for_every_command(
    run: Run, empty_sandbox: Path, command: str, flags: list[str], sentence: str
) -> None:
    result = run(*command.split(), *flags)

    assert result.code == 2
    assert result.out == ""
    assert result.err == sentence + "\n"

"""Choosing and building the backend: the in-process sandbox or a Wix site."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui_planner.api.models.enums import ChannelName, PlanStatus
from tui_planner.backend import open_backend, sandbox_options
from tui_planner.clock import ManualClock
from tui_planner.config import Config, ConfigError, SandboxConfig
from tui_planner.sandbox import SandboxOptions


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 7, 6, 9, 0, tzinfo=UTC))


async def test_no_api_key_opens_the_sandbox_in_process(tmp_path: Path, clock: ManualClock) -> None:
    data_file = tmp_path / "sandbox.sqlite3"
    config = Config.model_validate({"sandbox": {"data_file": str(data_file)}})

    backend = open_backend(config, clock)
    try:
        assert backend.is_sandbox
        assert backend.data_file == data_file
        assert backend.label == f"SANDBOX {data_file}"
        assert str(backend.http.base_url) == "http://sandbox.local"
    finally:
        await backend.aclose()
    assert backend.closed


async def test_in_process_sandbox_answers_the_clients(tmp_path: Path, clock: ManualClock) -> None:
    config = Config.model_validate({"sandbox": {"data_file": str(tmp_path / "s.sqlite3")}})

    backend = open_backend(config, clock)
    try:
        plan = await backend.plan.get_social_marketing_plan()
    finally:
        await backend.aclose()

    assert plan.status == PlanStatus.NEVER_CREATED
    assert plan.marketing_activities == ()


async def test_sandbox_label_shortens_the_home_directory(
    clock: ManualClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the sandbox file is created; not in the real home
    config = Config.model_validate({"sandbox": {"data_file": "~/planner/sandbox.sqlite3"}})

    backend = open_backend(config, clock)
    await backend.aclose()

    assert backend.label == "SANDBOX ~/planner/sandbox.sqlite3"


async def test_api_key_and_site_id_open_wix(clock: ManualClock) -> None:
    config = Config.model_validate(
        {"api": {"api_key": "secret", "site_id": "12345678-aaaa-bbbb-cccc-dddddddddddd"}}
    )

    backend = open_backend(config, clock)
    await backend.aclose()
    await backend.aclose()

    assert not backend.is_sandbox
    assert backend.data_file is None
    assert backend.label == "Wix site 12345678-aaaa-bbbb-cccc-dddddddddddd", "the id whole"
    assert backend.info.site == "12345678-aaaa-bbbb-cccc-dddddddddddd"
    assert str(backend.http.base_url) == "https://www.wixapis.com"
    assert "secret" not in repr(backend)


def test_api_key_without_site_id_is_a_config_error(clock: ManualClock) -> None:
    config = Config.model_validate({"api": {"api_key": "secret"}})

    with pytest.raises(ConfigError, match="no site id"):
        open_backend(config, clock)


def test_sandbox_options_carry_every_sandbox_switch() -> None:
    section = SandboxConfig.model_validate(
        {
            "seed": 11,
            "premium": False,
            "connected_channels": ["TIKTOK", "GBP"],
            "site_published": False,
            "generation_seconds": 1.5,
            "keyword_research_seconds": 2.5,
            "posts_seconds": 0.5,
            "idle_days_until_inactive": 3,
            "shape": "documented",
            "latency_ms": 20,
            "error_rate": 0.1,
            "rate_limit_rate": 0.2,
            "retry_after_seconds": 4.0,
            "publish_failure_rate": 0.3,
        }
    )

    options = sandbox_options(section)

    assert options == SandboxOptions(
        seed=11,
        premium=False,
        connected_channels=(ChannelName.TIKTOK, ChannelName.GBP),
        site_published=False,
        generation_seconds=1.5,
        keyword_research_seconds=2.5,
        posts_seconds=0.5,
        idle_days_until_inactive=3,
        shape="documented",
        latency_ms=20,
        error_rate=0.1,
        rate_limit_rate=0.2,
        retry_after_seconds=4.0,
        publish_failure_rate=0.3,
    )


def test_default_sandbox_options_agree_with_the_default_config() -> None:
    assert sandbox_options(SandboxConfig()) == SandboxOptions()


def test_every_sandbox_option_has_a_config_key() -> None:
    option_names = {field.name for field in dataclasses.fields(SandboxOptions)}

    assert option_names <= set(SandboxConfig.model_fields)

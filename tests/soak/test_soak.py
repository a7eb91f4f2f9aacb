"""The fault soak, one seed: every command under faults, and no invariant broken.

``python -m benchmarks soak --seeds 200`` runs many seeds for hours each; this runs one for
half an hour of simulated time (a few seconds), and checks that the referee is not blind: an
engine that reports drafts as scheduled without the server's word is caught.
"""

from __future__ import annotations

from typing import get_args

import pytest

from tests.soak.soak import soak
from tui_planner.sync import Command, ScheduleDrafts, perform

SEED = 3
"""A seed whose half hour issues every kind of command."""


async def test_half_an_hour_of_every_command_under_faults_breaks_no_invariant() -> None:
    report = await soak(SEED, hours=0.5, mean_gap=40)

    assert report.violations == []
    assert set(report.issued) == {kind.__name__ for kind in get_args(Command)}
    assert report.faults["429"] > 0
    assert report.faults["latency"] > 0
    assert sum(report.faults[status] for status in ("500", "503", "504")) > 0
    assert 0 < report.succeeded < report.commands, "some commands failed and rolled back"


async def test_the_soak_catches_an_engine_that_reports_what_the_server_did_not_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    honest = perform.perform

    async def boastful(command: Command, *args: object) -> perform.Performed:
        performed = await honest(command, *args)  # type: ignore[arg-type]
        if isinstance(command, ScheduleDrafts):
            return perform.Performed(performed.message, scheduled_ids=())
        return performed

    # The engine takes perform from its module with each command.
    monkeypatch.setattr("tui_planner.sync.perform.perform", boastful)

    report = await soak(SEED, hours=0.5, mean_gap=40)

    assert any("reported [] but the server scheduled" in text for text in report.violations)

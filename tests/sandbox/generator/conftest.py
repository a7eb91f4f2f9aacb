"""Fixtures for the generator tests."""

from __future__ import annotations

import pytest

from tests.sandbox.generator.generator_helpers import plan
from tui_planner.sandbox.generator import GeneratedActivity


@pytest.fixture
def demo_plan() -> list[GeneratedActivity]:
    """The demo site's default plan for the test period."""
    return plan()

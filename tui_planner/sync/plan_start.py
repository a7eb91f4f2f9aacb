"""Which call (re)starts a plan: Generate for a site that never had one, else Regenerate.

What GenerateMarketingPlan does with a plan that already exists is UNVERIFIED (it may restart
it or refuse with FAILED_PRECONDITION); the contract steers callers of an existing plan to
RegenerateMarketingPlan. A FAILED or INACTIVE plan exists, so it is retried by regenerating.
"""

from __future__ import annotations

from tui_planner.api.models.enums import PlanStatus

from .commands import GeneratePlan, RegeneratePlan

__all__ = ["start_plan"]


def start_plan(status: PlanStatus) -> GeneratePlan | RegeneratePlan:
    """The command that (re)starts generation of a plan in ``status``."""
    return GeneratePlan() if status == PlanStatus.NEVER_CREATED else RegeneratePlan()

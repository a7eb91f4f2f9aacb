"""Bringing the stored state up to the request's moment, since nothing runs in between.

Every API request calls :func:`catch_up` first, inside its transaction: a finished generation
is materialised, due post jobs run, and scheduled items move towards PUBLISHED.
"""

from __future__ import annotations

from .context import SandboxContext
from .plan_service import finish_generation
from .post_jobs import run_due_jobs
from .publisher import advance_items

__all__ = ["catch_up"]


def catch_up(ctx: SandboxContext) -> None:
    """Apply everything the clock says has happened since the last request."""
    finish_generation(ctx)
    run_due_jobs(ctx, ctx.now)
    advance_items(ctx)

"""``planner-tui generate``: start (or restart) the plan's generation, and follow it.

- no flag: generate a plan for a site that has none, or retry a FAILED or INACTIVE one (as
  ``ctrl+g`` does); a site with an ACTIVE plan is told to pass ``--regenerate``;
- ``--regenerate``: rebuild the upcoming activities from the current settings;
- ``--keyword-research``: run fresh keyword research, then rebuild;
- ``--wait``: follow the generation until it ends, with a live line on a terminal's stderr
  (none when piped), then sum up the new plan; a FAILED end is exit 1.

Regenerating asks first (y/N on a terminal; ``--yes`` otherwise) when posts scheduled on
the upcoming activities, or activities edited by hand, would be lost, as the app does.

``--json`` prints ``{"started": "generate" | "regenerate" | "keyword-research" | null,
"waited": bool, "planStatus": "ACTIVE", "activities": 23, "summary": "..." | null}``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import PlanStatus
from tui_planner.store.plan_diff import regeneration_risk, summarise_plan_change
from tui_planner.store.state import ConnectionPhase
from tui_planner.sync.commands import (
    GeneratePlan,
    RegeneratePlan,
    RegeneratePlanWithResearch,
)
from tui_planner.sync.plan_start import start_plan
from tui_planner.words import plural

from .console import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    Progress,
    ask_yes_no,
    is_terminal,
    print_json,
    say,
)
from .plan_session import with_plan

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from tui_planner.api.models import PlanMarketingActivity

    from .context import CommandContext
    from .plan_session import PlanSession

__all__ = ["run_generate"]

_TICK = 1.0
"""Seconds between updates of the progress line."""

StartCommand = GeneratePlan | RegeneratePlan | RegeneratePlanWithResearch

_NAMES: dict[type[Any], str] = {
    GeneratePlan: "generate",
    RegeneratePlan: "regenerate",
    RegeneratePlanWithResearch: "keyword-research",
}


def run_generate(args: argparse.Namespace, context: CommandContext) -> int:
    async def run(plan: PlanSession) -> int:
        state = plan.state
        before: Mapping[str, PlanMarketingActivity] = dict(state.activities)
        command = _command_for(args, state.plan_status, len(state.activities))
        if command is not None:
            _confirm(args, plan, command)
            outcome = await plan.execute(command)
            if not outcome.ok:
                raise CommandError(outcome.message)
            if not args.json:
                # The engine's words are a notice's ("Generating the plan"): end the sentence.
                print(outcome.message.rstrip(".") + ".")
        elif not args.json:
            print("The plan is being generated already.")
        summary = None
        if args.wait:
            await _follow(plan, args.timeout)
            state = plan.state
            summary = _summary(state.plan_status, before, state.activities, command)
            if not args.json:
                print(summary)
        state = plan.state
        if args.json:
            print_json(
                {
                    "started": _NAMES[type(command)] if command is not None else None,
                    "waited": bool(args.wait),
                    "planStatus": state.plan_status.value,
                    "activities": len(state.activities),
                    "summary": summary,
                }
            )
        return EXIT_FAILED if state.plan_status == PlanStatus.FAILED and args.wait else EXIT_OK

    return with_plan(context, run)


def _command_for(
    args: argparse.Namespace, status: PlanStatus, activities: int
) -> StartCommand | None:
    """What to send for the flags and the plan's status (``None``: already generating)."""
    rebuild = args.regenerate or args.keyword_research
    if status == PlanStatus.GENERATING:
        if rebuild:
            raise CommandError(
                "The plan is being generated now; regenerate it once that has finished "
                "(`planner-tui generate --wait` follows it)."
            )
        return None
    if rebuild and status == PlanStatus.NEVER_CREATED:
        raise CommandError(
            "The site has no plan to regenerate yet; `planner-tui generate` makes one.",
            EXIT_USAGE,
        )
    if args.keyword_research:
        return RegeneratePlanWithResearch()
    if args.regenerate:
        return RegeneratePlan()
    if status == PlanStatus.ACTIVE:
        raise CommandError(
            f"The site already has an active plan "
            f"({plural(activities, 'activity', 'activities')}); pass --regenerate to rebuild "
            "its upcoming activities.",
            EXIT_USAGE,
        )
    return start_plan(status)


def _confirm(args: argparse.Namespace, plan: PlanSession, command: StartCommand) -> None:
    """Ask before a regeneration that loses scheduled posts or edits (or cannot count them)."""
    if isinstance(command, GeneratePlan) or args.yes:
        return
    state, clock = plan.state, plan.clock
    risk = regeneration_risk(
        state.activities,
        clock.today(),
        clock.tz,
        plan.session.journal.edited,
        readable=state.plan_status != PlanStatus.INACTIVE,
    )
    if not risk.at_stake:
        return
    replaced = plural(risk.activities, "upcoming activity", "upcoming activities")
    what = f"Regenerating replaces the {replaced} (past ones stay). {risk.losses()}"
    if not risk.known:
        what = f"Regenerating replaces the upcoming activities. {risk.losses()}"
    if not is_terminal(sys.stdin):
        raise CommandError(f"{what} Pass --yes to regenerate anyway.", EXIT_USAGE)
    say(what)
    if not ask_yes_no("Regenerate the plan? [y/N] "):
        raise CommandError("Nothing was regenerated.")


async def _follow(plan: PlanSession, limit: float) -> None:
    """Read the plan until it is no longer GENERATING, a live line on a terminal meanwhile.

    Reads as often as the sync engine would poll; a read that fails is tried again on the
    engine's backoff (the line says so) until ``limit`` seconds have passed.
    """
    clock, session = plan.clock, plan.session
    progress = Progress()
    started = clock.monotonic()
    try:
        while True:
            delay = await session.sync_once()
            phase = plan.state.sync.phase
            if phase in (ConnectionPhase.AUTH_FAILED, ConnectionPhase.UNAVAILABLE):
                await plan.read()  # says why, exit 1
            retrying = phase == ConnectionPhase.RETRYING
            if not retrying and plan.state.plan_status != PlanStatus.GENERATING:
                return
            note = " (the server is not answering; retrying)" if retrying else ""
            wake = clock.monotonic() + (delay if delay is not None else _TICK)
            while True:
                now = clock.monotonic()
                elapsed = now - started
                if elapsed >= limit:
                    raise CommandError(
                        f"The plan is still generating after {elapsed:.0f} s; "
                        "`planner-tui status` shows how it is doing."
                    )
                if now >= wake:
                    break
                progress.show(f"Generating the plan… {elapsed:.0f} s{note}")
                await clock.sleep(min(_TICK, wake - now, limit - elapsed))
    finally:
        progress.clear()


def _summary(
    status: PlanStatus,
    before: Mapping[str, PlanMarketingActivity],
    after: Mapping[str, PlanMarketingActivity],
    command: StartCommand | None,
) -> str:
    if status == PlanStatus.FAILED:
        return "Generation failed: the plan is FAILED. `planner-tui generate` tries again."
    if isinstance(command, RegeneratePlan | RegeneratePlanWithResearch) and before:
        return summarise_plan_change(before, after).sentence()
    return f"The plan is {status.value}: {plural(len(after), 'activity', 'activities')}."

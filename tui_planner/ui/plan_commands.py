"""Regenerating or deleting the plan: what would be lost is said first, what changed after.

Every way in (``R`` on the events screen, the palette's regenerate and delete entries,
``ctrl+g`` on a FAILED or INACTIVE plan, the settings screen's offer) goes through here, so
each asks with the same counts: how many upcoming activities are replaced, how many posts
scheduled on them would not go out, how many of them the user edited by hand
(:func:`tui_planner.store.plan_diff.regeneration_risk`). When the new plan is in, a
notification sums up what changed. Nothing here switches screens: the user stays where they
are, whatever they are typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_planner.api.models import PlanStatus
from tui_planner.store.plan_diff import deletion_risk, regeneration_risk, summarise_plan_change
from tui_planner.sync.commands import (
    DeletePlan,
    GeneratePlan,
    RegeneratePlan,
    RegeneratePlanWithResearch,
)
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.plan_notices import show_failure
from tui_planner.ui.planner_screen import planner_host
from tui_planner.ui.workers import WorkerGroup
from tui_planner.words import plural

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from textual.app import App

    from tui_planner.api.models import PlanMarketingActivity
    from tui_planner.store.plan_diff import PlanRisk
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.planner_screen import PlannerHost

__all__ = [
    "PlanCommand",
    "carry_plan_command",
    "confirm_plan_command",
    "generate_key",
    "regeneration_losses",
    "run_plan_command",
    "watch_regeneration",
]

PlanCommand = GeneratePlan | RegeneratePlan | RegeneratePlanWithResearch | DeletePlan
"""The commands that replace or delete the plan's activities."""


def _risk(host: PlannerHost, command: PlanCommand) -> PlanRisk:
    state = host.state
    edited = host.session.journal.edited
    if isinstance(command, DeletePlan):
        return deletion_risk(state.activities, edited)
    clock = host.clock
    return regeneration_risk(
        state.activities,
        clock.today(),
        clock.tz,
        edited,
        readable=state.plan_status != PlanStatus.INACTIVE,
    )


def regeneration_losses(app: App[Any]) -> str:
    """What regenerating now would replace and lose, as sentences for a dialog's body."""
    risk = _risk(planner_host(app), RegeneratePlan())
    if not risk.known:
        return risk.losses()
    replaced = plural(risk.activities, "upcoming activity", "upcoming activities")
    return f"It replaces the {replaced} (past ones stay). {risk.losses()}"


def _question(
    app: App[Any], command: PlanCommand, *, always_ask: bool = False
) -> ConfirmDialog | None:
    """The confirmation for ``command``, or ``None`` when it can lose nothing (and
    ``always_ask`` is off)."""
    risk = _risk(planner_host(app), command)
    if risk.known and not risk.activities and not always_ask:
        return None  # no plan yet, or nothing upcoming: nothing to lose
    if isinstance(command, DeletePlan):
        return ConfirmDialog(
            "Delete the plan?",
            f"Deletes the plan and its {plural(risk.activities, 'activity', 'activities')}. "
            f"{risk.losses()} Settings and events stay. This cannot be undone.",
            "Delete the plan",
        )
    how = (
        "Runs fresh keyword research, then rebuilds"
        if isinstance(command, RegeneratePlanWithResearch)
        else "Rebuilds"
    )
    return ConfirmDialog(
        "Regenerate the plan?",
        f"{how} the plan from the current settings and events. {regeneration_losses(app)}",
        "Regenerate",
    )


async def confirm_plan_command(
    app: App[Any], command: PlanCommand, *, always_ask: bool = False
) -> bool:
    """Ask before ``command`` when it could lose scheduled posts or edits (or always, with
    ``always_ask``); True to go ahead.

    Call it from a worker (it waits for the dialog).
    """
    question = _question(app, command, always_ask=always_ask)
    if question is None:
        return True
    answer: bool | None = await app.push_screen_wait(question)
    return bool(answer)


async def carry_plan_command(app: App[Any], command: PlanCommand) -> bool:
    """Send ``command``, say how it went, and sum up the new plan when it is in."""
    host = planner_host(app)
    before: Mapping[str, PlanMarketingActivity] = dict(host.state.activities)
    outcome = await host.execute(command)
    if outcome.ok or isinstance(command, DeletePlan):
        app.notify(outcome.message, severity="information" if outcome.ok else "error")
    else:
        show_failure(app, outcome.message)
    if outcome.ok and not isinstance(command, DeletePlan):
        watch_regeneration(app, before)
    return bool(outcome.ok)


def generate_key(app: App[Any]) -> None:
    """``ctrl+g``: generate the plan (first time, after a failure, or to reactivate it),
    first saying what an existing plan would lose; an existing plan (FAILED, INACTIVE) is
    regenerated, Generate being for a site that never had one. While generating it says so;
    an ACTIVE plan is offered regeneration, with the same question."""
    from tui_planner.sync.plan_start import start_plan

    status = planner_host(app).state.plan_status
    if status == PlanStatus.GENERATING:
        app.notify("The plan is already generating; it shows here as soon as it is ready.")
    elif status == PlanStatus.ACTIVE:
        run_plan_command(app, RegeneratePlan(), always_ask=True)
    else:
        run_plan_command(app, start_plan(status))


def run_plan_command(app: App[Any], command: PlanCommand, *, always_ask: bool = False) -> None:
    """Ask (when something could be lost, or ``always_ask``), then carry ``command``, in a
    worker."""

    async def ask_then_carry() -> None:
        if await confirm_plan_command(app, command, always_ask=always_ask):
            await carry_plan_command(app, command)

    app.run_worker(
        ask_then_carry(),
        name=f"plan command {type(command).__name__}",
        group=WorkerGroup.DIALOGS,
        exit_on_error=False,
        description=command.describe(),
    )


def watch_regeneration(app: App[Any], before: Mapping[str, PlanMarketingActivity]) -> None:
    """When the generation under way ends, notify what changed (or that it failed).

    Only a notification: the screen on show stays, so nothing typed is interrupted.
    """
    store = planner_host(app).store
    # The command's answer (GENERATING) is usually in the store already.
    seen_generating = store.state.plan_status == PlanStatus.GENERATING
    unsubscribe: Callable[[], None] | None = None

    def on_change(state: PlannerState) -> None:
        nonlocal seen_generating
        if state.plan_status == PlanStatus.GENERATING:
            seen_generating = True
            return
        if not seen_generating or state.plan_status not in (PlanStatus.ACTIVE, PlanStatus.FAILED):
            return
        if unsubscribe is not None:
            unsubscribe()
        app.call_later(_finished, app, before, state)

    unsubscribe = store.subscribe(on_change)


def _finished(
    app: App[Any], before: Mapping[str, PlanMarketingActivity], state: PlannerState
) -> None:
    if state.plan_status == PlanStatus.FAILED:
        return  # the notice that stays says so (tui_planner/ui/plan_notices.py)
    change = summarise_plan_change(before, state.activities)
    app.notify(change.sentence(), title="Plan ready", timeout=10)

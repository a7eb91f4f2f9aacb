"""What the app says once the first load is in.

Two things wait for the plan read from the server: the first-run offer, for a plan that was
never created (or has gone INACTIVE), and the report of the commands the last session left
in flight (:mod:`tui_planner.journal`), told from that plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.api.models import PlanStatus
from tui_planner.ui.workers import WorkerGroup

if TYPE_CHECKING:
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.app import PlannerApp

__all__ = ["FirstLoadNotices"]

_OFFERED_FOR = (PlanStatus.NEVER_CREATED, PlanStatus.INACTIVE)
"""Plan statuses the first-run dialog is offered for."""


class FirstLoadNotices:
    """Tells ``app`` what the first loaded snapshot calls for, once each."""

    def __init__(self, app: PlannerApp, *, offer_first_run: bool) -> None:
        self._app = app
        self.offers = offer_first_run
        """Whether a plan never created (or INACTIVE) prompts the user once loaded."""
        self._offer = offer_first_run

    def seen(self, state: PlannerState) -> None:
        """Look at a new snapshot; only a loaded one calls for anything."""
        if not state.loaded:
            return
        journal = self._app.session.journal
        if journal.leftover:
            report = journal.report(state)
            journal.forget_leftover()
            if report:
                self._app.notify(
                    report, title="Interrupted last time", severity="warning", timeout=30
                )
        if self._offer and state.plan_status in _OFFERED_FOR:
            self._offer = False
            self._app.run_worker(
                self._offer_first_run(state.plan_status),
                name="first run",
                group=WorkerGroup.DIALOGS,
                exit_on_error=False,
                description="Offers to generate the plan",
            )

    async def _offer_first_run(self, status: PlanStatus) -> None:
        from tui_planner.ui.screens.first_run import FirstRunChoice, FirstRunScreen

        app = self._app
        choice = await app.push_screen_wait(FirstRunScreen(status))
        if choice is FirstRunChoice.GENERATE:
            from tui_planner.sync.plan_start import start_plan
            from tui_planner.ui.plan_commands import carry_plan_command

            await carry_plan_command(app, start_plan(status))
        elif choice is FirstRunChoice.SETTINGS:
            await app.switch_mode("settings")

"""Scheduling drafts: the confirmation, then the command, then the report.

The confirmation says what will be scheduled and what will stay a draft and why before
anything is sent. Without the schedule-posts premium feature it says so first and offers
nothing to confirm. :func:`schedule_with_confirmation` is the one flow both the drafts screen
and the post preview use.
"""

from __future__ import annotations

import asyncio
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui_planner.store.scheduling import PREMIUM_MISSING_TEXT, outcome_report, plan_schedule
from tui_planner.sync.commands import ScheduleDrafts
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.screens.schedule_report import ScheduleReportScreen
from tui_planner.ui.widgets.item_lines import ItemLines, ItemRow
from tui_planner.ui.widgets.list_keys import KeyedScroll, scroll_bindings, scroll_by_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import ComposeResult

    from tui_planner.store.scheduling import SchedulePlan, ScheduleReport
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.planner_screen import PlannerScreen

__all__ = ["PREMIUM_MISSING_TEXT", "ScheduleConfirmScreen", "schedule_with_confirmation"]


def _drafts(n: int) -> str:
    return f"{n} draft" if n == 1 else f"{n} drafts"


class ScheduleConfirmScreen(ButtonDialog[bool]):
    """Ask before scheduling; dismisses with ``True`` to go ahead."""

    CSS_PATH = "schedule_dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="schedule_confirm.cancel"),
        Binding("y", "confirm", "Schedule", show=False, id="schedule_confirm.yes"),
        Binding("n", "cancel", "No", show=False, id="schedule_confirm.no"),
        *scroll_bindings("scroll_list"),
    ]

    def __init__(self, plan: SchedulePlan, state: PlannerState, tz: tzinfo) -> None:
        super().__init__(classes="schedule-dialog")
        self.plan = plan
        """What confirming will do (tests read it)."""
        self._state = state
        self._tz = tz

    @property
    def can_confirm(self) -> bool:
        """Whether there is anything to schedule."""
        return self.plan.can_confirm

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(id="dialog-box"):
            yield Static(plan.headline(), id="dialog-title", markup=False)
            if plan.premium_missing:
                yield Static(PREMIUM_MISSING_TEXT, id="dialog-failure", markup=False)
            with KeyedScroll(id="dialog-lists"):
                if plan.will_schedule:
                    yield Static(
                        f"Will be scheduled ({len(plan.will_schedule)})", classes="list-heading"
                    )
                    will = [ItemRow("✔ ", "$success", item_id) for item_id in plan.will_schedule]
                    yield ItemLines(will, self._state, self._tz, classes="list-body")
                if plan.stays_draft:
                    yield Static(
                        f"Will stay a draft ({len(plan.stays_draft)})", classes="list-heading"
                    )
                    stays = [
                        ItemRow("○ ", "$warning", item_id, f" — {reason.value}")
                        for item_id, reason in plan.stays_draft
                    ]
                    yield ItemLines(stays, self._state, self._tz, classes="list-body")
            if self.can_confirm:
                yield Static(
                    "Each post goes live at its activity's date and time.",
                    id="dialog-note",
                )
            with Horizontal(id="dialog-buttons"):
                if self.can_confirm:
                    yield Button("Cancel", id="dialog-cancel")
                    yield Button(
                        f"Schedule {_drafts(len(plan.will_schedule))}",
                        id="dialog-confirm",
                        variant="primary",
                    )
                else:
                    yield Button("Close", id="dialog-cancel", variant="primary")

    def on_mount(self) -> None:
        first = "#dialog-confirm" if self.can_confirm else "#dialog-cancel"
        self.query_one(first, Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Confirm schedules; the other button closes."""
        event.stop()
        self.dismiss(event.button.id == "dialog-confirm")

    def action_scroll_list(self, how: str) -> None:
        """Scroll the lists while a button has the focus (``j``, ``k``, ``g``, ``G``)."""
        scroll_by_key(self.query_one("#dialog-lists", KeyedScroll), how)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return self.can_confirm
        return super().check_action(action, parameters)

    def action_confirm(self) -> None:
        """Go ahead and schedule."""
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Schedule nothing."""
        self.dismiss(False)


async def _loaded(screen: PlannerScreen[Any]) -> PlannerState | None:
    """The snapshot once the first load is complete (which accounts are connected, whether
    scheduling is premium), waiting for it with a word if it is still on its way; ``None``
    (after saying why) when loading has stopped for good."""
    store = screen.host.store
    state = store.state
    if state.loaded:
        return state
    stopped = state.sync.stopped_reason
    if stopped is None:
        screen.notify("Checking which accounts are connected first…", timeout=3)
        arrived: asyncio.Future[PlannerState] = asyncio.get_running_loop().create_future()

        def on_change(new: PlannerState) -> None:
            if (new.loaded or new.sync.stopped_reason) and not arrived.done():
                arrived.set_result(new)

        unsubscribe = store.subscribe(on_change)
        try:
            state = await arrived
        finally:
            unsubscribe()
        stopped = None if state.loaded else state.sync.stopped_reason
    if stopped is not None:
        screen.notify(stopped, severity="error", timeout=6)
        return None
    return state


async def schedule_with_confirmation(
    screen: PlannerScreen[Any], draft_ids: Iterable[str]
) -> ScheduleReport | None:
    """Confirm, schedule, and report on ``draft_ids`` for ``screen``; ``None`` when the user
    backed out. Call it from a worker (it waits on the dialogs)."""
    app, host = screen.app, screen.host
    tz: tzinfo = host.clock.tz
    state = await _loaded(screen)
    if state is None:
        return None
    plan = plan_schedule(state, draft_ids, host.clock.now())
    if not await app.push_screen_wait(ScheduleConfirmScreen(plan, state, tz)):
        return None
    outcome = await host.execute(ScheduleDrafts(plan.will_schedule))
    # The store has the confirmed snapshot already; the app's reactive copy follows a
    # moment later, so read the store to explain what the server left behind.
    after: PlannerState = host.store.state
    report = outcome_report(
        plan,
        after,
        ok=outcome.ok,
        message=outcome.message,
        scheduled_ids=outcome.scheduled_ids,
        error=outcome.error,
    )
    app.push_screen(ScheduleReportScreen(report, after, tz))
    return report

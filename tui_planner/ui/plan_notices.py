"""A failed generation is said where it stays: a notice until the user dismisses it.

The status bar's "FAILED" is easy to miss and the "Generating the plan" toast fades, so a
generation that ends FAILED (seen by polling, whoever started it) or a generate command the
API refuses leaves an error notice with the API's reason when it gave one and the key that
tries again. It stays until clicked away, and goes by itself once the plan generates again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.notifications import Notification, Notify

from tui_planner.api.models import PlanStatus
from tui_planner.ui import keymap
from tui_planner.ui.planner_screen import planner_host

if TYPE_CHECKING:
    from textual.app import App

    from tui_planner.store.state import PlannerState

__all__ = ["FAILURE_TITLE", "NOTICE_STAYS", "PlanFailureNotice", "clear_failure", "show_failure"]

FAILURE_TITLE = "Plan failed"
"""The notice's title, which is also how it is found again to take it away."""

NOTICE_STAYS = 7 * 24 * 3600.0
"""Seconds the notice lasts unless dismissed: in practice, until dismissed."""

NO_REASON = (
    "Generating the plan failed; the API gave no reason. A site that is not published "
    "cannot get a plan."
)


def show_failure(app: App[Any], reason: str | None = None) -> None:
    """Show the failure notice (replacing an older one), with ``reason`` if there is one."""
    clear_failure(app)
    key = planner_host(app).key_for(keymap.GENERATE)
    sentence = (reason or NO_REASON).rstrip()
    if not sentence.endswith((".", "!", "?")):
        sentence += "."
    notice = Notification(
        f"{sentence} Press {key} to try again.",
        FAILURE_TITLE,
        "error",
        NOTICE_STAYS,
        markup=False,
    )
    app.post_message(Notify(notice))


def clear_failure(app: App[Any]) -> None:
    """Take the failure notice away, if it is showing."""
    # Textual offers no public way to withdraw one notification (only all of them).
    for notice in list(app._notifications):
        if notice.title == FAILURE_TITLE:
            app._unnotify(notice)


class PlanFailureNotice:
    """Follows the plan's status: shows the notice when a generation ends FAILED, and takes
    it away when the plan generates again or is ready."""

    def __init__(self, app: App[Any]) -> None:
        """Watch for ``app``, which calls :meth:`follow` with every snapshot."""
        self._app = app
        self._status: PlanStatus | None = None

    def follow(self, state: PlannerState) -> None:
        """Take in the newest snapshot."""
        before, self._status = self._status, state.plan_status
        if before == state.plan_status:
            return
        if state.plan_status == PlanStatus.FAILED and before == PlanStatus.GENERATING:
            show_failure(self._app)
        elif state.plan_status in (PlanStatus.GENERATING, PlanStatus.ACTIVE):
            clear_failure(self._app)

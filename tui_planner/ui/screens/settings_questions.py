"""The settings screen's two questions: regenerate after saving, and unsaved changes on leaving.

Each is a dialog with keyed choices; the screen asks it from a worker (it waits for the
answer) and acts on what comes back.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import PlanStatus
from tui_planner.sync.commands import RegeneratePlanWithResearch
from tui_planner.sync.plan_start import start_plan
from tui_planner.ui.dialogs.choice import Choice, ChoiceDialog
from tui_planner.ui.plan_commands import regeneration_losses

if TYPE_CHECKING:
    from textual.app import App

    from tui_planner.ui.plan_commands import PlanCommand

__all__ = ["LeaveChoice", "RegenerateChoice", "ask_about_unsaved", "ask_to_regenerate"]


class LeaveChoice(enum.Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


class RegenerateChoice(enum.Enum):
    """What to do after saving."""

    NOW = "now"
    WITH_RESEARCH = "with research"
    LATER = "later"


async def ask_to_regenerate(
    app: App[Any], status: PlanStatus, paths: tuple[str, ...]
) -> PlanCommand | None:
    """After saving ``paths``: offer to (re)generate the plan as its ``status`` allows, naming
    what would be lost; the command to send, or ``None`` for later."""
    topics_changed = "settings.topics" in paths
    if status == PlanStatus.NEVER_CREATED:
        choices = [
            Choice("g", "Generate now", RegenerateChoice.NOW, "primary"),
            Choice("l", "Later", RegenerateChoice.LATER),
        ]
        body = "There is no plan yet. Generate one from these settings?"
        default = RegenerateChoice.NOW
    elif status == PlanStatus.GENERATING:
        choices = [
            Choice("k", "Refresh keyword research", RegenerateChoice.WITH_RESEARCH),
            Choice("l", "Later", RegenerateChoice.LATER, "primary"),
        ]
        body = (
            "A generation is running, so the plan cannot be regenerated until it finishes "
            "(Wix refuses with “plan already generating”). Keyword research can still "
            "refresh its inputs without starting a second generation."
        )
        default = RegenerateChoice.LATER
    else:
        choices = [
            Choice("r", "Regenerate now", RegenerateChoice.NOW, "primary"),
            Choice("k", "With keyword research", RegenerateChoice.WITH_RESEARCH),
            Choice("l", "Later", RegenerateChoice.LATER),
        ]
        body = (
            "Settings only shape the plan when it is generated. Regenerating rebuilds "
            f"it from them. {regeneration_losses(app)}"
        )
        if topics_changed:
            body += " Topics changed, so keyword research is recommended."
        default = RegenerateChoice.WITH_RESEARCH if topics_changed else RegenerateChoice.NOW
    choice = await app.push_screen_wait(
        ChoiceDialog(
            "Regenerate the plan?",
            body,
            choices,
            cancel_value=RegenerateChoice.LATER,
            default=default,
        )
    )
    if choice is RegenerateChoice.NOW:
        return start_plan(status)
    if choice is RegenerateChoice.WITH_RESEARCH:
        return RegeneratePlanWithResearch()
    return None


async def ask_about_unsaved(app: App[Any], names: str) -> LeaveChoice:
    """Unsaved changes to the fields ``names``: save, discard, or stay?"""
    choice: LeaveChoice = await app.push_screen_wait(
        ChoiceDialog(
            "Unsaved changes",
            f"You changed: {names}.",
            [
                Choice("s", "Save", LeaveChoice.SAVE, "primary"),
                Choice("d", "Discard", LeaveChoice.DISCARD, "error"),
                Choice("escape", "Stay", LeaveChoice.STAY),
            ],
            cancel_value=LeaveChoice.STAY,
            default=LeaveChoice.SAVE,
        )
    )
    return choice

"""The sync engine: polling, reconciliation and commands (plain Python, no Textual).

The names below are loaded on first use (PEP 562): the UI imports ``sync.commands`` at
start-up, and the engine with its API clients loads only once the backend is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_planner.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .commands import (
        CancelItem,
        ClearPosts,
        ClearStories,
        Command,
        CommandOutcome,
        CreateActivity,
        CreateEvent,
        DeleteActivity,
        DeleteEvent,
        DeleteItem,
        DeletePlan,
        GeneratePlan,
        GeneratePosts,
        RegeneratePlan,
        RegeneratePlanWithResearch,
        RegeneratePosts,
        RegeneratePostsMedia,
        RegenerateStories,
        RescheduleItem,
        ScheduleDrafts,
        UpdateActivity,
        UpdateEvent,
        UpdateItemCaption,
        UpdatePostsMedia,
        UpsertSettings,
    )
    from .engine import SyncEngine, auth_failure_message
    from .policy import PollPolicy
    from .reconcile import PlanData

__all__ = [
    "CancelItem",
    "ClearPosts",
    "ClearStories",
    "Command",
    "CommandOutcome",
    "CreateActivity",
    "CreateEvent",
    "DeleteActivity",
    "DeleteEvent",
    "DeleteItem",
    "DeletePlan",
    "GeneratePlan",
    "GeneratePosts",
    "PlanData",
    "PollPolicy",
    "RegeneratePlan",
    "RegeneratePlanWithResearch",
    "RegeneratePosts",
    "RegeneratePostsMedia",
    "RegenerateStories",
    "RescheduleItem",
    "ScheduleDrafts",
    "SyncEngine",
    "UpdateActivity",
    "UpdateEvent",
    "UpdateItemCaption",
    "UpdatePostsMedia",
    "UpsertSettings",
    "auth_failure_message",
]

_HOMES = {
    "CancelItem": ".commands",
    "ClearPosts": ".commands",
    "ClearStories": ".commands",
    "Command": ".commands",
    "CommandOutcome": ".commands",
    "CreateActivity": ".commands",
    "CreateEvent": ".commands",
    "DeleteActivity": ".commands",
    "DeleteEvent": ".commands",
    "DeleteItem": ".commands",
    "DeletePlan": ".commands",
    "GeneratePlan": ".commands",
    "GeneratePosts": ".commands",
    "PlanData": ".reconcile",
    "PollPolicy": ".policy",
    "RegeneratePlan": ".commands",
    "RegeneratePlanWithResearch": ".commands",
    "RegeneratePosts": ".commands",
    "RegeneratePostsMedia": ".commands",
    "RegenerateStories": ".commands",
    "RescheduleItem": ".commands",
    "ScheduleDrafts": ".commands",
    "SyncEngine": ".engine",
    "UpdateActivity": ".commands",
    "UpdateEvent": ".commands",
    "UpdateItemCaption": ".commands",
    "UpdatePostsMedia": ".commands",
    "UpsertSettings": ".commands",
    "auth_failure_message": ".engine",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals(), __all__)

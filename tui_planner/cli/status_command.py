"""``planner-tui status``: the plan's status, its counts, the channels and premium.

``--json`` prints one object::

    {
      "backend": {"label": "SANDBOX ~/.../sandbox.sqlite3", "sandbox": true},
      "site": "sandbox-site",
      "planStatus": "ACTIVE",
      "period": {"from": "2026-11-23", "to": "2026-12-31"},
      "activities": 23,
      "posts": {"total": 48, "byStatus": {"DRAFT": 40, "SCHEDULED": 5, ...}},
      "postsGenerating": 0,
      "channels": {"FACEBOOK": "VALID", "INSTAGRAM": "VALID", "PINTEREST": "NEVER_CREATED", ...},
      "premium": {"schedulePosts": true}
    }

``premium.schedulePosts`` is ``null`` when the server did not say.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from tui_planner.api.models import PLAN_CHANNELS, ItemStatus, TokenStatus
from tui_planner.day_words import day_text
from tui_planner.store.names import channel_label, status_word
from tui_planner.words import plural

from .console import EXIT_OK, print_json
from .plan_session import with_plan

if TYPE_CHECKING:
    import argparse

    from tui_planner.store.state import PlannerState

    from .context import CommandContext
    from .plan_session import PlanSession

__all__ = ["run_status", "status_document"]


def run_status(args: argparse.Namespace, context: CommandContext) -> int:
    async def show(plan: PlanSession) -> int:
        document = status_document(plan)
        if args.json:
            print_json(document)
        else:
            print("\n".join(_lines(plan.state, plan.session.info.label)))
        return EXIT_OK

    return with_plan(context, show)


def status_document(plan: PlanSession) -> dict[str, Any]:
    """``status --json``'s object (see the module's docstring)."""
    state = plan.state
    by_status = Counter(
        entry.status.value for activity in state.activities.values() for entry in activity.items
    )
    return {
        "backend": {"label": plan.session.info.label, "sandbox": plan.session.info.is_sandbox},
        "site": plan.site,
        "planStatus": state.plan_status.value,
        "period": {
            "from": state.plan_start.isoformat() if state.plan_start else None,
            "to": state.plan_end.isoformat() if state.plan_end else None,
        },
        "activities": len(state.activities),
        "posts": {"total": sum(by_status.values()), "byStatus": dict(sorted(by_status.items()))},
        "postsGenerating": len(state.posts_generating),
        "channels": {
            channel.value: state.connections.get(channel, TokenStatus.NEVER_CREATED).value
            for channel in PLAN_CHANNELS
        },
        "premium": {"schedulePosts": state.can_schedule},
    }


def _post_count(n: int, status: ItemStatus) -> str:
    """``"40 drafts"``, ``"1 draft"``, ``"5 scheduled"``."""
    word = status_word(status)
    return plural(n, word) if status == ItemStatus.DRAFT else f"{n} {word}"


def _lines(state: PlannerState, backend: str) -> list[str]:
    period = ""
    if state.plan_start and state.plan_end:
        period = f" from {day_text(state.plan_start)} to {day_text(state.plan_end, year=True)}"
    counts = Counter(
        entry.status for activity in state.activities.values() for entry in activity.items
    )
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].value))
    posts = " · ".join(_post_count(n, status) for status, n in ordered) or "none yet"
    connected = [channel_label(c) for c in PLAN_CHANNELS if state.is_connected(c)]
    unconnected = [channel_label(c) for c in PLAN_CHANNELS if not state.is_connected(c)]
    premium = {
        True: "scheduling posts is included",
        False: "scheduling posts needs the premium plan (not included)",
        None: "the server did not say whether scheduling posts is included",
    }[state.can_schedule]
    lines = [
        f"Backend:   {backend}",
        f"Plan:      {state.plan_status.value} · "
        f"{plural(len(state.activities), 'activity', 'activities')}{period}",
        f"Posts:     {posts}",
    ]
    if state.posts_generating:
        waiting = plural(len(state.posts_generating), "activity", "activities")
        lines.append(f"           posts being generated for {waiting}")
    lines += [
        f"Connected: {', '.join(connected) or 'no channel'}",
        f"Not yet:   {', '.join(unconnected) or 'every channel is connected'}",
        f"Premium:   {premium}",
    ]
    return lines

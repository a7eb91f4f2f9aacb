"""``planner-tui schedule``: the drafts chosen, the same confirmation the app shows, the report.

The drafts: ``--all-connected`` (every draft on a connected channel), ``--activity ID...``
(those activities' drafts) or ``--draft ID...``; ``--from``/``--to`` and ``--channel`` narrow
them. What will happen is worked out by :func:`~tui_planner.store.scheduling.plan_schedule`,
as the app's confirmation does, and printed in its words; ``--dry-run`` stops there. Then it
asks (y/N on a terminal; ``--yes`` otherwise; piped without ``--yes`` it refuses, exit 2),
schedules, and prints the report read back from the server
(:func:`~tui_planner.store.scheduling.outcome_report`). Exit 1 when the call failed (in
part), or when the site cannot schedule at all (premium missing).

``--json`` prints one object::

    {"dryRun": true, "premiumMissing": false,
     "willSchedule": [{"id": "ig-1", "post": "Instagram · Wed 25 Nov · Teaser"}],
     "staysDraft": [{"id": "pin-1", "post": "...", "reason": "CHANNEL_NOT_CONNECTED",
                     "reasonText": "channel not connected"}],
     "scheduled": null, "leftAsDraft": null, "failure": null}

After scheduling (``dryRun`` false), ``scheduled`` lists ``{"id", "post", "goesLive"}``
(UTC, ``Z``) and ``leftAsDraft`` the drafts left behind, in the ``staysDraft`` form.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui_planner.api.models.base import format_wix_datetime
from tui_planner.store.names import goes_live, item_line
from tui_planner.store.scheduling import PREMIUM_MISSING_TEXT, outcome_report, plan_schedule
from tui_planner.store.selectors import item
from tui_planner.sync.commands import ScheduleDrafts
from tui_planner.words import plural

from .console import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    ask_yes_no,
    is_terminal,
    print_json,
)
from .dates import day_range
from .draft_choice import check_posts, drafts_chosen
from .plan_commands import days_note
from .plan_session import with_plan

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from datetime import date, tzinfo

    from tui_planner.store.scheduling import Reason, SchedulePlan, ScheduleReport
    from tui_planner.store.state import PlannerState

    from .context import CommandContext
    from .plan_session import PlanSession

__all__ = ["chosen_draft_ids", "confirmation_lines", "report_lines", "run_schedule"]

REFUSED_WITHOUT_YES = (
    "Scheduling posts needs a yes, and no one is at a terminal to give it: pass --yes to "
    "schedule, or --dry-run to see what would be scheduled."
)


def chosen_draft_ids(
    args: argparse.Namespace, state: PlannerState, tz: tzinfo, today: date
) -> list[str]:
    """The draft ids the flags choose, in plan order (``--draft``: in the order given)."""
    days = day_range(args, today)
    if args.draft_ids:
        if days.start is not None or days.end is not None or args.channel is not None:
            raise CommandError(
                "--draft names the drafts itself; --from, --to and --channel narrow "
                "--all-connected and --activity only.",
                EXIT_USAGE,
            )
        check_posts(state, args.draft_ids)
        return list(dict.fromkeys(args.draft_ids))
    chosen = drafts_chosen(
        state,
        tz,
        days=days,
        activity_ids=args.activity_ids or (),
        channel=args.channel,
        connected_only=args.all_connected,
    )
    return [entry.id for _, entry in chosen]


def confirmation_lines(plan: SchedulePlan, state: PlannerState, tz: tzinfo) -> list[str]:
    """What the app's confirmation says, as lines of text."""
    lines = [plan.headline()]
    if plan.premium_missing:
        lines.append(PREMIUM_MISSING_TEXT)
    if plan.will_schedule:
        lines.append(f"Will be scheduled ({len(plan.will_schedule)})")
        lines += [f"  ✔ {item_line(state, key, tz)}" for key in plan.will_schedule]
    if plan.stays_draft:
        lines.append(f"Will stay a draft ({len(plan.stays_draft)})")
        lines += _held_lines(plan.stays_draft, state, tz)
    if plan.can_confirm:
        lines.append("Each post goes live at its activity's date and time.")
    return lines


def report_lines(report: ScheduleReport, state: PlannerState, tz: tzinfo) -> list[str]:
    """What the app's report says, as lines of text."""
    lines = [report.headline()]
    if report.failure:
        lines.append(report.failure)
    if report.scheduled:
        lines.append(f"Scheduled ({len(report.scheduled)})")
        lines += [
            f"  ✔ {item_line(state, key, tz)}{goes_live(state, key, tz)}"
            for key in report.scheduled
        ]
    if report.left_as_draft:
        lines.append(f"Left as a draft ({len(report.left_as_draft)})")
        lines += _held_lines(report.left_as_draft, state, tz)
    return lines


def _held_lines(held: Sequence[tuple[str, Reason]], state: PlannerState, tz: tzinfo) -> list[str]:
    return [f"  ○ {item_line(state, key, tz)} — {reason.value}" for key, reason in held]


def run_schedule(args: argparse.Namespace, context: CommandContext) -> int:
    async def run(session: PlanSession) -> int:
        state, clock = session.state, session.clock
        tz = clock.tz
        note = days_note(state, day_range(args, clock.today()))
        if note:
            print(note, file=sys.stderr)
        ids = chosen_draft_ids(args, state, tz, clock.today())
        plan = plan_schedule(state, ids, clock.now())
        if not ids:
            if args.json:
                print_json(_document(plan, state, tz, dry_run=args.dry_run))
            else:
                print("There are no drafts to schedule.")
            return EXIT_OK
        if args.json:
            if args.dry_run or not plan.can_confirm:
                print_json(_document(plan, state, tz, dry_run=args.dry_run))
        else:
            print("\n".join(confirmation_lines(plan, state, tz)))
        if plan.premium_missing:
            return EXIT_FAILED
        if args.dry_run or not plan.can_confirm:
            if args.dry_run and not args.json:
                print("Dry run: nothing was sent.")
            return EXIT_OK
        if not args.yes:
            if not is_terminal(sys.stdin):
                raise CommandError(REFUSED_WITHOUT_YES, EXIT_USAGE)
            question = f"Schedule {plural(len(plan.will_schedule), 'draft')}? [y/N] "
            if not ask_yes_no(question):
                raise CommandError("Nothing was scheduled.")
        outcome = await session.execute(ScheduleDrafts(plan.will_schedule))
        # The engine has read the posts back: the report says what the server did.
        after = session.state
        report = outcome_report(
            plan,
            after,
            ok=outcome.ok,
            message=outcome.message,
            scheduled_ids=outcome.scheduled_ids,
            error=outcome.error,
        )
        if args.json:
            print_json(_document(plan, after, tz, dry_run=False, report=report))
        else:
            print()
            print("\n".join(report_lines(report, after, tz)))
        return EXIT_FAILED if report.failure else EXIT_OK

    return with_plan(context, run)


def _document(
    plan: SchedulePlan,
    state: PlannerState,
    tz: tzinfo,
    *,
    dry_run: bool,
    report: ScheduleReport | None = None,
) -> dict[str, Any]:
    def held(pairs: Sequence[tuple[str, Reason]]) -> list[dict[str, Any]]:
        return [
            {
                "id": key,
                "post": item_line(state, key, tz),
                "reason": reason.name,
                "reasonText": reason.value,
            }
            for key, reason in pairs
        ]

    def scheduled(keys: Sequence[str]) -> list[dict[str, Any]]:
        rows = []
        for key in keys:
            found = item(state, key)
            when = found[1].scheduled_date if found else None
            rows.append(
                {
                    "id": key,
                    "post": item_line(state, key, tz),
                    "goesLive": format_wix_datetime(when) if when is not None else None,
                }
            )
        return rows

    return {
        "dryRun": dry_run,
        "premiumMissing": plan.premium_missing,
        "willSchedule": [
            {"id": key, "post": item_line(state, key, tz)} for key in plan.will_schedule
        ],
        "staysDraft": held(plan.stays_draft),
        "scheduled": scheduled(report.scheduled) if report is not None else None,
        "leftAsDraft": held(report.left_as_draft) if report is not None else None,
        "failure": report.failure if report is not None else None,
    }

"""Regenerating or deleting the plan: every way in says what would be lost first, and a
finished generation is a notification that never moves the user."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from textual.widgets import Input

from tests.harness import SIZE, RecordingEngine
from tests.ui.calendar.calendar_host import sample_state
from tui_planner.api.models import PlanStatus
from tui_planner.store.state import PlannerState
from tui_planner.sync.commands import (
    GeneratePlan,
    RegeneratePlan,
    ScheduleDrafts,
    UpdateActivity,
)
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.dialogs.choice import ChoiceDialog
from tui_planner.ui.palette import planner_entries
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.settings import SettingsScreen

Settle = Callable[..., Awaitable[None]]


def run_entry(app: PlannerApp, title: str) -> None:
    """Run the palette entry called ``title``, as choosing it in the palette does."""
    entry = next(e for e in planner_entries(app) if e.title == title)
    entry.run()


def body(app: PlannerApp) -> str:
    """The text of the confirmation on top."""
    assert isinstance(app.screen, ConfirmDialog), f"expected a question, got {app.screen!r}"
    return str(app.screen.query_one("#confirm-body").render())


async def schedule_three(app: PlannerApp) -> tuple[str, ...]:
    """Schedule three drafts on connected channels; their ids."""
    drafts = tuple(
        entry.id
        for activity in sorted(app.state.activities.values(), key=lambda a: a.date)
        for entry in activity.posts
        if app.state.is_connected(entry.channel.name)
    )[:3]
    assert (await app.execute(ScheduleDrafts(drafts))).scheduled_ids == drafts
    return drafts


async def test_deleting_the_plan_from_the_palette_names_what_goes_first(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await schedule_three(app)
        count = len(app.state.activities)

        run_entry(app, "Delete the plan")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        assert body(app) == (
            f"Deletes the plan and its {count} activities. Lost with them: 3 scheduled posts "
            "(they will not go out). Settings and events stay. This cannot be undone."
        )
        await pilot.press("n")
        await settle(pilot)
        assert app.state.plan_status is PlanStatus.ACTIVE, "nothing was sent"

        run_entry(app, "Delete the plan")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: not app.state.activities, what="the plan deleted")
        assert str(app.state.plan_status) == PlanStatus.NEVER_CREATED.value


async def test_ctrl_g_on_a_failed_plan_counts_what_generating_again_replaces(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    failed = replace(sample_state(), plan_status=PlanStatus.FAILED)
    app = make_static_app(failed)
    async with app.run_test(size=SIZE) as pilot:
        assert (await app.execute(UpdateActivity("act-3", title="Ours now"))).ok
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        engine.commands.clear()

        await pilot.press("ctrl+g")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        assert body(app) == (
            "Rebuilds the plan from the current settings and events. It replaces the 6 "
            "upcoming activities (past ones stay). Lost with them: 5 scheduled posts (they "
            "will not go out) and 1 activity you edited."
        )
        await pilot.press("n")
        await settle(pilot)
        assert engine.commands == []

        await pilot.press("ctrl+g")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("y")
        # An existing plan is regenerated (see tui_planner/sync/plan_start.py).
        await settle(pilot, lambda: engine.commands == [RegeneratePlan()], what="the command")


async def test_generating_a_plan_that_was_never_created_asks_nothing(
    make_static_app: Callable[..., PlannerApp], settle: Settle
) -> None:
    app = make_static_app(PlannerState(loaded=True, plan_status=PlanStatus.NEVER_CREATED))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        engine = app.session.engine
        assert isinstance(engine, RecordingEngine)
        await settle(pilot, lambda: engine.commands == [GeneratePlan()], what="the command")
        assert not isinstance(app.screen, ConfirmDialog)


async def test_a_finished_regeneration_leaves_the_user_typing_in_the_event_form(
    make_app: Callable[..., PlannerApp], settle: Settle, generate_plan: Any, advance: Any
) -> None:
    """Issue 15, item 6: when a generation finished the app switched to the calendar, even
    from an event form being typed in."""
    app = make_app(generation_seconds=5)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await pilot.press("f5")
        await settle(pilot, lambda: isinstance(app.screen, SettingsScreen), what="settings")
        tone = app.screen.query_one("#tone_of_voice", Input)
        tone.focus()
        tone.value = "calm and warm"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog), what="the offer")
        offer = str(app.screen.query_one("#choice-body").render())
        assert "Lost with them" in offer or "None of them has a scheduled post" in offer
        await pilot.press("r")
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.GENERATING)

        await pilot.press("f4")
        await settle(pilot, lambda: app.current_mode == "events", what="the events screen")
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, EventForm), what="the event form")
        form = app.screen
        form.query_one("#event-name", Input).value = "Half-typed open stud"

        for _ in range(30):
            if app.state.plan_status == PlanStatus.ACTIVE:
                break
            await advance(pilot, 1.0)
        await settle(
            pilot,
            lambda: any(n.title == "Plan ready" for n in app._notifications),
            what="the summary",
        )
        assert app.current_mode == "events"
        assert app.screen is form
        assert form.query_one("#event-name", Input).value == "Half-typed open stud"

"""Editing an activity: the form opens filled in, sends only what changed, and keeps what
was typed until the server has it, however slow the server is or however often ctrl+s is
pressed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.widgets import Button, Input, Static, TextArea

from tests.harness import advance, advance_until, on_clock
from tests.ui.activity.test_activity_detail import first_with_posts, open_detail
from tui_planner.api.models import PlanStatus
from tui_planner.sync.commands import GeneratePlan
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.dialogs.form_modal import SAVING_LABEL, STILL_SAVING
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.activity_form import ActivityForm
from tui_planner.ui.widgets.field_error import FieldError

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]


def form(app: PlannerApp) -> ActivityForm:
    """The activity form on top."""
    screen = app.screen
    assert isinstance(screen, ActivityForm), f"expected the activity form, got {screen!r}"
    return screen


def notices(app: PlannerApp) -> list[str]:
    """The messages of the notifications on show."""
    return [notification.message for notification in app._notifications]


async def test_e_opens_the_form_filled_in_and_a_new_title_sends_only_the_title(
    make_app: Any, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        before = app.state.activities[activity_id]
        log = watch_requests(app)
        await pilot.press("e")
        await pilot.pause()
        editing = form(app)
        assert editing.query_one("#activity-title", Input).value == before.title
        assert editing.query_one(TextArea).text == before.description
        assert editing.query_one("#activity-date", Input).value == "2026-11-24"
        assert not editing.query("#activity-type")  # the API does not change an activity's type
        editing.query_one("#activity-title", Input).value = "A sharper title"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDetailScreen)
        (body,) = log.sent("PATCH", f"/items/{activity_id}")
        assert body["fieldMask"] == "title"
        assert body["marketingActivity"] == {"id": activity_id, "title": "A sharper title"}
        stored = await app.session.backend.plan.get_marketing_activity(activity_id)
        assert stored.title == "A sharper title"
        assert stored.description == before.description
        shown = app.screen.query_one("#detail-title", Static)
        assert str(shown.render()) == "A sharper title"


async def test_the_date_must_be_in_the_plan_then_description_and_date_are_sent(
    make_app: Any, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        log = watch_requests(app)
        await pilot.press("e")
        await pilot.pause()
        editing = form(app)
        editing.query_one("#activity-date", Input).value = "2027-05-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = editing.query_one("#activity-date-error", FieldError)
        assert error.message == "The plan ends on Thu 31 Dec 2026; pick that day or earlier."
        assert log.sent("PATCH", "/items/") == []
        editing.query_one("#activity-date", Input).value = "2026-12-10"
        editing.query_one(TextArea).text = "A new description."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(log.sent("PATCH", "/items/")))
        (body,) = log.sent("PATCH", f"/items/{activity_id}")
        assert body["fieldMask"] == "description,targetDate"
        assert body["marketingActivity"]["targetDate"].startswith("2026-12-10T")
        assert "title" not in body["marketingActivity"]


async def test_saving_nothing_changed_closes_the_form_without_a_request(
    make_app: Any, settle: Settle, generate_plan: Any, watch_requests: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(app, pilot, settle, generate_plan)
        log = watch_requests(app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDetailScreen)
        assert "Nothing changed." in notices(app)
        assert log.sent("PATCH", "/items/") == []


async def test_escape_asks_before_dropping_edits_and_keep_editing_keeps_them(
    make_app: Any, settle: Settle, generate_plan: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        detail = app.screen
        title = app.state.activities[activity_id].title

        # Nothing typed: escape just closes the form.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is detail

        # A changed description: escape asks, and "Keep editing" (focused) keeps it.
        await pilot.press("e")
        await pilot.pause()
        form(app).query_one(TextArea).text = "Half a thought"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert form(app).query_one(TextArea).text == "Half a thought"

        # Discarding closes the form and sends nothing.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is detail
        assert app.state.activities[activity_id].title == title
        assert app.state.activities[activity_id].description != "Half a thought"
        # The detail screen's own keys work again ("e" is not typed into a hidden field).
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ActivityForm)


async def test_a_refused_save_keeps_the_form_open_with_the_typing_and_the_reason(
    make_app: Any, settle: Settle, generate_plan: Any
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        activity_id = await open_detail(app, pilot, settle, generate_plan)
        await pilot.press("e")
        await pilot.pause()
        # Someone deletes the activity on the site meanwhile: the update is refused (404).
        await app.session.backend.plan.delete_plan_marketing_activity(activity_id)
        editing = form(app)
        editing.query_one("#activity-title", Input).value = "Worth keeping"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not editing.saving, what="the refusal")
        assert app.screen is editing
        assert editing.query_one("#activity-title", Input).value == "Worth keeping"
        reason = editing.query_one("#form-error", FieldError).message
        assert reason is not None
        assert reason.startswith("Could not update the activity:")
        assert not editing.query_one("#activity-title", Input).disabled
        assert str(editing.query_one("#form-save", Button).label) == "Save"
        # The detail screen waits under the form; once the form goes, it closes too.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: not isinstance(app.screen, ActivityDetailScreen | ActivityForm))
        assert any("no longer in the plan" in notice for notice in notices(app))


async def test_a_second_ctrl_s_while_a_slow_save_is_in_flight_loses_nothing(
    make_app: Any, watch_requests: Any
) -> None:
    """Issue 15, item 1: with a 3 s server, ctrl+s then ctrl+s 0.7 s later used to cancel the
    first save, answer "Nothing changed." and leave the title in neither screen nor data."""
    app = make_app(latency_ms=3000)
    async with app.run_test(size=SIZE) as pilot:
        await advance_until(pilot, lambda: app.state.loaded, what="the first load")
        await on_clock(pilot, app.execute(GeneratePlan()))
        await advance_until(
            pilot,
            lambda: app.state.plan_status == PlanStatus.ACTIVE and not app.state.pending,
            what="an ACTIVE plan",
        )
        activity_id = first_with_posts(app).id
        await app.push_screen(ActivityDetailScreen(activity_id))
        detail = app.screen
        log = watch_requests(app)
        await pilot.press("e")
        await pilot.pause()
        editing = form(app)
        editing.query_one("#activity-title", Input).value = "Slow but sure"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editing.saving
        assert str(editing.query_one("#form-save", Button).label) == SAVING_LABEL
        assert editing.query_one("#activity-title", Input).disabled

        await advance(pilot, 0.7, step=0.7)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editing
        assert STILL_SAVING in notices(app)
        assert "Nothing changed." not in notices(app)

        await advance_until(pilot, lambda: app.screen is detail, what="the form closing")
        assert len(log.sent("PATCH", f"/items/{activity_id}")) == 1
        await advance_until(pilot, lambda: not app.state.pending, what="nothing pending")
        assert app.state.activities[activity_id].title == "Slow but sure"
        shown = detail.query_one("#detail-title", Static)
        assert str(shown.render()) == "Slow but sure"
        stored = await on_clock(pilot, app.session.backend.plan.get_marketing_activity(activity_id))
        assert stored.title == "Slow but sure"

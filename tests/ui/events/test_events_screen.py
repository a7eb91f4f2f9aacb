"""Events: list, create, edit and delete calendar events, and the offer to regenerate."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.widgets import DataTable, Input, RadioButton, Select

from tui_planner.api.models import CalendarEvent, PlanStatus, RecurrenceFrequency
from tui_planner.store.selectors import period_bounds
from tui_planner.sync.commands import ScheduleDrafts, UpdateActivity
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.screens.event_form import EventForm, check_length
from tui_planner.ui.screens.events import EventsScreen
from tui_planner.ui.widgets.field_error import FieldError

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]


async def open_events(app: PlannerApp, pilot: Any, settle: Settle, generate_plan: Any) -> None:
    await generate_plan(pilot)
    await pilot.press("f4")
    await settle(pilot, lambda: isinstance(app.screen, EventsScreen), what="the events screen")


def events_screen(app: PlannerApp) -> EventsScreen:
    assert isinstance(app.screen, EventsScreen)
    return app.screen


def errors(app: PlannerApp) -> dict[str, str | None]:
    return {error.id or "": error.message for error in app.screen.query(FieldError)}


def named(app: PlannerApp, name: str) -> CalendarEvent | None:
    return next((event for event in app.state.events if event.name == name), None)


async def test_the_list_marks_recurring_and_read_only_events(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        table = events_screen(app).query_one(DataTable)
        assert table.row_count == len(app.state.events) > 0
        rows = [
            " | ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)
        ]
        recurring = [e for e in app.state.events if e.is_recurring]
        assert recurring, "the sandbox's seed plan has a yearly anniversary"
        assert any("↻ Yearly" in row for row in rows)
        assert any("Once" in row for row in rows)
        assert all("Connected" in row for row in rows if "⊠" in row)


async def test_create_a_one_time_event_then_offer_to_regenerate(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        await pilot.press("ctrl+s")
        assert errors(app)["event-name-error"] == "A name is required."
        app.screen.query_one("#event-name", Input).value = "Studio open day"
        app.screen.query_one("#event-date", Input).value = "someday"
        await pilot.press("ctrl+s")
        assert "“someday” is not a date" in (errors(app)["event-date-error"] or "")
        app.screen.query_one("#event-date", Input).value = "2026-12-12"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: named(app, "Studio open day") is not None)
        created = named(app, "Studio open day")
        assert created is not None
        assert created.id
        assert created.date is not None
        assert created.date.date().isoformat() == "2026-12-12"
        assert not created.is_recurring
        remote = await app.session.backend.plan.query_events(*_plan_bounds(app))
        assert any(event.name == "Studio open day" for event in remote)

        assert (
            "Created the event “Studio open day”. Press R to regenerate the plan so it "
            "accounts for the change."
        ) in [n.message for n in app._notifications]
        screen = events_screen(app)
        assert screen.query_one("#events-regenerate").display
        assert screen.check_action("regenerate", ()) is True
        await pilot.press("R")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("y")
        await settle(pilot)
        assert screen.check_action("regenerate", ()) is False


async def test_r_says_how_many_scheduled_posts_and_edits_a_regeneration_loses_first(
    make_app: Any, settle: Settle, generate_plan: Any, advance: Any
) -> None:
    """Issue 15, item 5: R regenerated at once, and 24 of 29 scheduled posts were gone
    without a word before or after."""
    app = make_app(generation_seconds=3)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        upcoming = sorted(app.state.activities.values(), key=lambda a: a.date)
        drafts = tuple(
            entry.id
            for activity in upcoming
            for entry in activity.posts
            if app.state.is_connected(entry.channel.name)
        )[:3]
        assert (await app.execute(ScheduleDrafts(drafts))).scheduled_ids == drafts
        edited = upcoming[-1]
        assert (await app.execute(UpdateActivity(edited.id, title="Ours now"))).ok
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen), what="the events")
        screen = events_screen(app)
        screen._offer_regenerate = True  # as after an event change
        screen.refresh_bindings()
        before = len(app.state.activities)

        await pilot.press("R")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        body = str(app.screen.query_one("#confirm-body").render())
        assert body == (
            "Rebuilds the plan from the current settings and events. It replaces the "
            f"{before} upcoming activities (past ones stay). Lost with them: 3 scheduled "
            "posts (they will not go out) and 1 activity you edited."
        )
        await pilot.press("n")
        await settle(pilot)
        assert app.state.plan_status == PlanStatus.ACTIVE, "nothing was sent"
        assert screen.check_action("regenerate", ()) is True, "the offer stays"

        await pilot.press("R")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        await pilot.press("y")
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.GENERATING)
        for _ in range(30):
            if app.state.plan_status == PlanStatus.ACTIVE:
                break
            await advance(pilot, 1.0)

        def summary() -> str | None:
            return next((n.message for n in app._notifications if n.title == "Plan ready"), None)

        await settle(pilot, lambda: summary() is not None, what="the summary")
        assert "removed (with 3 scheduled posts)" in (summary() or "")
        assert app.screen is screen, "the summary is a notification; the screen stays"


async def test_create_a_recurring_event_with_its_rule(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#event-name", Input).value = "Glaze night"
        form.query_one("#kind-repeat", RadioButton).value = True
        await pilot.pause()
        assert form.has_class("-recurring")
        form.query_one("#event-frequency", Select).value = RecurrenceFrequency.WEEKLY
        form.query_one("#event-start", Input).value = "2026-11-26"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: named(app, "Glaze night") is not None)
        created = named(app, "Glaze night")
        assert created is not None
        assert created.recurring_rule is not None
        assert created.recurring_rule.frequency == RecurrenceFrequency.WEEKLY


async def test_names_and_descriptions_over_3000_characters_are_refused_inline(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    assert check_length("x" * 3000, "The name") is None
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#event-name", Input).value = "x" * 3001
        app.screen.query_one("#event-date", Input).value = "2026-12-12"
        await pilot.press("ctrl+s")
        assert (
            errors(app)["event-name-error"] == "The name is 3,001 characters; the limit is 3,000."
        )
        assert isinstance(app.screen, EventForm), "the form stays open with its values"


async def test_edit_and_delete_an_event_with_confirmation(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#event-name", Input).value = "Kiln sale"
        app.screen.query_one("#event-date", Input).value = "2026-12-05"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: named(app, "Kiln sale") is not None)
        screen = events_screen(app)
        table = screen.query_one(DataTable)
        created = named(app, "Kiln sale")
        assert created is not None
        assert created.id
        table.move_cursor(row=table.get_row_index(created.id))

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#event-name", Input).value == "Kiln sale"
        app.screen.query_one("#event-name", Input).value = "Big kiln sale"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: named(app, "Big kiln sale") is not None)
        assert named(app, "Kiln sale") is None

        table.move_cursor(row=table.get_row_index(created.id))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert named(app, "Big kiln sale") is not None, "cancel leaves the event"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, lambda: named(app, "Big kiln sale") is None)
        remote = await app.session.backend.plan.query_events(*_plan_bounds(app))
        assert all(event.id != created.id for event in remote)


async def test_read_only_events_are_not_offered_for_edit_or_delete(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    """Rich: the event says it is read-only. Documented: nothing does until the server
    refuses a change (428); the app says so once and offers no edit or delete after that."""
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        connected = next(e for e in app.state.events if e.name.endswith("makers market"))
        screen = events_screen(app)
        table = screen.query_one(DataTable)
        assert connected.id
        table.move_cursor(row=table.get_row_index(connected.id))
        await pilot.pause()

        if shape == "documented":
            assert screen.check_action("edit_event", ()) is True, "nothing says it is read-only"
            await pilot.press("e")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, EventForm)
            form.query_one("#event-name", Input).value = "Makers market (moved)"
            await pilot.press("ctrl+s")
            await settle(pilot, lambda: form.query_one("#form-error", FieldError).message)
            refusal = form.query_one("#form-error", FieldError).message or ""
            assert refusal.startswith("Could not update the event")
            said = [n.message for n in app._notifications if "read-only" in n.message]
            assert said == [
                f"The server refuses to change “{connected.name}”: it comes from a connected "
                "calendar (change it there) or no longer exists, so it is read-only here from "
                "now on."
            ]
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("y")  # discard what was typed
            await settle(pilot, lambda: app.screen is screen, what="back on the list")
            row = " | ".join(str(cell) for cell in table.get_row_at(table.cursor_row))
            assert "⊠ Read-only" in row
        else:
            row = " | ".join(str(cell) for cell in table.get_row_at(table.cursor_row))
            assert "⊠ Connected" in row

        notified = len(app._notifications)
        assert screen.check_action("edit_event", ()) is None
        assert screen.check_action("delete_event", ()) is None
        await pilot.press("e")
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen, "no form and no confirmation opened"
        assert len(app._notifications) == notified, "said once, not again"
        assert named(app, connected.name) is not None


def _plan_bounds(app: PlannerApp) -> tuple[Any, Any]:
    assert app.state.plan_start
    assert app.state.plan_end
    return period_bounds(app.state.plan_start, app.state.plan_end, app.clock.tz)


async def test_cancelling_a_form_with_changes_asks_and_keeping_editing_keeps_them(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        count = len(app.state.events)

        # Untouched, escape closes at once.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen)

        # Typed into, escape asks; "Keep editing" (the focused button) returns to the form.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Kiln sale")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "has not been saved" in str(app.screen.query_one("#confirm-body").render())
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#event-name", Input).value == "Kiln sale"

        # Choosing another kind of event is a change too; discarding closes without saving.
        form.query_one("#event-name", Input).value = ""
        await pilot.pause()
        assert not form.changed, "back as it opened"
        form.query_one("#kind-repeat", RadioButton).value = True
        await pilot.pause()
        assert form.changed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert len(app.state.events) == count


async def test_a_refused_event_save_keeps_the_form_open_with_what_was_typed(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(app, pilot, settle, generate_plan)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#event-name", Input).value = "Glaze workshop"
        app.screen.query_one("#event-date", Input).value = "2026-12-05"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: named(app, "Glaze workshop") is not None)
        created = named(app, "Glaze workshop")
        assert created is not None
        assert created.id
        table = events_screen(app).query_one(DataTable)
        table.move_cursor(row=table.get_row_index(created.id))
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        # Deleted on the site meanwhile: the update is refused.
        await app.session.backend.plan.delete_event(created.id)
        form.query_one("#event-name", Input).value = "Glaze workshop, two days"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not form.saving, what="the refusal")
        assert app.screen is form
        assert form.query_one("#event-name", Input).value == "Glaze workshop, two days"
        assert (errors(app)["form-error"] or "").startswith("Could not update the event")

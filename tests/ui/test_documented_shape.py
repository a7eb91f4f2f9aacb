"""Issue 13: against a server that answers only what the contract states, the app shows the
right plan. Each test runs over both sandbox shapes; the documented one is the point.

The other defects of the issue are proved where their feature is tested, over both shapes:
stories shown, regenerated and cleared (``activity/test_activity_stories.py``), read-only
events learned from the refusal (``events/test_events_screen.py``), Wix error bodies for an
unknown route and a wrong verb (``tests/sandbox/test_route_errors.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from textual.widgets import DataTable, Input

from tui_planner.api.models import (
    CalendarEvent,
    MarketingActivityType,
    PlanStatus,
    RecurrenceFrequency,
    RecurringRule,
)
from tui_planner.store.selectors import period_bounds
from tui_planner.sync.commands import GeneratePlan
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.events import EventsScreen
from tui_planner.ui.widgets.agenda import Agenda

SIZE = (120, 40)
Settle = Callable[..., Awaitable[None]]


def _agenda_text(app: PlannerApp) -> str:
    agenda = app.screen.query_one(Agenda)
    return "\n".join(agenda.render_line(y).text for y in range(agenda.size.height))


async def test_activity_types_show_on_the_calendar_and_in_the_detail(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        await settle(
            pilot,
            lambda: all(a.marketing_activity_type for a in app.state.activities.values()),
            what="every activity's type",
        )
        kinds = {a.marketing_activity_type for a in app.state.activities.values()}
        assert MarketingActivityType.BLOG in kinds
        blog = min(
            (
                a
                for a in app.state.activities.values()
                if a.marketing_activity_type == MarketingActivityType.BLOG
            ),
            key=lambda a: a.date,
        )
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        calendar.select_date(blog.date.astimezone(app.clock.tz).date())
        await pilot.pause()
        assert f"¶ {blog.title}" in _agenda_text(app)

        await app.action_open_activity(blog.id)
        await settle(pilot, lambda: isinstance(app.screen, ActivityDetailScreen))
        meta = str(app.screen.query_one("#detail-meta").render())
        assert meta.startswith("¶ Blog"), meta


async def test_editing_an_event_keeps_its_time_of_day(
    make_app: Any, shape: str, settle: Settle, generate_plan: Any
) -> None:
    app = make_app(shape=shape)
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        assert app.session.backend is not None
        plan = app.session.backend.plan
        day = app.clock.today() + timedelta(days=10)
        at_half_three = datetime.combine(day, time(15, 30), tzinfo=UTC)
        weekly_at_five = datetime.combine(day, time(17, 0), tzinfo=UTC)
        once = await plan.create_event(CalendarEvent(name="Glaze talk", date=at_half_three))
        weekly = await plan.create_event(
            CalendarEvent(
                name="Live demo",
                recurring_rule=RecurringRule(
                    frequency=RecurrenceFrequency.WEEKLY, start_date=weekly_at_five
                ),
            )
        )
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.screen, EventsScreen))
        assert app.session.engine is not None
        app.session.engine.request_sync()
        await settle(
            pilot,
            lambda: {"Glaze talk", "Live demo"} <= {e.name for e in app.state.events},
            what="the events made elsewhere",
        )
        screen = app.screen
        for event, renamed in ((once, "Glaze talk (long)"), (weekly, "Live demo (long)")):
            assert event.id
            table = screen.query_one(DataTable)
            table.move_cursor(row=table.get_row_index(event.id))
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, EventForm)
            app.screen.query_one("#event-name", Input).value = renamed
            await pilot.press("ctrl+s")
            await settle(pilot, lambda: app.screen is screen, what="the form closed")

        assert app.state.plan_start
        assert app.state.plan_end
        stored = {
            e.name: e
            for e in await plan.query_events(
                *period_bounds(app.state.plan_start, app.state.plan_end, UTC)
            )
        }
        assert stored["Glaze talk (long)"].date == at_half_three
        occurrences = stored["Live demo (long)"].recurring_occurrences
        assert occurrences
        assert occurrences[0].date == weekly_at_five
        assert {o.date.time() for o in occurrences} == {time(17, 0)}


async def test_ctrl_g_retries_a_failed_plan_by_regenerating_it(
    make_app: Any, shape: str, settle: Settle, advance: Any
) -> None:
    # An unpublished site with an even seed fails its generations.
    app = make_app(shape=shape, site_published=False, seed=8)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, what="the first load")
        assert app.session.backend is not None
        sent: list[str] = []

        async def record(request: Any) -> None:
            sent.append(request.url.path.rsplit("/", 1)[-1])

        outcome = await app.execute(GeneratePlan())
        assert outcome.ok, outcome.message
        await advance(pilot, 8)
        await settle(pilot, lambda: app.state.plan_status == PlanStatus.FAILED, what="FAILED")
        app.session.backend.http.event_hooks["request"].append(record)

        await pilot.press("ctrl+g")
        await settle(
            pilot,
            lambda: app.state.plan_status == PlanStatus.GENERATING and not app.state.pending,
            what="the retry",
        )
        assert "regenerate-marketing-plan" in sent
        assert "generate-marketing-plan" not in sent
        assert app.state.last_error is None

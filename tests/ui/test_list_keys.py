"""j/k, g/G, home/end in the tables and lists, where the screen leaves the letters free."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from textual.containers import VerticalScroll
from textual.widgets import DataTable, SelectionList

from tests.harness import SIZE
from tests.ui.posts.fixed_posts import posts_app
from tui_planner.api.models import (
    CalendarEvent,
    Channel,
    ChannelName,
    PlanMarketingActivity,
    PlanStatus,
    PostContent,
    PostItem,
)
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.goto_date import GotoDateDialog
from tui_planner.ui.screens.help import HelpScreen
from tui_planner.ui.screens.posts import PostsScreen
from tui_planner.ui.screens.schedule_confirm import ScheduleConfirmScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.list_keys import KeyedScroll
from tui_planner.ui.widgets.week_view import WeekView

MakeStaticApp = Callable[..., PlannerApp]


def _activity(activity_id: str, hour: int) -> PlanMarketingActivity:
    posts = tuple(
        PostItem(
            id=f"{activity_id}-{channel.value}",
            channel=Channel(name=channel),
            instagram_post=PostContent(caption=f"{activity_id} on {channel.value}"),
        )
        for channel in (ChannelName.INSTAGRAM, ChannelName.FACEBOOK)
    )
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 11, 24, hour, tzinfo=UTC),
        title=f"Activity {activity_id}",
        items=posts,
    )


PLAN = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    activities=frozen_mapping({key: _activity(key, 8 + n) for n, key in enumerate("abc")}),
    events=tuple(CalendarEvent(id=f"ev{n}", name=f"Event {n}") for n in range(4)),
)


async def test_j_k_g_and_shift_g_move_through_the_events_table(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.has_focus
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 3
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 3
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_drafts_table_takes_j_k_g_and_end_and_leaves_shift_g_to_the_screen(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.table  # type: ignore[attr-defined]
        assert len(table.keys) == 6
        await pilot.press("j", "j", "j")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("end")
        assert table.cursor_row == 5
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("G")  # not the bottom: G is the screen's "generate posts"
        assert table.cursor_row == 0
        await pilot.press("p")  # the activities without posts, where G applies
        await pilot.pause()
        active = app.screen.active_bindings["G"]
        assert (active.node, active.binding.action) == (app.screen, "generate_posts")


async def test_j_and_k_move_in_the_agenda_and_the_week_list(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        calendar.select_date(datetime(2026, 11, 24).date())
        await pilot.press("enter")  # three activities that day: into the agenda
        agenda = calendar.query_one(Agenda)
        assert agenda.has_focus
        assert agenda.highlighted_id == "a"
        await pilot.press("j", "j")
        assert agenda.highlighted_id == "c"
        await pilot.press("k")
        assert agenda.highlighted_id == "b"
        assert calendar.selected_date.day == 24  # the calendar's j (a week on) stayed put

        await pilot.press("escape", "v")
        await pilot.pause()
        week = calendar.query_one(WeekView)
        assert week.has_focus
        start = week.highlighted_option.id if week.highlighted_option else None
        await pilot.press("j")
        after = week.highlighted_option.id if week.highlighted_option else None
        assert (start, after) == ("a", "b")
        await pilot.press("k")
        assert week.highlighted_option is not None
        assert week.highlighted_option.id == "a"


async def test_help_scrolls_with_j_k_g_and_shift_g(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one(KeyedScroll)
        assert scroll.max_scroll_y > 2
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_help_lists_the_list_keys_with_their_ids(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        ids = {entry.binding_id: entry.keys for entry in app.screen.entries}
        assert ids["list.down"] == ("↓", "j")  # beside the table's own arrow
        assert ids["list.bottom"] == ("end", "^end", "G")  # with the table's own ctrl+end
        assert ids["app.search"] == ("/",)


async def test_shift_g_goes_to_the_bottom_of_the_agenda_and_the_week_list(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        calendar.select_date(datetime(2026, 11, 24).date())
        await pilot.press("enter")
        agenda = calendar.query_one(Agenda)
        await pilot.press("G")
        assert agenda.highlighted_id == "c"
        await pilot.press("home")
        assert agenda.highlighted_id == "a"

        await pilot.press("escape", "v")
        await pilot.pause()
        week = calendar.query_one(WeekView)
        assert week.has_focus
        await pilot.press("G")
        assert week.highlighted_option is not None
        assert week.highlighted_option.id == "c"
        await pilot.press("g")  # the calendar's go-to-date, as before
        await pilot.pause()
        assert isinstance(app.screen, GotoDateDialog)


async def test_j_k_g_and_shift_g_move_through_the_posts_list() -> None:
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PostsScreen)
        listing = screen.post_list
        keys = listing.keys

        def at() -> str | None:
            shown = listing.highlighted
            return shown.key if shown is not None else None

        assert at() == keys[0]
        await pilot.press("j", "j")
        assert at() == keys[2]
        await pilot.press("k")
        assert at() == keys[1]
        await pilot.press("G")
        assert at() == keys[-1]
        await pilot.press("g")
        assert at() == keys[0]


def _busy_activity(activity_id: str, hour: int) -> PlanMarketingActivity:
    """An activity with a post on every network: more lines than a short terminal holds."""
    posts = tuple(
        PostItem(
            id=f"{activity_id}-{channel.value}",
            channel=Channel(name=channel),
            instagram_post=PostContent(caption=f"{activity_id} on {channel.value}"),
        )
        for channel in ChannelName
    )
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 11, 24, hour, tzinfo=UTC),
        title=f"Activity {activity_id}",
        description="A long description. " * 30,
        items=posts,
    )


BUSY_PLAN = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    activities=frozen_mapping({key: _busy_activity(key, 8 + n) for n, key in enumerate("abcd")}),
)


async def test_shift_g_and_home_scroll_the_activity_detail(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(BUSY_PLAN)
    async with app.run_test(size=(80, 16)) as pilot:
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        calendar.select_date(datetime(2026, 11, 24).date())
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        body = app.screen.query_one("#detail-body", VerticalScroll)
        assert body.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_the_schedule_confirmation_scrolls_its_lists_with_the_list_keys(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(BUSY_PLAN)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("a", "s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleConfirmScreen)
        lists = app.screen.query_one("#dialog-lists", KeyedScroll)
        assert lists.max_scroll_y > 1
        await pilot.press("j")
        await pilot.pause()
        assert lists.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert lists.scroll_y == lists.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert lists.scroll_y == lists.max_scroll_y - 1
        await pilot.press("g")
        await pilot.pause()
        assert lists.scroll_y == 0


async def test_the_settings_selection_lists_take_j_k_g_and_shift_g(
    make_app: Callable[..., PlannerApp], settle: Callable[..., Awaitable[None]]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot, lambda: bool(app.screen.query("#social_channels")), what="the form")
        channels = app.screen.query_one("#social_channels", SelectionList)
        channels.focus()
        await pilot.pause()
        channels.highlighted = 0
        last = channels.option_count - 1
        await pilot.press("j", "j")
        assert channels.highlighted == 2
        await pilot.press("k")
        assert channels.highlighted == 1
        await pilot.press("G")
        assert channels.highlighted == last
        await pilot.press("g")
        assert channels.highlighted == 0
        assert app.screen.focused is channels, "the keys stayed in the list"

"""Search with ``/``: results as you type, enter opens the hit where it lives, ``n``/``N``
step through the matches on the screen on show."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from textual.content import Content
from textual.widgets import Input, OptionList

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
from tui_planner.store.search import SearchKind
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.activity_detail import ActivityDetailScreen
from tui_planner.ui.screens.calendar import CalendarScreen
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.posts import PostsScreen
from tui_planner.ui.screens.search import MATCH_STYLE, SearchScreen
from tui_planner.ui.screens.settings import SettingsScreen
from tui_planner.ui.widgets.agenda import Agenda
from tui_planner.ui.widgets.form_field import FormField

MakeApp = Callable[..., PlannerApp]
MakeStaticApp = Callable[..., PlannerApp]
Settle = Callable[..., Awaitable[None]]


def _post(item_id: str, channel: ChannelName, caption: str) -> PostItem:
    content = PostContent(caption=caption)
    field = "instagram_post" if channel == ChannelName.INSTAGRAM else "facebook_post"
    return PostItem(id=item_id, channel=Channel(name=channel), **{field: content})


def _activity(activity_id: str, day: int, title: str, *posts: PostItem) -> PlanMarketingActivity:
    return PlanMarketingActivity(
        marketing_activity_id=activity_id,
        date=datetime(2026, 11, day, 10, tzinfo=UTC),
        title=title,
        description=f"About {title.lower()}",
        items=posts,
    )


PLAN = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    activities=frozen_mapping(
        {
            "mugs": _activity(
                "mugs",
                24,
                "Mug restock",
                _post("mugs-ig", ChannelName.INSTAGRAM, "Speckled mugs are back on the shelf."),
                _post("mugs-fb", ChannelName.FACEBOOK, "The glaze kiln was busy this week."),
            ),
            "kiln": _activity("kiln", 26, "Glaze kiln morning"),
            "candles": _activity(
                "candles",
                28,
                "Candle trio",
                _post("candles-ig", ChannelName.INSTAGRAM, "Three candles, one glaze."),
            ),
            "market": _activity("market", 30, "Makers market"),
        }
    ),
    events=(
        CalendarEvent(id="ev-market", name="Makers market", description="Glaze demos all day"),
        CalendarEvent(id="ev-sale", name="Winter sale"),
    ),
)


async def _search(pilot, query: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for character in query:
        await pilot.press(character if character != " " else "space")
    await pilot.pause()
    return screen


async def test_slash_finds_a_caption_word_and_enter_opens_that_post(
    make_app: MakeApp, generate_plan: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await generate_plan(pilot)
        screen = await _search(pilot, "pull up a chair")

        posts = screen.results.of_kind(SearchKind.POST)
        assert posts, "the caption phrase should find a post"
        first = posts[0]
        assert [first.text[a:b].lower() for a, b in first.text_spans] == ["pull up a chair"]
        assert screen.results.of_kind(SearchKind.ACTIVITY) == ()
        await pilot.press("enter")
        await pilot.pause()

        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.post is not None
        assert preview.post.id == first.key
        assert "pull up a chair" in preview.post.text.lower()
        assert app.active_search == "pull up a chair"


async def test_results_follow_each_keystroke_grouped_by_kind_with_the_match_marked(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "gla")
        assert {hit.kind for hit in screen.results.hits} == {
            SearchKind.ACTIVITY,
            SearchKind.POST,
            SearchKind.EVENT,
        }
        await pilot.press("z", "e")
        await pilot.pause()
        results = screen.results
        assert results.query == "glaze"
        assert [(hit.kind, hit.key) for hit in results.hits] == [
            (SearchKind.ACTIVITY, "kiln"),
            (SearchKind.POST, "mugs-fb"),
            (SearchKind.POST, "candles-ig"),
            (SearchKind.EVENT, "ev-market"),
        ]
        listing = screen.query_one("#search-results", OptionList)
        prompts = [option.prompt for option in listing.options if option.disabled]
        assert all(isinstance(prompt, Content) for prompt in prompts)
        headings = [str(prompt).split()[0] for prompt in prompts]
        assert headings == ["Activities", "Posts", "Events"]
        kiln = listing.get_option("activity:kiln").prompt
        assert isinstance(kiln, Content)
        marked = [kiln.plain[s.start : s.end] for s in kiln.spans if str(s.style) == MATCH_STYLE]
        assert marked == ["Glaze"]
        # The first hit is highlighted, so enter opens it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDetailScreen)
        assert app.screen.activity_id == "kiln"


async def test_arrow_keys_choose_while_typing_and_escape_closes_without_opening(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "market")
        listing = screen.query_one("#search-results", OptionList)
        assert screen.focused is screen.query_one(Input)
        first = listing.highlighted
        await pilot.press("down")
        assert listing.highlighted is not None
        assert first is not None
        assert listing.highlighted > first
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert app.active_search is None


async def test_enter_on_an_event_selects_it_in_events(make_static_app: MakeStaticApp) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "winter sale")
        assert [hit.key for hit in screen.results.hits] == ["ev-sale"]
        await pilot.press("enter")
        await pilot.pause()

        assert app.current_mode == "events"
        assert app.screen.selected_event is not None  # type: ignore[attr-defined]
        assert app.screen.selected_event.id == "ev-sale"  # type: ignore[attr-defined]


async def test_enter_on_a_settings_label_focuses_that_field(
    make_app: MakeApp, settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _search(pilot, "tone of")
        assert [hit.key for hit in screen.results.hits] == ["tone_of_voice"]
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen.focused is not None, what="a focused field")
        await settle(
            pilot,
            lambda: (
                isinstance(app.screen.focused, Input) and app.screen.focused.id == "tone_of_voice"
            ),
            what="the tone of voice field focused",
        )
        assert app.current_mode == "settings"


async def test_n_and_shift_n_step_through_matching_activities_in_the_calendar(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await _search(pilot, "glaze")
        await pilot.press("escape")  # close the search: nothing opened, nothing active
        assert app.active_search is None
        await _search(pilot, "glaze")
        await pilot.press("enter")  # opens "Glaze kiln morning" (26 Nov)
        await pilot.pause()
        await pilot.press("escape")  # back to the calendar
        await pilot.pause()
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)

        # Today is 23 Nov: the mugs' caption (24th), the kiln (26th), the candles (28th)
        # and the market's event description does not count: events are not activities.
        await pilot.press("n")
        assert calendar.selected_date.day == 24
        agenda = calendar.query_one(Agenda)
        assert agenda.has_focus
        assert agenda.highlighted_id == "mugs"
        await pilot.press("n")
        assert agenda.highlighted_id == "kiln"
        await pilot.press("n", "n")
        assert agenda.highlighted_id == "mugs"  # wrapped round
        await pilot.press("N")
        assert agenda.highlighted_id == "candles"
        assert calendar.selected_date.day == 28

        # While a search is active n steps; escape (from the grid) ends it, then n is "new".
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.active_search is None
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ActivityForm"


async def test_n_in_drafts_moves_to_the_next_row_whose_caption_matches(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        drafts = app.screen
        table = drafts.table  # type: ignore[attr-defined]
        assert table.keys == ("mugs-ig", "mugs-fb", "candles-ig")
        app.active_search = "glaze"
        app.refresh_bindings()
        await pilot.press("n")
        assert table.cursor_key == "mugs-fb"
        await pilot.press("n")
        assert table.cursor_key == "candles-ig"
        await pilot.press("N")
        assert table.cursor_key == "mugs-fb"


async def test_n_in_events_moves_to_the_next_matching_event_and_n_new_steps_aside(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        app.active_search = "sale"
        app.refresh_bindings()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.selected_event.id == "ev-sale"  # type: ignore[attr-defined]
        assert type(app.screen).__name__ == "EventsScreen"  # n did not open the new-event form


async def test_slash_in_a_text_field_types_a_slash(make_app: MakeApp, settle: Settle) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot, lambda: bool(app.screen.query(FormField)), what="the settings form")
        field = app.screen.query_one("#tone_of_voice", Input)
        field.focus()
        await pilot.press("a", "slash", "b")
        assert field.value == "a/b"
        assert not isinstance(app.screen, SearchScreen)


async def test_n_in_the_posts_section_steps_through_the_site_posts_whose_caption_matches() -> None:
    app, _ = posts_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        posts = app.screen
        assert isinstance(posts, PostsScreen)

        def at() -> str | None:
            shown = posts.highlighted
            return shown.key if shown is not None else None

        assert at() == "fb-dashboard"
        app.active_search = "open studio"
        app.refresh_bindings()
        await pilot.press("n")
        assert at() == "ig-open"
        await pilot.press("n")
        assert at() == "fb-open"
        await pilot.press("n")
        assert at() == "li-open"
        await pilot.press("n")
        assert at() == "ig-open"  # wrapped round
        await pilot.press("N")
        assert at() == "li-open"

        # A post imported from the network is no plan post, and its caption counts here.
        app.active_search = "THROWBACK"
        await pilot.press("n")
        assert at() == "ig-imported"


async def test_n_in_the_activity_page_shows_the_next_matching_activity(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await app.action_open_activity("mugs")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ActivityDetailScreen)
        app.active_search = "glaze"
        app.refresh_bindings()
        await pilot.press("n")  # the mugs' caption, the kiln's title, the candles' caption
        await pilot.pause()
        assert detail.activity_id == "kiln"
        await pilot.press("n")
        assert detail.activity_id == "candles"
        await pilot.press("N", "N")
        assert detail.activity_id == "mugs"


async def test_n_in_the_post_preview_shows_the_activitys_next_matching_post(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(PostPreviewScreen("mugs", item_id="mugs-ig"))
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.current == "mugs-ig"
        app.active_search = "kiln"
        app.refresh_bindings()
        await pilot.press("n")
        await pilot.pause()
        assert preview.current == "mugs-fb"
        app.active_search = "speckled"
        await pilot.press("N")
        await pilot.pause()
        assert preview.current == "mugs-ig"


async def test_n_in_the_settings_moves_into_the_next_field_whose_label_matches(
    make_app: MakeApp, settle: Settle
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot, lambda: bool(app.screen.query(FormField)), what="the settings form")
        settings = app.screen
        assert isinstance(settings, SettingsScreen)

        def field() -> str | None:
            focused = settings.focused
            while focused is not None and not isinstance(focused, FormField):
                focused = focused.parent  # type: ignore[assignment]
            return focused.field_name if isinstance(focused, FormField) else None

        # From a dropdown (in a text field n is a letter, as it must be in a form).
        app.active_search = "goal"
        app.refresh_bindings()
        settings.query_one("#point_of_view").focus()
        await pilot.press("N")
        await pilot.pause()
        assert field() == "custom_goal"
        settings.query_one("#point_of_view").focus()
        await pilot.press("n")
        await pilot.pause()
        assert field() == "business_goal"
        settings.query_one("#goal_key").focus()
        await pilot.press("N")  # back past the first: round to the last
        await pilot.pause()
        assert field() == "business_goal"


async def test_the_results_list_takes_j_k_g_and_shift_g_once_tab_moves_into_it(
    make_static_app: MakeStaticApp,
) -> None:
    app = make_static_app(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, "glaze")
        listing = screen.query_one("#search-results", OptionList)
        await pilot.press("tab")
        assert listing.has_focus

        def at() -> str | None:
            option = listing.highlighted_option
            return option.id if option is not None else None

        assert at() == "activity:kiln"
        await pilot.press("j")
        assert at() == "post:mugs-fb"  # past the Posts heading
        await pilot.press("G")
        assert at() == "event:ev-market"
        await pilot.press("k")
        assert at() == "post:candles-ig"
        await pilot.press("g")
        assert at() == "activity:kiln"

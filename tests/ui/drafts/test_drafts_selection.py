"""The drafts screen over a fixed plan: keyboard selection, filters, generating posts."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Static

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import StillEngine, fixed_app, fixed_state
from tui_planner.api.models import ItemStatus
from tui_planner.store.scheduling import Reason, SchedulePlan
from tui_planner.store.state import frozen_mapping
from tui_planner.sync.commands import GeneratePosts, ScheduleDrafts
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.screens.drafts import DraftsScreen
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.schedule_confirm import (
    PREMIUM_MISSING_TEXT,
    ScheduleConfirmScreen,
)
from tui_planner.ui.screens.schedule_report import ScheduleReportScreen

ALL_DRAFTS = (
    "ig-launch",
    "fb-launch",
    "li-launch",
    "pin-launch",
    "x-launch",
    "ig-gifts",
    "tt-gifts",
)
"""Every draft of the fixed plan, in the order the screen lists them."""


async def open_drafts(app: PlannerApp, pilot: object) -> DraftsScreen:
    await pilot.press("f3")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, DraftsScreen)
    return screen


def filters_line(screen: DraftsScreen) -> str:
    return str(screen.query_one("#drafts-filters", Static).visual)


async def test_lists_every_draft_grouped_by_day_and_activity() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        assert screen.table.keys == ALL_DRAFTS
        first, second = screen.table.get_row_at(0), screen.table.get_row_at(1)
        assert [str(cell) for cell in first[1:5]] == [
            "Tue 24 Nov",
            "Black Friday early access",
            "Instagram",
            "● connected",
        ]
        assert [str(cell) for cell in second[1:5]] == ["", "", "Facebook", "● connected"]
        assert str(screen.table.get_row_at(3)[4]) == "○ not connected"


async def test_space_toggles_and_the_subtitle_counts_the_selection() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        await pilot.press("space", "down", "space", "down", "space", "up", "space")
        await pilot.pause()

        assert screen.selected_drafts == {"ig-launch", "li-launch"}
        assert screen.sub_title == "2 selected"


async def test_shift_arrows_extend_the_selection() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        await pilot.press("down", "shift+down", "shift+down")
        await pilot.pause()

        assert screen.selected_drafts == {"fb-launch", "li-launch", "pin-launch"}


async def test_v_marks_a_range_that_follows_the_cursor_until_v_again() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        await pilot.press("down", "v", "down", "down", "down")
        await pilot.pause()
        assert screen.selected_drafts == {"fb-launch", "li-launch", "pin-launch", "x-launch"}
        assert "RANGE" in filters_line(screen)

        await pilot.press("up")
        await pilot.pause()
        assert screen.selected_drafts == {"fb-launch", "li-launch", "pin-launch"}

        await pilot.press("v", "down", "down")
        await pilot.pause()
        assert screen.selected_drafts == {"fb-launch", "li-launch", "pin-launch"}
        assert "RANGE" not in filters_line(screen)


async def test_a_during_a_range_ends_it_and_everything_stays_selected() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        await pilot.press("v", "down", "a")
        await pilot.pause()
        everything = set(screen.table.keys)
        assert screen.selected_drafts == everything
        assert "RANGE" not in filters_line(screen)

        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.selected_drafts == everything


async def test_a_selects_all_shown_and_capital_a_clears_everything() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)

        await pilot.press("c")  # connected only
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert screen.selected_drafts == {
            "ig-launch",
            "fb-launch",
            "li-launch",
            "x-launch",
            "ig-gifts",
        }
        assert screen.sub_title == "5 selected"

        await pilot.press("A")
        await pilot.pause()
        assert screen.selected_drafts == set()
        assert screen.sub_title == "0 selected"


async def test_filters_show_in_the_filter_line_and_keep_the_selection() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        await pilot.press("down", "down", "down", "space")  # Pinterest, not connected

        await pilot.press("c")
        await pilot.pause()
        assert "pin-launch" not in screen.table.keys
        assert "Connected only on" in filters_line(screen)
        assert screen.selected_drafts == {"pin-launch"}

        await pilot.press("c", "f", "f")  # connected off; Facebook, then Instagram
        await pilot.pause()
        assert list(screen.table.keys) == ["ig-launch", "ig-gifts"]
        assert "Channel Instagram" in filters_line(screen)

        await pilot.press("d")
        await pilot.pause()
        assert list(screen.table.keys) == ["ig-launch"]
        assert "Dates Next 7 days" in filters_line(screen)


async def test_selection_survives_a_sync_and_drops_what_is_no_longer_a_draft() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        await pilot.press("space", "down", "space")
        await pilot.press("down", "down")  # cursor on Pinterest

        def schedule_instagram(state):  # type: ignore[no-untyped-def]
            owner = state.activities["act-launch"]
            items = tuple(
                e.model_copy(update={"status": ItemStatus.SCHEDULED}) if e.id == "ig-launch" else e
                for e in owner.items
            )
            activities = dict(state.activities)
            activities["act-launch"] = owner.model_copy(update={"items": items})
            return replace(state, activities=activities, revision=state.revision + 1)

        app.store.apply(schedule_instagram)
        for _ in range(3):
            await pilot.pause()

        assert screen.selected_drafts == {"fb-launch"}
        assert "ig-launch" not in screen.table.keys
        assert screen.table.cursor_key == "pin-launch"


async def test_s_confirms_then_schedules_the_connected_drafts_and_reports_the_rest() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        await pilot.press("a", "s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        assert confirm.plan.will_schedule == ("ig-launch", "fb-launch", "li-launch", "ig-gifts")
        assert dict(confirm.plan.stays_draft) == {
            "pin-launch": Reason.CHANNEL_NOT_CONNECTED,
            "x-launch": Reason.X_SUNSET,
            "tt-gifts": Reason.CHANNEL_NOT_CONNECTED,
        }

        await pilot.press("y")
        for _ in range(5):
            await pilot.pause()

        assert isinstance(app.session.engine, StillEngine)
        assert app.session.engine.commands == [
            ScheduleDrafts(("ig-launch", "fb-launch", "li-launch", "ig-gifts"))
        ]
        report = app.screen
        assert isinstance(report, ScheduleReportScreen)
        assert report.report.scheduled == ("ig-launch", "fb-launch", "li-launch", "ig-gifts")
        assert {item_id for item_id, _ in report.report.left_as_draft} == {
            "pin-launch",
            "x-launch",
            "tt-gifts",
        }
        await pilot.press("escape")
        await pilot.pause()
        assert screen.table.keys == ("pin-launch", "x-launch", "tt-gifts")
        assert screen.selected_drafts == {"pin-launch", "x-launch", "tt-gifts"}


async def test_without_premium_the_confirmation_says_so_and_cannot_confirm() -> None:
    app = fixed_app(premium=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(app, pilot)
        await pilot.press("space", "s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        assert str(confirm.query_one("#dialog-failure", Static).visual) == PREMIUM_MISSING_TEXT
        assert not confirm.query("#dialog-confirm")

        await pilot.press("y")
        await pilot.pause()
        assert app.screen is confirm
        assert isinstance(app.session.engine, StillEngine)
        assert app.session.engine.commands == []


async def test_p_lists_activities_without_posts_and_capital_g_generates_them() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert screen.table.keys == ("act-workshop",)
        assert screen.sub_title == "No posts · 0 selected"

        await pilot.press("space", "G")
        for _ in range(5):
            await pilot.pause()

        assert isinstance(app.session.engine, StillEngine)
        assert app.session.engine.commands == [GeneratePosts(("act-workshop",))]


async def test_enter_opens_the_preview_on_that_channel() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_drafts(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()

        preview = app.screen
        assert isinstance(preview, PostPreviewScreen)
        assert preview.post is not None
        assert preview.post.id == "fb-launch"


async def test_s_with_nothing_selected_asks_about_this_draft() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        assert screen.selected_drafts == set()
        await pilot.press("s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        assert confirm.plan.requested == 1
        assert str(confirm.query_one("#dialog-title", Static).visual) == "Schedule this draft?"


def test_the_headline_counts_drafts_in_words_that_fit_the_number() -> None:
    one_left = SchedulePlan((), (("pin-launch", Reason.CHANNEL_NOT_CONNECTED),), False)
    assert one_left.headline() == "This draft cannot be scheduled"
    two_left = SchedulePlan(
        (), (("a", Reason.CHANNEL_NOT_CONNECTED), ("b", Reason.X_SUNSET)), False
    )
    assert two_left.headline() == "None of the 2 drafts can be scheduled"
    assert SchedulePlan(("a",), (), False).headline() == "Schedule this draft?"
    some = SchedulePlan(("a",), (("b", Reason.X_SUNSET),), False)
    assert some.headline() == "Schedule 1 of 2 drafts?"


async def test_scheduling_before_the_accounts_are_known_waits_for_them() -> None:
    """s pressed while the first load has the plan but not yet the connections: the
    question comes once they are in, and names the connected channels as such."""
    full = fixed_state()
    early = replace(full, loaded=False, plan_read=True, connections=frozen_mapping({}))
    app = fixed_app(state=early)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(app, pilot)
        await pilot.press("s")  # the Instagram draft under the cursor
        await pilot.pause()
        assert not isinstance(app.screen, ScheduleConfirmScreen), "waits for the accounts"
        assert any("Checking which accounts" in n.message for n in app._notifications)

        engine = app.session.engine
        assert isinstance(engine, StillEngine)
        engine.store.apply(lambda s: replace(s, loaded=True, connections=full.connections))
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, ScheduleConfirmScreen):
                break
        confirm = app.screen
        assert isinstance(confirm, ScheduleConfirmScreen)
        assert confirm.plan.will_schedule == ("ig-launch",)
        assert screen.is_attached

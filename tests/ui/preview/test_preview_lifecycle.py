"""The post preview: switching channels, copying, and only the lifecycle actions allowed."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Input, Static
from textual_image.widget import HalfcellImage

from tests.harness import SIZE
from tests.ui.preview.fixed_plan import CAPTION_IG, StillEngine, fixed_app
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.sync.commands import CancelItem, RescheduleItem, ScheduleDrafts
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs.confirm import ConfirmDialog
from tui_planner.ui.screens.post_preview import PostPreviewScreen
from tui_planner.ui.screens.reschedule import RescheduleScreen
from tui_planner.ui.screens.schedule_confirm import ScheduleConfirmScreen
from tui_planner.ui.screens.schedule_report import ScheduleReportScreen
from tui_planner.ui.widgets.caption_view import CaptionView
from tui_planner.ui.widgets.post_image import PostImage


def offered(app: PlannerApp) -> set[str]:
    """The actions the screen's bindings offer right now."""
    return {active.binding.action for active in app.screen.active_bindings.values()}


def top(app: PlannerApp) -> object:
    """The screen on top, unnarrowed (an earlier isinstance check does not apply now)."""
    return app.screen


def engine(app: PlannerApp) -> StillEngine:
    assert isinstance(app.session.engine, StillEngine)
    return app.session.engine


def lifecycle(app: PlannerApp) -> str:
    return str(app.screen.query_one("#preview-lifecycle", Static).visual)


async def open_preview(
    app: PlannerApp, pilot: object, activity_id: str, channel: ChannelName | None = None
) -> PostPreviewScreen:
    screen = PostPreviewScreen(activity_id, channel)
    await app.push_screen(screen)
    for _ in range(3):
        await pilot.pause()  # type: ignore[attr-defined]
    return screen


async def test_draft_offers_schedule_but_not_reschedule_or_cancel() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-launch", ChannelName.INSTAGRAM)

        assert screen.post is not None
        assert screen.post.id == "ig-launch"
        assert "schedule" in offered(app)
        assert "reschedule" not in offered(app)
        assert "cancel_post" not in offered(app)
        assert lifecycle(app).startswith("Draft — press s to schedule")

        await pilot.press("r", "x")
        await pilot.pause()
        assert top(app) is screen
        assert engine(app).commands == []


async def test_published_post_offers_nothing_and_says_so() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(app, pilot, "act-countdown", ChannelName.FACEBOOK)

        assert not {"schedule", "reschedule", "cancel_post"} & offered(app)
        assert lifecycle(app) == "Published — no further changes possible."


async def test_unconnected_draft_says_scheduling_would_leave_it_a_draft() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(app, pilot, "act-launch", ChannelName.PINTEREST)

        assert lifecycle(app) == (
            "Draft — scheduling would leave it a draft: channel not connected."
        )


async def test_scheduled_post_can_be_canceled_after_confirming() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-countdown", ChannelName.INSTAGRAM)
        assert {"reschedule", "cancel_post"} <= offered(app)
        assert "schedule" not in offered(app)

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        for _ in range(5):
            await pilot.pause()

        assert engine(app).commands == [CancelItem("ig-countdown")]
        assert top(app) is screen
        assert screen.post is not None
        assert screen.post.status == ItemStatus.CANCELED
        assert lifecycle(app).startswith("Canceled — this post will not go out")
        assert "cancel_post" not in offered(app)


async def test_reschedule_refuses_a_time_in_the_past_and_accepts_a_future_one() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-countdown", ChannelName.INSTAGRAM)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RescheduleScreen)

        dialog.query_one("#reschedule-date", Input).value = "2026-11-22"
        dialog.query_one("#reschedule-time", Input).value = "10:00"
        await pilot.press("enter")
        await pilot.pause()

        assert app.screen is dialog
        error = str(dialog.query_one("#reschedule-error", Static).visual)
        assert error.startswith("Pick a time after now (Mon 23 Nov 09:00)")
        assert engine(app).commands == []

        dialog.query_one("#reschedule-date", Input).value = "2026-12-01"
        dialog.query_one("#reschedule-time", Input).value = "18:30"
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause()

        when = datetime(2026, 12, 1, 18, 30, tzinfo=UTC)
        assert engine(app).commands == [RescheduleItem("ig-countdown", when)]
        assert top(app) is screen
        assert screen.post is not None
        assert screen.post.scheduled_date == when


async def test_reschedule_arrows_step_the_date_and_the_time() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(app, pilot, "act-countdown", ChannelName.INSTAGRAM)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        day = dialog.query_one("#reschedule-date", Input)
        clock_time = dialog.query_one("#reschedule-time", Input)
        assert (day.value, clock_time.value) == ("2026-11-30", "09:00")

        await pilot.press("up", "up")
        clock_time.focus()
        await pilot.press("down")
        await pilot.pause()

        assert (day.value, clock_time.value) == ("2026-12-02", "08:45")


async def test_scheduling_from_the_preview_uses_the_confirmation_and_reports() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-launch", ChannelName.FACEBOOK)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleConfirmScreen)
        assert app.screen.plan.will_schedule == ("fb-launch",)

        await pilot.press("y")
        for _ in range(5):
            await pilot.pause()

        assert engine(app).commands == [ScheduleDrafts(("fb-launch",))]
        assert isinstance(app.screen, ScheduleReportScreen)
        assert app.screen.report.scheduled == ("fb-launch",)
        await pilot.press("escape")
        await pilot.pause()
        assert top(app) is screen
        assert lifecycle(app).startswith("Scheduled — press r to reschedule")


async def test_tab_and_number_keys_switch_channel_and_c_copies_the_caption() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-launch")
        strip = str(screen.query_one("#preview-channels", Static).visual)
        assert strip.split() == [
            "1",
            "Instagram",
            "2",
            "Facebook",
            "3",
            "LinkedIn",
            "4",
            "Pinterest",
            "5",
            "X",
        ]
        assert screen.post is not None
        assert screen.post.id == "ig-launch"

        await pilot.press("c")
        assert app.clipboard == CAPTION_IG

        await pilot.press("tab")
        await pilot.pause()
        assert screen.post is not None
        assert screen.post.id == "fb-launch"
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert screen.post is not None
        assert screen.post.id == "x-launch"
        await pilot.press("4")
        await pilot.pause()
        assert screen.post is not None
        assert screen.post.id == "pin-launch"
        caption = screen.query_one(CaptionView)
        assert caption.measure.channel == ChannelName.PINTEREST


async def test_the_image_is_fetched_through_the_backend_and_drawn_in_half_blocks() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_preview(app, pilot, "act-launch")
        picture = screen.query_one(PostImage)
        for _ in range(20):
            if picture.loaded:
                break
            await pilot.pause()

        assert picture.loaded
        assert len(picture.query(HalfcellImage)) == 1


async def test_a_removed_activity_says_so() -> None:
    app = fixed_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_preview(app, pilot, "act-gone")

        missing = str(app.screen.query_one("#preview-missing", Static).visual)
        assert missing == "This activity is no longer in the plan. Press escape to go back."
        assert not {"schedule", "copy_caption"} & offered(app)

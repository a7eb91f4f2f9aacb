"""Arrow keys move between a dialog's buttons; enter presses the one with the focus."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button

from tests.harness import SIZE
from tui_planner.api.models import (
    Channel,
    ChannelName,
    ItemStatus,
    PlanMarketingActivity,
    PlanStatus,
    PostContent,
    PostItem,
)
from tui_planner.clock import ManualClock
from tui_planner.store.state import PlannerState, frozen_mapping
from tui_planner.ui.app import PlannerApp
from tui_planner.ui.dialogs import ConfirmDialog
from tui_planner.ui.dialogs.button_dialog import ButtonDialog
from tui_planner.ui.dialogs.choice import Choice, ChoiceDialog
from tui_planner.ui.screens.activity_form import ActivityForm
from tui_planner.ui.screens.calendar_filter import CalendarFilterDialog
from tui_planner.ui.screens.caption_editor import CaptionEditor
from tui_planner.ui.screens.event_form import EventForm
from tui_planner.ui.screens.posts_filter import PostsFilterDialog
from tui_planner.ui.screens.reschedule import RescheduleScreen
from tui_planner.ui.widgets.day_summary import CalendarFilter
from tui_planner.ui.widgets.post_sections import PostsFilter


class Asker(App[None]):
    """Opens one dialog and keeps its answer."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def focused_button(app: App[None]) -> str | None:
    focused = app.screen.focused
    return focused.id if isinstance(focused, Button) else None


async def test_right_then_enter_confirms_and_left_goes_back_to_cancel() -> None:
    app = Asker(ConfirmDialog("Delete it?", "The activity and its 7 posts go.", "Delete"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert focused_button(app) == "confirm-cancel"
        await pilot.press("right")
        assert focused_button(app) == "confirm-ok"
        await pilot.press("right")  # the last button stays
        assert focused_button(app) == "confirm-ok"
        await pilot.press("left")
        assert focused_button(app) == "confirm-cancel"
        await pilot.press("right", "enter")
        await pilot.pause()
        assert app.answers == [True]


async def test_arrow_keys_walk_a_choice_dialogs_buttons_in_order() -> None:
    choices: list[Choice[str]] = [
        Choice("s", "Save", "save"),
        Choice("d", "Discard", "discard"),
        Choice("c", "Stay", "stay"),
    ]
    app = Asker(
        ChoiceDialog(
            "Unsaved changes", "Two fields changed.", choices, cancel_value="stay", default="save"
        )
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        assert focused_button(app) == "choice-0"
        await pilot.press("right", "right")
        assert focused_button(app) == "choice-2"
        await pilot.press("left")
        assert focused_button(app) == "choice-1"
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == ["discard"]


DRAFT = PostItem(
    id="p1",
    channel=Channel(name=ChannelName.INSTAGRAM),
    status=ItemStatus.DRAFT,
    instagram_post=PostContent(caption="Kiln opening"),
)
STATE = PlannerState(
    loaded=True,
    plan_status=PlanStatus.ACTIVE,
    activities=frozen_mapping(
        {
            "a": PlanMarketingActivity(
                marketing_activity_id="a",
                date=datetime(2026, 11, 24, 9, tzinfo=UTC),
                title="Kiln opening",
                items=(DRAFT,),
            )
        }
    ),
)


def _forms(clock: ManualClock) -> dict[str, ModalScreen[Any]]:
    """One of each dialog with a form above its buttons, as the app opens them."""
    today = clock.today()
    return {
        "calendar filter": CalendarFilterDialog(CalendarFilter()),
        "posts filter": PostsFilterDialog(PostsFilter(), today),
        "reschedule": RescheduleScreen(None, clock, what="the post"),
        "event form": EventForm(today=today, tz=clock.tz),
        "activity form": ActivityForm(
            day=today, plan_start=None, plan_end=None, tz=clock.tz, today=today
        ),
        "caption editor": CaptionEditor(DRAFT, name="Instagram post"),
    }


@pytest.mark.parametrize(
    "which",
    [
        "calendar filter",
        "posts filter",
        "reschedule",
        "event form",
        "activity form",
        "caption editor",
    ],
)
async def test_arrow_keys_walk_the_buttons_of_every_form_dialog_and_leave_its_fields_alone(
    make_static_app: Callable[..., PlannerApp], clock: ManualClock, which: str
) -> None:
    app = make_static_app(STATE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = _forms(clock)[which]
        app.push_screen(dialog)
        await pilot.pause()
        assert app.screen is dialog
        buttons = [button for button in dialog.query(Button) if button.focusable]
        assert len(buttons) >= 2
        field = dialog.focused
        assert field is not None
        assert not isinstance(field, Button), "a form opens on a field"

        await pilot.press("right")
        assert dialog.focused is field, "an arrow on a field stays in the field"

        buttons[0].focus()
        await pilot.pause()
        for button in buttons[1:]:
            await pilot.press("right")
            assert dialog.focused is button
        await pilot.press("right")  # the last button stays
        assert dialog.focused is buttons[-1]
        await pilot.press("left")
        assert dialog.focused is buttons[-2]


def test_every_dialog_with_two_buttons_is_a_button_dialog() -> None:
    """Found by reading the source: a screen that yields two or more buttons of its own."""
    import tui_planner.ui as ui_package

    offenders = []
    for module_info in pkgutil.walk_packages(ui_package.__path__, "tui_planner.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, ModalScreen):
                continue
            if inspect.getsource(cls).count("Button(") >= 2 and not issubclass(cls, ButtonDialog):
                offenders.append(cls.__qualname__)
    assert offenders == []

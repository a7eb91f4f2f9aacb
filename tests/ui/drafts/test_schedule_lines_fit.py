"""At 80 columns each post in the scheduling dialogs keeps to one row: the activity title
gives way ("Black Friday early acce…"), not the line ("…sorting through the" / "te…"), and
what follows it (when it goes live, why it stays a draft) is kept whole."""

from __future__ import annotations

from datetime import UTC

from tests.ui.preview.fixed_plan import fixed_app, fixed_state
from tui_planner.store.names import item_line
from tui_planner.ui.screens.schedule_confirm import ScheduleConfirmScreen
from tui_planner.ui.widgets.item_lines import ItemLines


async def test_every_post_in_the_confirmation_keeps_to_one_row_at_80x24() -> None:
    app = fixed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "a", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ScheduleConfirmScreen)
        will, stays = dialog.query(ItemLines)
        await pilot.pause()

        for lines, rows, mark in (
            (will, len(dialog.plan.will_schedule), "✔ "),
            (stays, len(dialog.plan.stays_draft), "○ "),
        ):
            shown = [s.text.rstrip() for s in lines.render_lines(lines.region.reset_offset)]
            shown = [line for line in shown if line]
            assert len(shown) == rows > 1, "one row per post"
            assert all(line.lstrip().startswith(mark) for line in shown), shown
        held = [s.text.rstrip() for s in stays.render_lines(stays.region.reset_offset)]
        held = [line for line in held if line]
        reasons = [f" — {reason.value}" for _, reason in dialog.plan.stays_draft]
        assert all(line.endswith(why) for line, why in zip(held, reasons, strict=True)), held
        assert any("…" in line for line in held), "a title gave way"


def test_a_line_given_a_width_cuts_the_title_and_no_more() -> None:
    state = fixed_state()
    (draft,) = [i.id for a in state.activities.values() for i in a.items if i.id == "ig-launch"]
    full = item_line(state, draft, UTC)
    assert full == "Instagram · Tue 24 Nov · Black Friday early access"
    assert item_line(state, draft, UTC, width=100) == full
    assert item_line(state, draft, UTC, width=40) == "Instagram · Tue 24 Nov · Black Friday e…"
    too_narrow = item_line(state, draft, UTC, width=10)
    assert too_narrow == "Instagram · Tue 24 Nov · Black Frida…", "a title keeps 12 characters"

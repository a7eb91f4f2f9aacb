"""The week list reads as an outline: days, their activities under them, each post's status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.strip import Strip

from tests.ui.calendar.calendar_host import CalendarHost, activity, post, sample_state
from tui_planner.api.models import ChannelName, ItemStatus, ItemType, PlanMarketingActivity
from tui_planner.ui.icons import channel_short
from tui_planner.ui.widgets.week_view import WeekView

Host = Callable[..., CalendarHost]
SIZE = (120, 40)


def with_stories() -> PlanMarketingActivity:
    """Thu 26 Nov: an Instagram post and story, a Facebook post and story."""
    plain = activity(8, date(2026, 11, 26), "Thanksgiving stories", hour=12)
    stories = (
        post(8, ChannelName.INSTAGRAM).model_copy(
            update={"id": "ig-story", "type": ItemType.STORY}
        ),
        post(8, ChannelName.FACEBOOK, ItemStatus.SCHEDULED).model_copy(
            update={"id": "fb-story", "type": ItemType.STORY}
        ),
    )
    return plain.model_copy(update={"items": (*plain.items, *stories)})


def week_strips(week: WeekView) -> list[Strip]:
    """The week list's lines as painted, top to bottom."""
    return [week.render_line(y) for y in range(week.scrollable_content_region.height)]


async def test_activities_and_their_details_are_indented_under_their_day(host: Host) -> None:
    app = host(state=sample_state((with_stories(),)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        lines = [strip.text.rstrip() for strip in week_strips(app.screen.query_one(WeekView))]
        assert lines[:23] == [
            "▸ Monday 23 November  today",
            "    ◆ Winter collection teaser",
            "      09:00  IG ○  FB ◷",
            "  Tuesday 24 November",
            "    ¶ Blog: gift guide",
            "      09:00  no posts yet",
            "  Wednesday 25 November",
            "    nothing planned",
            "  Thursday 26 November",
            "    ◆ Thanksgiving stories",
            "      12:00  IG ○  FB ◷  IG story ○  FB story ◷",
            "  Friday 27 November   ★ Black Friday",
            "    ◆ Black Friday doors open",
            "      09:00  IG ○  FB ◷",
            "    ✉ Black Friday email",
            "      09:00  IG ○  FB ◷",
            "    ◆ Black Friday reels",
            "      15:00  IG ○  FB ◷",
            "  Saturday 28 November",
            "    nothing planned",
            "  Sunday 29 November",
            "    nothing planned",
            "",
        ]


async def test_indentation_is_a_run_of_its_own_so_screenshots_keep_it(host: Host) -> None:
    """An SVG screenshot writes each run as a ``<text>`` element at its column, and librsvg
    drops an element's leading spaces: a run that starts with spaces would lose them."""
    app = host(state=sample_state((with_stories(),)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "down")  # highlight an activity too: its style is laid over
        runs = [
            segment.text
            for strip in week_strips(app.screen.query_one(WeekView))
            for segment in strip
            if segment.text.strip()
        ]
        assert any("Winter collection teaser" in run for run in runs)
        assert [run for run in runs if run[0].isspace()] == []


async def test_a_long_line_ends_in_an_ellipsis_instead_of_wrapping_to_the_margin(
    host: Host,
) -> None:
    long_title = "A title long enough to run past the edge of a narrow terminal, and on"
    app = host(state=sample_state((activity(9, date(2026, 11, 25), long_title),)))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("v")
        week = app.screen.query_one(WeekView)
        lines = [strip.text.rstrip() for strip in week_strips(week)]
        title = next(line for line in lines if "A title long enough" in line)
        assert title.startswith("    ◆ A title")
        assert title.endswith("…")
        details = lines[lines.index(title) + 1]
        assert details.startswith("      09:00  IG ○  FB ◷"), "the next line is its own"


def test_a_story_reads_differently_from_a_post_on_the_same_network() -> None:
    assert channel_short(ChannelName.INSTAGRAM) == "IG"
    assert channel_short(ChannelName.INSTAGRAM, ItemType.POST) == "IG"
    assert channel_short(ChannelName.INSTAGRAM, ItemType.STORY) == "IG story"
    assert channel_short(ChannelName.FACEBOOK, ItemType.STORY) == "FB story"
    assert channel_short(ChannelName.FACEBOOK, ItemType.REEL) == "FB reel"
    assert channel_short(ChannelName("MASTODON"), ItemType("CAROUSEL")) == "MAS carousel"

"""The iCalendar export: it parses back with icalendar, cleanly, to the plan it came from."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar, Event

from tests.export.plan_fixture import BLOG, LAUNCH, NOW, SITE, whole_plan
from tui_planner.export import ExportFormat, export_text
from tui_planner.export.ics import TIMED_SLOT, activity_uid, event_uid


def parsed(text: str) -> dict[str, Event]:
    """The file's VEVENTs by UID, after checking that nothing in it failed to parse."""
    calendar = Calendar.from_ical(text)
    problems = [(c.name, c.errors) for c in calendar.walk() if c.errors]
    assert problems == []
    assert str(calendar["VERSION"]) == "2.0"
    assert "planner-tui" in str(calendar["PRODID"])
    vevents = [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]
    events = {e.uid: e for e in vevents}
    assert len(events) == len(calendar.walk("VEVENT")), "UIDs are unique"
    return events


def test_every_activity_and_event_round_trips_with_stable_uids() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))

    assert sorted(events) == sorted(
        [
            f"activity-act-launch@{SITE}.planner-tui",
            f"activity-act%2Fblog%202@{SITE}.planner-tui",
            f"activity-act-late@{SITE}.planner-tui",
            *(f"event-ev-{n}@{SITE}.planner-tui" for n in ("sale", "meetup", "market")),
            *(f"event-ev-{n}@{SITE}.planner-tui" for n in ("class", "odd", "old")),
        ]
    )
    assert activity_uid(BLOG.id, SITE) == f"activity-act%2Fblog%202@{SITE}.planner-tui"
    again = parsed(export_text(whole_plan(), ExportFormat.ICS))
    assert sorted(again) == sorted(events), "a second export updates, never duplicates"


def test_an_activity_is_a_timed_utc_slot_with_its_type_posts_and_stamp() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))
    launch = events[activity_uid(LAUNCH.id, SITE)]

    assert launch.summary == "Black Friday teaser"
    start = launch.decoded("DTSTART")
    assert start == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert launch.decoded("DTEND") - start == TIMED_SLOT
    assert launch.decoded("DTSTAMP") == NOW
    assert launch.categories == ["Social"]
    assert str(launch["TRANSP"]) == "TRANSPARENT"
    assert str(launch["DESCRIPTION"]) == (
        "Tease the sale, one week out.\n"
        "\n"
        "Posts:\n"
        "- Instagram: draft\n"
        "- Facebook: scheduled for Wed 25 Nov 2026 10:00 Europe/Berlin"
    )
    assert "DTSTART:20261125T090000Z" in export_text(whole_plan(), ExportFormat.ICS)


def test_a_date_only_activity_and_event_are_all_day_dates() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))
    blog = events[activity_uid(BLOG.id, SITE)]
    sale = events[f"event-ev-sale@{SITE}.planner-tui"]

    assert blog.decoded("DTSTART") == date(2026, 12, 2)
    assert blog.decoded("DTEND") == date(2026, 12, 3)
    assert blog.categories == ["Blog"]
    assert str(blog["DESCRIPTION"]) == "No posts yet."
    assert sale.decoded("DTSTART") == date(2026, 11, 27)
    assert sale.categories == ["Calendar event"]


def test_recurring_events_repeat_by_rrule_until_their_end() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))
    market = events[f"event-ev-market@{SITE}.planner-tui"]
    evening = events[f"event-ev-class@{SITE}.planner-tui"]

    assert market.decoded("DTSTART") == date(2026, 11, 28)
    assert dict(market.decoded("RRULE")) == {"FREQ": ["WEEKLY"], "UNTIL": [date(2027, 1, 30)]}
    # A timed series until a date-only end: UNTIL is that day at the series' time, in UTC.
    assert evening.decoded("DTSTART") == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    assert dict(evening.decoded("RRULE")) == {
        "FREQ": ["MONTHLY"],
        "UNTIL": [datetime(2027, 3, 1, 18, 0, tzinfo=UTC)],
    }


def test_a_frequency_the_app_does_not_know_lists_its_occurrences() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))
    odd = events[f"event-ev-odd@{SITE}.planner-tui"]

    assert "RRULE" not in odd
    assert odd.decoded("DTSTART") == date(2026, 11, 24)
    assert odd.rdates == [(date(2026, 12, 8), None)]


def test_a_timed_event_keeps_its_time_in_utc_and_its_description() -> None:
    events = parsed(export_text(whole_plan(), ExportFormat.ICS))
    meetup = events[f"event-ev-meetup@{SITE}.planner-tui"]

    assert meetup.decoded("DTSTART") == datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
    assert str(meetup["DESCRIPTION"]) == "Upstairs room"


def test_the_days_chosen_keep_what_falls_on_them_and_series_running_into_them() -> None:
    events = parsed(export_text(whole_plan(date(2026, 12, 1), date(2026, 12, 5)), ExportFormat.ICS))

    assert sorted(events) == sorted(
        [
            f"activity-act%2Fblog%202@{SITE}.planner-tui",
            f"event-ev-meetup@{SITE}.planner-tui",
            f"event-ev-market@{SITE}.planner-tui",
            f"event-ev-class@{SITE}.planner-tui",
            f"event-ev-odd@{SITE}.planner-tui",
        ]
    )


def test_an_event_without_an_id_gets_a_uid_from_its_name_and_start() -> None:
    from tui_planner.api.models import CalendarEvent

    event = CalendarEvent.model_validate({"name": "Pop-up", "date": "2026-12-01T00:00:00Z"})

    assert event_uid(event, "s") == "event-Pop-up-2026-12-01T00%3A00%3A00%2B00%3A00@s.planner-tui"
    assert event_uid(event, "s") == event_uid(event.model_copy(), "s")

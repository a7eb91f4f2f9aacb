"""The plan as an iCalendar file (RFC 5545), for Google Calendar, Outlook, khal and the like.

One VEVENT per activity and one per calendar event. UIDs are derived from the ids and the
site (``activity-<id>@<site>.planner-tui``), so importing a newer export updates the events
an older one created instead of adding copies. Times are UTC (``...Z``); a date-only value
(midnight UTC, :mod:`tui_planner.zone`) is an all-day event (``VALUE=DATE``). A recurring
event repeats by an RRULE made from its recurring rule; one whose frequency this app does not
know lists its occurrences as RDATEs instead. Everything is TRANSP:TRANSPARENT: a plan's
entries are reminders, and should not show the owner as busy.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote

from icalendar import Calendar, Event

from tui_planner.api.models import ItemStatus, RecurrenceFrequency
from tui_planner.store.event_rules import event_start
from tui_planner.store.names import post_label, status_word, type_label
from tui_planner.zone import event_day, is_date_only, to_local, wall_instant

from .selection import zone_name

if TYPE_CHECKING:
    from datetime import tzinfo

    from tui_planner.api.models import CalendarEvent, PlanMarketingActivity, PostItem

    from .selection import PlanExport

__all__ = ["PRODID", "TIMED_SLOT", "activity_uid", "event_uid", "plan_calendar", "to_ics"]

PRODID = "-//planner-tui//Marketing plan//EN"
"""Who made the file, as RFC 5545 asks every calendar to say."""

TIMED_SLOT = timedelta(minutes=30)
"""How long an entry with a time of day lasts: the contract gives activities and events a
start only, and calendars draw a zero-length event as a hairline nobody can click."""

EVENT_CATEGORY = "Calendar event"
"""The category of the site's calendar events (activities carry their type)."""

_RRULE_FREQUENCIES = {
    RecurrenceFrequency.WEEKLY: "WEEKLY",
    RecurrenceFrequency.MONTHLY: "MONTHLY",
    RecurrenceFrequency.YEARLY: "YEARLY",
}


def activity_uid(activity_id: str, site: str) -> str:
    """The UID of an activity's VEVENT: the same activity of the same site, the same UID."""
    return f"activity-{_uid_part(activity_id)}@{_uid_part(site)}.planner-tui"


def event_uid(event: CalendarEvent, site: str) -> str:
    """The UID of a calendar event's VEVENT (an event without an id: its name and start)."""
    if event.id:
        key = event.id
    else:
        began = event_start(event)
        key = f"{event.name}-{began.isoformat() if began else 'undated'}"
    return f"event-{_uid_part(key)}@{_uid_part(site)}.planner-tui"


def _uid_part(text: str) -> str:
    # Percent-escaping keeps two different ids different and the UID one printable word.
    return quote(text, safe="-._~")


def to_ics(export: PlanExport) -> str:
    """``export`` as the text of an ``.ics`` file (CRLF line ends, as RFC 5545 has them)."""
    data: bytes = plan_calendar(export).to_ical()
    return data.decode("utf-8")


def plan_calendar(export: PlanExport) -> Calendar:
    """``export`` as an :class:`icalendar.Calendar`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Marketing plan ({export.site})")
    calendar.add("x-wr-timezone", zone_name(export.tz))
    for activity in export.activities:
        calendar.add_component(_activity_event(activity, export))
    for event in export.events:
        vevent = _calendar_event(event, export)
        if vevent is not None:
            calendar.add_component(vevent)
    return calendar


def _activity_event(activity: PlanMarketingActivity, export: PlanExport) -> Event:
    vevent = _base(activity_uid(activity.id, export.site), export)
    vevent.add("summary", activity.title or "Untitled activity")
    _add_span(vevent, activity.date)
    vevent.add("categories", [type_label(activity.marketing_activity_type)])
    vevent.add("description", _activity_description(activity, export.tz))
    return vevent


def _calendar_event(event: CalendarEvent, export: PlanExport) -> Event | None:
    began = event_start(event)
    if began is None:
        return None  # Nothing to put it on; the contract always sends a date or a rule.
    vevent = _base(event_uid(event, export.site), export)
    vevent.add("summary", event.name or "Untitled event")
    all_day = _add_span(vevent, began)
    vevent.add("categories", [EVENT_CATEGORY])
    if event.description:
        vevent.add("description", event.description)
    rule = event.recurring_rule
    if rule is not None:
        frequency = _RRULE_FREQUENCIES.get(rule.frequency)
        if frequency is not None:
            recur: dict[str, object] = {"freq": frequency}
            if rule.end_date is not None:
                recur["until"] = _until(rule.end_date, began, all_day, export.tz)
            vevent.add("rrule", recur)
        else:
            # A frequency this app cannot put into words: the occurrences the server listed.
            later = sorted(o.date for o in event.recurring_occurrences if o.date != began)
            if later:
                vevent.add("rdate", [_value(when, all_day) for when in later])
    return vevent


def _base(uid: str, export: PlanExport) -> Event:
    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", export.exported_at.astimezone(UTC))
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _add_span(vevent: Event, start: datetime) -> bool:
    """DTSTART and DTEND for an entry starting at ``start``; True when it is all-day."""
    if is_date_only(start):
        day = start.astimezone(UTC).date()
        vevent.add("dtstart", day)
        vevent.add("dtend", day + timedelta(days=1))
        return True
    vevent.add("dtstart", start.astimezone(UTC))
    vevent.add("dtend", start.astimezone(UTC) + TIMED_SLOT)
    return False


def _value(when: datetime, all_day: bool) -> date | datetime:
    return when.astimezone(UTC).date() if all_day else when.astimezone(UTC)


def _until(end: datetime, began: datetime, all_day: bool, tz: tzinfo) -> date | datetime:
    """The RRULE's UNTIL: of DTSTART's kind (RFC 5545 §3.3.10), covering the last day."""
    last_day = event_day(end, tz)
    if all_day:
        return last_day
    if is_date_only(end):
        # "Until that day": the series' last start is that day at its usual time.
        at = to_local(began, tz).time().replace(tzinfo=None)
        return wall_instant(last_day, at, tz)
    return end.astimezone(UTC)


def _activity_description(activity: PlanMarketingActivity, tz: tzinfo) -> str:
    lines = [activity.description] if activity.description else []
    if lines:
        lines.append("")
    if activity.items:
        lines.append("Posts:")
        lines.extend(f"- {_post_line(entry, tz)}" for entry in activity.items)
    else:
        lines.append("No posts yet.")
    return "\n".join(lines)


def _post_line(entry: PostItem, tz: tzinfo) -> str:
    """``"Instagram: scheduled for Wed 25 Nov 2026 10:00 Europe/Berlin"``."""
    status = status_word(entry.status)
    when = entry.scheduled_date
    if when is not None and entry.status != ItemStatus.DRAFT:
        local = to_local(when, tz)
        status += f" for {local:%a %d %b %Y %H:%M} {zone_name(tz)}"
    return f"{post_label(entry)}: {status}"

"""The Calendar Events service (§4): one-time and recurring events, queried by date range.

Create and update accept the event under ``calendarEvent`` or ``event`` (the contract leaves
the wrapper UNVERIFIED) and answer with both keys. A recurring event keeps the moment its
series starts (``recurringRule.startDate``, else the sent ``date``, else creation time) and
shows it as ``recurringRule.startDate``. Occurrences are computed only for QueryEvents and
only inside its range.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from tui_planner.api.models import format_wix_datetime
from tui_planner.zone import event_day

from .calendars import marketing_calendar_id
from .context import ApiRequest, SandboxContext
from .errors import FieldViolation, failed_precondition, invalid_argument
from .recurrence import FREQUENCIES, MAX_OCCURRENCES, occurrences
from .request_input import parse_datetime, unwrap

__all__ = [
    "CalendarEventRow",
    "create_event",
    "delete_event",
    "event_dates_between",
    "query_events",
    "update_event",
]

MAX_TEXT = 3000
"""The longest ``name`` or ``description`` accepted."""

MAX_RESULTS = 100
"""QueryEvents returns at most this many events."""


@dataclass
class CalendarEventRow:
    """One stored event."""

    id: str
    calendar_id: str
    name: str
    description: str | None
    date: datetime | None
    rule: dict[str, Any] | None
    anchor: datetime
    read_only: bool

    def to_wire(self, occurrence_dates: list[datetime] | None = None) -> dict[str, Any]:
        """The event as the service sends it (occurrences only in query answers)."""
        wire: dict[str, Any] = {"id": self.id, "calendarId": self.calendar_id, "name": self.name}
        if self.description is not None:
            wire["description"] = self.description
        if self.rule is not None:
            rule: dict[str, Any] = {
                "frequency": self.rule["frequency"],
                "startDate": format_wix_datetime(self.anchor),
            }
            if self.rule.get("endDate"):
                rule["endDate"] = format_wix_datetime(datetime.fromisoformat(self.rule["endDate"]))
            wire["recurringRule"] = rule
            if occurrence_dates is not None:
                wire["recurringOccurrences"] = [
                    {"date": format_wix_datetime(moment)} for moment in occurrence_dates
                ]
        elif self.date is not None:
            wire["date"] = format_wix_datetime(self.date)
        if self.read_only:
            wire["readOnly"] = True
        return wire

    def dates_between(self, start: datetime, end: datetime) -> list[datetime]:
        """When this event happens inside ``[start, end]``."""
        if self.rule is None:
            return [self.date] if self.date is not None and start <= self.date <= end else []
        until = self.rule.get("endDate")
        return occurrences(
            self.rule["frequency"],
            self.anchor,
            start,
            end,
            until=datetime.fromisoformat(until) if until else None,
            limit=MAX_OCCURRENCES,
        )


def _row(row: sqlite3.Row) -> CalendarEventRow:
    return CalendarEventRow(
        id=row["id"],
        calendar_id=row["calendar_id"],
        name=row["name"],
        description=row["description"],
        date=datetime.fromisoformat(row["date"]) if row["date"] else None,
        rule=json.loads(row["recurring_json"]) if row["recurring_json"] else None,
        anchor=datetime.fromisoformat(row["anchor"]),
        read_only=bool(row["read_only"]),
    )


def _all_events(conn: sqlite3.Connection) -> list[CalendarEventRow]:
    return [_row(row) for row in conn.execute("SELECT * FROM events ORDER BY seq")]


def _find(conn: sqlite3.Connection, event_id: str) -> CalendarEventRow | None:
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    return _row(row) if row else None


def _event_input(body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    for key in ("calendarEvent", "event"):
        if isinstance(body.get(key), dict):
            return key, body[key]
    return "calendarEvent", body


def _text(value: object, field: str, *, required: bool) -> str | None:
    if value is None or value == "":
        if required:
            raise invalid_argument(
                f"{field} is required", FieldViolation(field, "must not be empty", "REQUIRED_FIELD")
            )
        return None
    if not isinstance(value, str):
        raise invalid_argument(f"{field} must be a string", FieldViolation(field, "not a string"))
    if len(value) > MAX_TEXT:
        raise invalid_argument(
            f"{field} is longer than {MAX_TEXT} characters",
            FieldViolation(field, f"must be at most {MAX_TEXT} characters", "MAX_LENGTH"),
        )
    return value


def _parse_event(
    ctx: SandboxContext, body: dict[str, Any]
) -> tuple[str, str | None, datetime | None, dict[str, Any] | None, datetime]:
    """Validate an event body: (name, description, date, rule, anchor)."""
    prefix, event = _event_input(body)
    name = _text(event.get("name"), f"{prefix}.name", required=True)
    assert name is not None
    description = _text(event.get("description"), f"{prefix}.description", required=False)
    raw_rule = event.get("recurringRule")
    raw_date = event.get("date")
    if raw_rule is None and raw_date is None:
        raise invalid_argument(
            "Either date or recurringRule must be set",
            FieldViolation(f"{prefix}.date", "either date or recurringRule must be set"),
            FieldViolation(f"{prefix}.recurringRule", "either date or recurringRule must be set"),
        )
    when = parse_datetime(raw_date, f"{prefix}.date") if raw_date is not None else None
    if raw_rule is None:
        assert when is not None
        return name, description, when, None, when
    if not isinstance(raw_rule, dict) or raw_rule.get("frequency") not in FREQUENCIES:
        raise invalid_argument(
            "recurringRule.frequency must be WEEKLY, MONTHLY or YEARLY",
            FieldViolation(
                f"{prefix}.recurringRule.frequency", "must be WEEKLY, MONTHLY or YEARLY", "ENUM"
            ),
        )
    rule: dict[str, Any] = {"frequency": raw_rule["frequency"]}
    start = raw_rule.get("startDate")
    anchor = (
        parse_datetime(start, f"{prefix}.recurringRule.startDate")
        if start is not None
        else when or ctx.now
    )
    end = raw_rule.get("endDate")
    if end is not None:
        rule["endDate"] = parse_datetime(end, f"{prefix}.recurringRule.endDate").isoformat()
    # A rule wins over a date: the date is ignored (§4.1).
    return name, description, None, rule, anchor


def _answer(event: CalendarEventRow) -> dict[str, Any]:
    wire = event.to_wire()
    return {"calendarEvent": wire, "event": wire}


def create_event(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """CreateEvent: a new event on the site's marketing calendar."""
    name, description, when, rule, anchor = _parse_event(ctx, request.body)
    seq = ctx.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
    event = CalendarEventRow(
        ctx.new_id(),
        marketing_calendar_id(ctx.options.seed),
        name,
        description,
        when,
        rule,
        anchor,
        read_only=False,
    )
    ctx.conn.execute(
        """INSERT INTO events (id, calendar_id, name, description, date, recurring_json, anchor,
           read_only, seq) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""",
        (
            event.id,
            event.calendar_id,
            name,
            description,
            when.isoformat() if when else None,
            json.dumps(rule) if rule else None,
            anchor.isoformat(),
            seq,
        ),
    )
    return _answer(event)


def _editable(ctx: SandboxContext, event_id: str) -> CalendarEventRow:
    event = _find(ctx.conn, event_id)
    if event is None:
        raise failed_precondition(f"Event {event_id} does not exist", "EVENT_NOT_FOUND")
    if event.read_only:
        raise failed_precondition(
            f"Event '{event.name}' comes from a connected calendar and cannot be changed here",
            "READ_ONLY_EVENT",
        )
    return event


def update_event(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """UpdateEvent: replace every field of an event (no partial update)."""
    event = _editable(ctx, request.path["event_id"])
    name, description, when, rule, anchor = _parse_event(ctx, request.body)
    ctx.conn.execute(
        """UPDATE events SET name = ?, description = ?, date = ?, recurring_json = ?, anchor = ?
           WHERE id = ?""",
        (
            name,
            description,
            when.isoformat() if when else None,
            json.dumps(rule) if rule else None,
            anchor.isoformat(),
            event.id,
        ),
    )
    updated = _find(ctx.conn, event.id)
    assert updated is not None
    return _answer(updated)


def delete_event(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """DeleteEvent."""
    event = _editable(ctx, request.path["event_id"])
    ctx.conn.execute("DELETE FROM events WHERE id = ?", (event.id,))
    return {}


def query_events(ctx: SandboxContext, request: ApiRequest) -> dict[str, Any]:
    """QueryEvents: events inside ``filter.date`` (both bounds required), by date, at most 100."""
    query = unwrap(request.body, "query")
    date_filter = (
        query.get("filter", {}).get("date") if isinstance(query.get("filter"), dict) else None
    )
    bounds = date_filter if isinstance(date_filter, dict) else {}
    missing = [op for op in ("$gte", "$lte") if bounds.get(op) is None]
    if missing:
        raise invalid_argument(
            "filter.date.$gte and filter.date.$lte are both required",
            *(
                FieldViolation(f"query.filter.date.{op}", "is required", "REQUIRED_FIELD")
                for op in missing
            ),
        )
    start = parse_datetime(bounds["$gte"], "query.filter.date.$gte")
    end = parse_datetime(bounds["$lte"], "query.filter.date.$lte")
    found: list[tuple[datetime, dict[str, Any]]] = []
    for event in _all_events(ctx.conn):
        dates = event.dates_between(start, end)
        if dates:
            wire = event.to_wire(dates if event.rule is not None else None)
            found.append((dates[0], wire))
    found.sort(key=lambda pair: pair[0])
    return {"events": [wire for _, wire in found[:MAX_RESULTS]]}


def event_dates_between(
    conn: sqlite3.Connection,
    start: datetime,
    end: datetime,
    tz: tzinfo,
    *,
    calendar_ids: set[str] | None,
) -> list[tuple[CalendarEventRow, date]]:
    """Every (event, local day) inside ``[start, end]`` that generation should plan around.

    A date-only event (midnight UTC) falls on its own date in every zone, as in the app.
    ``calendar_ids`` limits which calendars count (``None``: all of them).
    """
    found: list[tuple[CalendarEventRow, date]] = []
    for event in _all_events(conn):
        if calendar_ids is not None and event.calendar_id not in calendar_ids:
            continue
        found.extend((event, event_day(moment, tz)) for moment in event.dates_between(start, end))
    found.sort(key=lambda pair: pair[1])
    return found

"""The user's time zone, and every conversion between their wall time and the API's UTC.

The zone is an IANA zone with its rules (``Europe/Berlin``), never a fixed offset taken at
start, so a time picked across a daylight-saving change keeps the wall time the user typed.
It comes from ``[ui] timezone`` or, unset, from the system (:func:`local_zone`); the entry
point hands it to the clock (:attr:`tui_planner.clock.Clock.tz`), and tests choose it the
same way, with ``ManualClock(start, tz=ZoneInfo("Australia/Sydney"))``.

Two kinds of value cross the boundary:

* **instants** (an activity's target date, a post's scheduled time): the user's wall time on
  a day in the zone, sent as the UTC instant it names (:func:`wall_instant`);
* **date-only values** (a calendar event's date): midnight UTC of the day typed, as the
  contract's examples send them (``"2026-07-15T00:00:00.000Z"``), read back as that same UTC
  date wherever the user is (:func:`event_day`), so a sale on the 24th stays on the 24th
  east and west of Greenwich.

Plain Python: no Textual, no pydantic.
"""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, available_timezones

__all__ = [
    "date_only_instant",
    "event_day",
    "event_span",
    "is_date_only",
    "is_utc",
    "local_day",
    "local_zone",
    "resolve_zone",
    "to_local",
    "wall_instant",
    "wall_time_exists",
    "zone_label",
    "zone_named",
]

_UTC_KEYS = frozenset(
    {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}
)
"""IANA names that are plain UTC: no zone worth naming on screen."""

_EXAMPLE = "Europe/Berlin"


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; ``ValueError`` with the end of a sentence if none is.

    The message reads after "expected": ``an IANA time zone name such as Europe/Berlin,
    not 'Mars/Olympus'``, with the right spelling offered when only the case was wrong.
    """
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        # KeyError: ZoneInfoNotFoundError; OSError: a folder such as "Europe", a huge name.
        pass
    hint = ""
    if name.strip():
        folded = {known.casefold(): known for known in available_timezones()}
        spelled = folded.get(name.strip().casefold())
        if spelled is not None:
            hint = f" (did you mean {spelled}?)"
    raise ValueError(f"expected an IANA time zone name such as {_EXAMPLE}, not {name!r}{hint}")


def local_zone() -> tzinfo:
    """The system's time zone with its rules (``TZ``, then ``/etc/localtime`` and the like).

    Falls back to UTC when the system names no zone that can be read, rather than failing.
    """
    try:
        import tzlocal

        with warnings.catch_warnings():
            # tzlocal warns when TZ and /etc/localtime disagree; TZ wins, which is right.
            warnings.simplefilter("ignore")
            return tzlocal.get_localzone()
    except Exception:  # noqa: BLE001 - any failure to read the system's zone means UTC.
        return UTC


def resolve_zone(name: str | None) -> tzinfo:
    """``[ui] timezone``'s zone when set (and readable), else the system's.

    The config model has already refused a bad name; a zone that vanished since (tzdata
    removed) falls back to the system's instead of stopping the app.
    """
    if name:
        try:
            return zone_named(name)
        except ValueError:
            pass
    return local_zone()


def is_utc(tz: tzinfo) -> bool:
    """Whether ``tz`` is plain UTC (then nothing on screen needs to name it)."""
    if tz is UTC:
        return True
    if isinstance(tz, ZoneInfo):
        return tz.key in _UTC_KEYS
    if isinstance(tz, timezone):
        return tz.utcoffset(None) == timedelta(0)
    return False


def zone_label(tz: tzinfo, at: datetime) -> str | None:
    """How to name ``tz`` to the user ("Europe/Berlin"), or ``None`` when it is UTC.

    A zone without an IANA name is named by its abbreviation or offset at ``at``.
    """
    if is_utc(tz):
        return None
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key and key != "local":
        return key
    moment = to_local(at, tz)
    name = tz.tzname(moment)
    if name:
        return name
    offset = tz.utcoffset(moment) or timedelta(0)
    return f"UTC{_offset_text(offset)}"


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def to_local(value: datetime, tz: tzinfo) -> datetime:
    """``value`` on the wall clock of ``tz`` (naive values are UTC).

    A moment so close to year 1 or 9999 that ``tz`` would carry it out of range stays in
    UTC instead of raising, so a stray date from the API never stops a screen.
    """
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    try:
        return aware.astimezone(tz)
    except OverflowError:
        return aware


def local_day(value: datetime, tz: tzinfo) -> date:
    """The day ``value`` falls on in ``tz`` (see :func:`to_local` for the edges)."""
    return to_local(value, tz).date()


def wall_instant(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant of ``at`` on ``day`` in ``tz``, by the zone's rules on that day.

    A wall time repeated when clocks go back means its first occurrence; check a time that
    may not exist (clocks going forward) with :func:`wall_time_exists` first.
    """
    return datetime.combine(day, at, tz).astimezone(UTC)


def wall_time_exists(day: date, at: time, tz: tzinfo) -> bool:
    """Whether ``at`` happens on ``day`` in ``tz`` (not skipped by clocks going forward)."""
    local = datetime.combine(day, at, tz)
    back = local.astimezone(UTC).astimezone(tz)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def date_only_instant(day: date) -> datetime:
    """What a date-only value (an event's date) is sent as: midnight UTC of ``day``."""
    return datetime.combine(day, time(), UTC)


def is_date_only(value: datetime) -> bool:
    """Whether ``value`` is a date-only value: exactly midnight UTC."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if aware.utcoffset() != timedelta(0):
        try:
            aware = aware.astimezone(UTC)
        except OverflowError:
            return False
    return aware.time() == time()


def event_span(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The instants to ask for the events on the days ``first`` to ``last`` in ``tz``.

    From the earlier of the first day's local midnight and its UTC midnight to the later
    of the day after the last's (end exclusive): a date-only event is midnight UTC of its
    day, which west of Greenwich comes before the first local midnight and east of it
    after the last. Pick the days with :func:`event_day` afterwards.
    """
    after = last + timedelta(days=1)
    start = min(datetime.combine(first, time(), tz), datetime.combine(first, time(), UTC))
    end = max(datetime.combine(after, time(), tz), datetime.combine(after, time(), UTC))
    return start.astimezone(UTC), end.astimezone(UTC)


def event_day(value: datetime, tz: tzinfo) -> date:
    """The day a calendar event's date (or occurrence) falls on, as the user sees it.

    A date-only value (midnight UTC) is its UTC date everywhere; an event with a time of
    day (from a connected calendar, say) falls on its day in ``tz``.
    """
    if is_date_only(value):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return to_local(aware, UTC).date()
    return local_day(value, tz)

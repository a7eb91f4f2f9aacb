"""Time zones with rules: the system's zone, wall time to UTC and back, date-only values."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_planner import zone
from tui_planner.clock import ManualClock
from tui_planner.date_window import FIRST_DAY, LAST_DAY, beyond_edge, outside_window
from tui_planner.zone import (
    date_only_instant,
    event_day,
    event_span,
    is_date_only,
    resolve_zone,
    to_local,
    wall_instant,
    wall_time_exists,
    zone_label,
    zone_named,
)

REPO = Path(__file__).resolve().parents[1]
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")


def test_the_system_clock_takes_the_systems_zone_with_its_rules() -> None:
    """A fixed offset read at start (the old way) gives winter and summer the same offset."""
    script = (
        "from datetime import datetime\n"
        "from tui_planner.clock import SystemClock\n"
        "tz = SystemClock().tz\n"
        "print(tz, tz.utcoffset(datetime(2026, 1, 15)), tz.utcoffset(datetime(2026, 7, 15)))\n"
    )
    env = {**os.environ, "TZ": "Europe/Berlin", "PYTHONPATH": str(REPO)}

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Europe/Berlin", "1:00:00", "2:00:00"]


def test_an_unreadable_system_zone_means_utc_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    def broken() -> None:
        raise LookupError("no zone here")

    monkeypatch.setattr(tzlocal, "get_localzone", broken)

    assert zone.local_zone() is UTC
    assert resolve_zone(None) is UTC


def test_a_configured_zone_wins_over_the_systems() -> None:
    assert resolve_zone("Australia/Sydney") == SYDNEY


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mars/Olympus", "not 'Mars/Olympus'"),
        ("europe/berlin", "not 'europe/berlin' (did you mean Europe/Berlin?)"),
        ("Europe", "not 'Europe'"),
        ("../etc/passwd", "not '../etc/passwd'"),
        ("", "not ''"),
    ],
)
def test_a_bad_zone_name_is_refused_with_the_end_of_a_sentence(name: str, expected: str) -> None:
    with pytest.raises(ValueError, match=r"^expected an IANA time zone name") as caught:
        zone_named(name)

    assert str(caught.value).endswith(expected)


@pytest.mark.parametrize(
    ("tz", "winter_utc", "summer_utc"),
    [
        (NEW_YORK, datetime(2026, 1, 15, 14, tzinfo=UTC), datetime(2026, 7, 15, 13, tzinfo=UTC)),
        (BERLIN, datetime(2026, 1, 15, 8, tzinfo=UTC), datetime(2026, 7, 15, 7, tzinfo=UTC)),
        # Sydney's summer is January: 09:00 AEDT is 22:00 UTC the day before.
        (SYDNEY, datetime(2026, 1, 14, 22, tzinfo=UTC), datetime(2026, 7, 14, 23, tzinfo=UTC)),
    ],
)
def test_nine_on_the_wall_is_nine_on_the_wall_in_every_season(
    tz: ZoneInfo, winter_utc: datetime, summer_utc: datetime
) -> None:
    nine = time(9, 0)

    assert wall_instant(date(2026, 1, 15), nine, tz) == winter_utc
    assert wall_instant(date(2026, 7, 15), nine, tz) == summer_utc
    assert to_local(summer_utc, tz).time() == nine


@pytest.mark.parametrize(
    ("tz", "skipped_day", "skipped"),
    [
        (NEW_YORK, date(2026, 3, 8), time(2, 30)),
        (BERLIN, date(2026, 3, 29), time(2, 30)),
        (SYDNEY, date(2026, 10, 4), time(2, 30)),
    ],
)
def test_a_wall_time_skipped_by_clocks_going_forward_does_not_exist(
    tz: ZoneInfo, skipped_day: date, skipped: time
) -> None:
    assert not wall_time_exists(skipped_day, skipped, tz)
    assert wall_time_exists(skipped_day, time(3, 30), tz)
    assert wall_time_exists(skipped_day - timedelta(days=1), skipped, tz)


@pytest.mark.parametrize("tz", [NEW_YORK, BERLIN, SYDNEY, UTC])
def test_a_date_only_value_keeps_its_date_in_every_zone(tz: ZoneInfo) -> None:
    christmas_eve = date(2026, 12, 24)

    sent = date_only_instant(christmas_eve)

    assert sent == datetime(2026, 12, 24, tzinfo=UTC)
    assert is_date_only(sent)
    assert event_day(sent, tz) == christmas_eve


def test_an_event_with_a_time_of_day_falls_on_its_local_day() -> None:
    evening_in_new_york = datetime(2026, 12, 24, 23, 30, tzinfo=NEW_YORK)
    in_utc = evening_in_new_york.astimezone(UTC)  # 04:30 on the 25th

    assert not is_date_only(in_utc)
    assert event_day(in_utc, NEW_YORK) == date(2026, 12, 24)
    assert event_day(in_utc, SYDNEY) == date(2026, 12, 25)


@pytest.mark.parametrize("tz", [NEW_YORK, BERLIN, SYDNEY])
def test_the_event_span_holds_date_only_events_on_both_end_days(tz: ZoneInfo) -> None:
    first, last = date(2026, 11, 23), date(2026, 12, 31)

    start, after = event_span(first, last, tz)

    for day in (first, last):
        assert start <= date_only_instant(day) < after
        assert start <= wall_instant(day, time(0), tz) < after
        assert start <= wall_instant(day, time(23, 59), tz) < after
    assert start.tzinfo is UTC
    assert after.tzinfo is UTC


@pytest.mark.parametrize("tz", [NEW_YORK, SYDNEY])
def test_moments_at_the_ends_of_datetime_stay_in_utc_instead_of_raising(tz: ZoneInfo) -> None:
    # West of Greenwich year 1's first hour is in year 0; east, 9999's last is in 10000.
    year_one = datetime(1, 1, 1, tzinfo=UTC)
    year_9999 = datetime(9999, 12, 31, 23, tzinfo=UTC)
    overflows, fits = (year_one, year_9999) if tz is NEW_YORK else (year_9999, year_one)

    assert to_local(overflows, tz) == overflows
    assert to_local(overflows, tz).tzinfo is UTC
    assert to_local(fits, tz).tzinfo is tz
    assert event_day(year_one, tz) == date(1, 1, 1)
    assert event_day(datetime(9999, 12, 31, tzinfo=UTC), tz) == date(9999, 12, 31)


def test_the_zone_is_named_unless_it_is_utc() -> None:
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)

    assert zone_label(BERLIN, now) == "Europe/Berlin"
    assert zone_label(UTC, now) is None
    assert zone_label(ZoneInfo("Etc/UTC"), now) is None
    assert zone_label(timezone(timedelta(hours=5, minutes=30)), now) == "UTC+05:30"


def test_a_manual_clock_counts_today_in_its_zone_across_a_dst_change() -> None:
    # 30 minutes before Berlin's clocks go forward (01:00 UTC on 29 March 2026).
    clock = ManualClock(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), tz=BERLIN)
    assert to_local(clock.now(), clock.tz).hour == 1

    clock.advance(hours=1)

    assert to_local(clock.now(), clock.tz).hour == 3  # 02:00 never happened
    assert clock.today() == date(2026, 3, 29)


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        (date(9999, 12, 31), "9999-12-31 is outside the calendar, which runs from 1 Jan 1970"),
        (date(1, 1, 1), "0001-01-01 is outside the calendar, which runs from 1 Jan 1970"),
        (date(1900, 6, 1), "1900-06-01 is outside the calendar"),
    ],
)
def test_days_outside_the_window_are_named_in_a_sentence(day: date, sentence: str) -> None:
    why = outside_window(day)

    assert why is not None
    assert why.startswith(sentence)
    assert outside_window(FIRST_DAY) is None
    assert outside_window(LAST_DAY) is None
    assert beyond_edge(LAST_DAY + timedelta(days=1)) == "The calendar ends on Fri 31 Dec 2100."
    assert beyond_edge(FIRST_DAY - timedelta(days=1)) == "The calendar starts on Thu 1 Jan 1970."

"""``--from`` and ``--to``: the days a command looks at, typed as a person or a cron job would.

A day is ``YYYY-MM-DD``, ``today``, ``tomorrow``, or a count of days or weeks from today
(``+7``, ``+7d``, ``+2w``, ``-1d``), so ``planner-tui drafts --from today --to +7`` means the
coming week wherever and whenever it runs. "Today" is the clock's, in the user's zone.
Anything else, a day outside the calendar (:mod:`tui_planner.date_window`) or a ``--to``
before ``--from`` is bad input: a sentence and exit 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui_planner.date_window import missing_day, outside_window

from .console import EXIT_USAGE, CommandError

if TYPE_CHECKING:
    import argparse

__all__ = ["DayRange", "add_day_range", "day_range", "parse_day"]

_RELATIVE = re.compile(r"^(?P<sign>[+-])(?P<count>\d{1,5})(?P<unit>[dw]?)$")
DAY_HELP = "YYYY-MM-DD, today, tomorrow, or +N days (+7, +2w)"


@dataclass(frozen=True, slots=True)
class DayRange:
    """The days chosen, both ends inclusive; ``None`` leaves that end open."""

    start: date | None = None
    end: date | None = None

    def words(self) -> str:
        """The range for a sentence: "from 2026-11-23 to 2026-11-30"."""
        parts = []
        if self.start is not None:
            parts.append(f"from {self.start.isoformat()}")
        if self.end is not None:
            parts.append(f"to {self.end.isoformat()}")
        return " ".join(parts) or "the whole plan"


def add_day_range(parser: argparse.ArgumentParser, what: str) -> None:
    """``--from`` and ``--to`` on ``parser``; ``what`` completes "only ... on or after it"."""
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DAY",
        help=f"only {what} on or after this day ({DAY_HELP})",
    )
    parser.add_argument(
        "--to", dest="end", metavar="DAY", help=f"only {what} on or before this day"
    )


def parse_day(text: str, today: date, flag: str) -> date:
    """The day ``text`` means (``flag`` names the option in the sentence if it means none)."""
    word = text.strip().lower()
    if word == "today":
        day = today
    elif word == "tomorrow":
        day = today + timedelta(days=1)
    elif (match := _RELATIVE.match(word)) is not None:
        # Five digits of weeks stay well inside datetime's years: the window check says no.
        count = int(match["count"]) * (7 if match["unit"] == "w" else 1)
        day = today + timedelta(days=count if match["sign"] == "+" else -count)
    else:
        try:
            day = date.fromisoformat(word)
        except ValueError:
            missing = missing_day(text, today)
            if missing is not None:
                raise _bad(f"{flag}: {missing}") from None
            sentence = f"{flag} expects a day like 2026-11-23, today or +7, not {text!r}."
            raise _bad(sentence) from None
    refusal = outside_window(day)
    if refusal is not None:
        raise _bad(f"{flag}: {refusal}")
    return day


def day_range(args: argparse.Namespace, today: date) -> DayRange:
    """The days ``--from`` and ``--to`` chose (an open end where one was not given)."""
    start = parse_day(args.start, today, "--from") if args.start is not None else None
    end = parse_day(args.end, today, "--to") if args.end is not None else None
    if start is not None and end is not None and end < start:
        raise _bad(f"--to {end.isoformat()} is before --from {start.isoformat()}.")
    return DayRange(start, end)


def _bad(sentence: str) -> CommandError:
    return CommandError(sentence, EXIT_USAGE)

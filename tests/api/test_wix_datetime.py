"""Date-times on the wire: every year from 1 to 9999 goes out as ISO-8601 and reads back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from tui_planner.api.models import CalendarEvent, format_wix_datetime


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 7, 8, 9, 0, 0, 123456, tzinfo=UTC), "2026-07-08T09:00:00.123Z"),
        (datetime(1, 1, 1, tzinfo=UTC), "0001-01-01T00:00:00.000Z"),
        (datetime(999, 3, 4, 5, 6, 7, tzinfo=UTC), "0999-03-04T05:06:07.000Z"),
        (datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), "9999-12-31T23:59:59.999Z"),
    ],
)
def test_a_date_time_is_written_with_four_digit_years_and_read_back(
    moment: datetime, text: str
) -> None:
    assert format_wix_datetime(moment) == text

    event = CalendarEvent.model_validate({"name": "Odd", "date": text})

    assert event.date == moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    assert event.model_dump(mode="json", by_alias=True)["date"] == text


def test_an_offset_that_leaves_the_years_is_a_validation_error_not_a_crash() -> None:
    with pytest.raises(ValidationError, match="outside years 1 to 9999"):
        CalendarEvent.model_validate({"name": "Odd", "date": "0001-01-01T00:30:00+01:00"})

"""The base of every wire model: camelCase on the wire, snake_case in Python, frozen.

``OpenEnum`` lives in :mod:`.enums` (which stays free of pydantic) and is re-exported here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainSerializer
from pydantic.alias_generators import to_camel

from .enums import OpenEnum

__all__ = ["OpenEnum", "WireModel", "WixDateTime", "format_wix_datetime"]


def format_wix_datetime(value: datetime) -> str:
    """Format as Wix sends date-times: UTC, milliseconds, ``Z`` (``2026-07-08T09:00:00.000Z``)."""
    # isoformat, not strftime: strftime writes year 1 as "1", which no parser reads back.
    return _as_utc(value).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        # "0001-01-01T00:30:00+01:00" is in year 0 in UTC: a bad value, not a crash.
        raise ValueError("the date-time is outside years 1 to 9999 in UTC") from None


WixDateTime = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(format_wix_datetime, return_type=str, when_used="json"),
]
"""An aware UTC datetime that goes on the wire as an ISO-8601 string with ``Z``."""


class WireModel(BaseModel):
    """Base for every object of the Marketing Plan and Publisher contracts."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        frozen=True,
        use_enum_values=False,
        # A model's validator is built when it first validates, not when its module is
        # imported: the first load reads the plan long before it needs the settings, events
        # or Publisher models (about 50 models, 100 ms off the way to the live plan).
        defer_build=True,
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON body for this object: camelCase keys, unset fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

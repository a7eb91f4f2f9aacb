"""What an item says about its life beyond the draft: why publishing failed, how it did.

``publicationError``, ``insightsSummary`` and ``draftInfo`` exist on the item object
(publisher-and-post-lifecycle.md A.8), but their sub-fields are UNVERIFIED. Each model here
reads every plausible form and keeps what it finds, so a surprising answer shows less
detail instead of failing the whole item.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from pydantic import Field, ValidatorFunctionWrapHandler, WrapValidator, model_validator

from .base import WireModel, WixDateTime

__all__ = ["DraftInfo", "InsightsSummary", "LenientDateTime", "PublicationError"]


def _or_none(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except ValueError:
        return None


LenientDateTime = Annotated[WixDateTime | None, WrapValidator(_or_none)]
"""A date-time that reads as ``None`` when the answer holds something else."""

_CODE_KEYS = ("code", "errorCode", "applicationCode", "type")
_MESSAGE_KEYS = ("message", "description", "errorMessage", "reason", "details")


class PublicationError(WireModel):
    """Why a network refused a post (``item.publicationError``, read-only).

    Presumably a code and a message (UNVERIFIED); ``errorCode``/``description``, a Wix-style
    nested ``applicationError`` or a bare string are read as well.
    """

    code: str | None = None
    message: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _gather(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"message": data}
        if not isinstance(data, Mapping):
            return {}
        fields = dict(data)
        for nested in ("applicationError", "error", "details"):
            inner = fields.get(nested)
            if isinstance(inner, Mapping):
                fields = {**inner, **{k: v for k, v in fields.items() if k != nested}}
        return {
            "code": _first_text(fields, _CODE_KEYS),
            "message": _first_text(fields, _MESSAGE_KEYS),
        }

    @property
    def sentence(self) -> str:
        """A line for the user: the message with its code, or whichever of them arrived."""
        message = (self.message or "").strip().rstrip(".")
        if message and self.code:
            return f"{message} ({self.code})"
        if message:
            return message
        if self.code:
            return f"Publishing failed ({self.code})"
        return "Publishing failed; the network gave no reason"


def _first_text(fields: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# Names a network's reach and engagement go by; matched without regard to case.
_IMPRESSION_NAMES = ("impressions", "impressionscount", "impressioncount", "views", "reach")
_INTERACTION_NAMES = (
    "interactions",
    "interactionscount",
    "interactioncount",
    "engagements",
    "engagement",
    "engagementcount",
)
_VALUE_KEYS = ("value", "count", "total")
_NAME_KEYS = ("name", "type", "metric", "key")
_DATE_KEYS = ("updatedDate", "lastUpdatedDate", "fetchedDate", "date")
# Wrappers whose contents are the metrics themselves: no prefix for their names.
_TRANSPARENT_KEYS = ("metrics", "insights", "summary", "stats")


class InsightsSummary(WireModel):
    """How a published post did on its network (``item.insightsSummary``).

    The metric names are UNVERIFIED, so every number in the answer is kept in ``metrics``
    under its wire name, in the order received: top-level numbers (``{"impressions": 120}``),
    numbers sent as strings (Wix writes 64-bit integers that way), nested ones under a dotted
    name, ``{"impressions": {"value": 120}}`` and lists of ``{"name", "value"}`` entries.
    :attr:`impressions` and :attr:`interactions` find the two the documentation names.
    """

    metrics: dict[str, int | float] = Field(default_factory=dict)
    updated_date: LenientDateTime = None

    @model_validator(mode="before")
    @classmethod
    def _gather(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return {}
        if _own_form(data):
            return data
        metrics: dict[str, int | float] = {}
        _collect(data, "", metrics)
        updated = next((data[key] for key in _DATE_KEYS if key in data), None)
        return {"metrics": metrics, "updatedDate": updated}

    def metric(self, *names: str) -> int | float | None:
        """The first of ``names`` present, if any.

        Names compare without regard to case, and a nested metric answers to its last part
        (``reach.impressions`` to ``impressions``).
        """
        lowered: dict[str, int | float] = {}
        for name, value in self.metrics.items():
            lowered.setdefault(name.lower(), value)
            lowered.setdefault(name.rsplit(".", 1)[-1].lower(), value)
        for name in names:
            if name.lower() in lowered:
                return lowered[name.lower()]
        return None

    @property
    def impressions(self) -> int | float | None:
        """How many times the post was seen, under whichever name the network used."""
        return self.metric(*_IMPRESSION_NAMES)

    @property
    def interactions(self) -> int | float | None:
        """Likes, comments, shares and clicks together, under whichever name was used."""
        return self.metric(*_INTERACTION_NAMES)


def _own_form(data: Mapping[str, Any]) -> bool:
    """Whether ``data`` is this model's own form (as the app builds one), not a wire answer."""
    metrics = data.get("metrics")
    return (
        isinstance(metrics, Mapping)
        and set(data) <= {"metrics", "updatedDate", "updated_date"}
        and all(
            isinstance(value, int | float) and not isinstance(value, bool)
            for value in metrics.values()
        )
    )


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _collect(data: Mapping[str, Any], prefix: str, into: dict[str, int | float]) -> None:
    """Every number under ``data`` into ``into``, named by its (dotted) key."""
    for key, value in data.items():
        if not isinstance(key, str) or key in _DATE_KEYS:
            continue
        name = f"{prefix}{key}"
        if key in _TRANSPARENT_KEYS and isinstance(value, Mapping):
            _collect(value, prefix, into)
            continue
        number = _number(value)
        if number is not None:
            into[name] = number
        elif isinstance(value, Mapping):
            inner = next((_number(value.get(k)) for k in _VALUE_KEYS if k in value), None)
            if inner is not None and len(value) == 1:
                into[name] = inner
            else:
                _collect(value, f"{name}.", into)
        elif isinstance(value, list):
            for entry in value:
                if not isinstance(entry, Mapping):
                    continue
                label = _first_text(entry, _NAME_KEYS)
                amount = next((_number(entry.get(k)) for k in _VALUE_KEYS if k in entry), None)
                if label is not None and amount is not None:
                    into[label] = amount


class DraftInfo(WireModel):
    """When a draft was made and last changed (``item.draftInfo``; sub-fields UNVERIFIED)."""

    created_date: LenientDateTime = None
    updated_date: LenientDateTime = None

    @property
    def last_changed(self) -> datetime | None:
        """The later of the two dates that arrived."""
        return self.updated_date or self.created_date

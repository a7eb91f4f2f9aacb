"""The Wix API Query Language over wire objects: filters and sorts, as Query Items takes them.

A filter maps dotted field paths (``channel.name``) to a value (short for ``$eq``) or to
operators (``{"$in": [...]}``), and combines with ``$and``, ``$or`` and ``$not``. Values
that read as ISO date-times compare as moments, so ``2026-07-01T00:00:00Z`` and
``2026-07-01T00:00:00.000Z`` are equal. A filter may also arrive as a JSON string, as
older Wix query endpoints take it. An operator the sandbox does not know is a 400, never a
silent match.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from tui_planner.clock import utc

from .errors import FieldViolation, invalid_argument

__all__ = ["matches", "picked", "read_filter", "read_sort", "sorted_items"]

_MISSING = object()


def read_filter(raw: object, where: str = "query.filter") -> dict[str, Any]:
    """The filter object of a query (``{}`` when none), or a 400 naming ``where``."""
    if raw is None:
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw.strip() else {}
        except ValueError:
            raise _bad(where, "is not valid JSON") from None
    if not isinstance(raw, dict):
        raise _bad(where, "must be an object")
    _check(raw, where)
    return raw


def read_sort(raw: object, where: str = "query.sort") -> list[tuple[str, bool]]:
    """``(field path, descending)`` pairs from ``[{fieldName, order}]`` (``[]`` when none)."""
    if raw is None:
        return []
    entries = raw if isinstance(raw, list) else [raw]
    sort: list[tuple[str, bool]] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("fieldName"), str):
            raise _bad(where, "must be a list of {fieldName, order}")
        order = str(entry.get("order", "ASC")).upper()
        if order not in ("ASC", "DESC"):
            raise _bad(f"{where}.order", "must be ASC or DESC")
        sort.append((entry["fieldName"], order == "DESC"))
    return sort


def matches(item: Mapping[str, Any], query_filter: Mapping[str, Any]) -> bool:
    """Whether the wire object ``item`` passes ``query_filter`` (checked by :func:`read_filter`)."""
    for key, condition in query_filter.items():
        if key == "$and":
            if not all(matches(item, part) for part in condition):
                return False
        elif key == "$or":
            if not any(matches(item, part) for part in condition):
                return False
        elif key == "$not":
            if matches(item, condition):
                return False
        elif not _field_matches(_value(item, key), condition):
            return False
    return True


def sorted_items(items: list[dict[str, Any]], sort: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    """``items`` in the order ``sort`` asks; items without a sort field come last either way."""
    ordered = list(items)
    for path, descending in reversed(sort):
        present: list[tuple[Any, dict[str, Any]]] = []
        absent: list[dict[str, Any]] = []
        for item in ordered:
            value = _value(item, path)
            if value is _MISSING or value is None:
                absent.append(item)
            else:
                present.append((_comparable(value), item))
        try:
            present.sort(key=lambda pair: pair[0], reverse=descending)
        except TypeError:
            raise _bad("query.sort", f"cannot order by {path}: its values differ in kind") from None
        ordered = [item for _, item in present] + absent
    return ordered


def picked(item: Mapping[str, Any], paths: list[str]) -> dict[str, Any]:
    """The parts of the wire object ``item`` at the dotted ``paths``, nested as in ``item``.

    Sorting a picked object with :func:`sorted_items` orders it as the whole object would
    be ordered by fields among ``paths``, for much less memory than the whole one.
    """
    found: dict[str, Any] = {}
    for path in paths:
        value = _value(item, path)
        if value is _MISSING:
            continue
        *parents, leaf = path.split(".")
        into = found
        for part in parents:
            into = into.setdefault(part, {})
        into[leaf] = value
    return found


# -- The operators -------------------------------------------------------------------------


def _eq(value: Any, operand: Any) -> bool:
    return value is not _MISSING and _comparable(value) == _comparable(operand)


def _in(value: Any, operand: Any) -> bool:
    return any(_eq(value, candidate) for candidate in operand)


def _ordered(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, operand: Any) -> bool:
        if value is _MISSING or value is None:
            return False
        left, right = _comparable(value), _comparable(operand)
        try:
            return test(left, right)
        except TypeError:
            return False

    return compare


_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "$eq": _eq,
    "$ne": lambda value, operand: not _eq(value, operand),
    "$in": _in,
    "$hasSome": _in,
    "$nin": lambda value, operand: not _in(value, operand),
    "$gt": _ordered(lambda a, b: a > b),
    "$gte": _ordered(lambda a, b: a >= b),
    "$lt": _ordered(lambda a, b: a < b),
    "$lte": _ordered(lambda a, b: a <= b),
    "$exists": lambda value, operand: (value is not _MISSING and value is not None) == operand,
    "$startsWith": lambda value, operand: (
        isinstance(value, str) and value.lower().startswith(str(operand).lower())
    ),
}
_LIST_OPERATORS = frozenset({"$in", "$hasSome", "$nin"})


def _field_matches(value: Any, condition: Any) -> bool:
    if isinstance(condition, dict) and any(key.startswith("$") for key in condition):
        return all(_OPERATORS[op](value, operand) for op, operand in condition.items())
    return _eq(value, condition)


def _check(query_filter: Mapping[str, Any], where: str) -> None:
    """A 400 for anything the matcher would have to guess at."""
    for key, condition in query_filter.items():
        if key in ("$and", "$or"):
            if not isinstance(condition, list) or not all(isinstance(c, dict) for c in condition):
                raise _bad(f"{where}.{key}", "must be a list of filters")
            for part in condition:
                _check(part, f"{where}.{key}")
        elif key == "$not":
            if not isinstance(condition, dict):
                raise _bad(f"{where}.$not", "must be a filter")
            _check(condition, f"{where}.$not")
        elif key.startswith("$"):
            raise _bad(f"{where}.{key}", "is not a supported operator")
        elif isinstance(condition, dict):
            for op, operand in condition.items():
                if op not in _OPERATORS:
                    raise _bad(f"{where}.{key}.{op}", "is not a supported operator")
                if op in _LIST_OPERATORS and not isinstance(operand, list):
                    raise _bad(f"{where}.{key}.{op}", "must be a list")


def _value(item: Mapping[str, Any], path: str) -> Any:
    current: Any = item
    for part in path.split("."):
        if not isinstance(current, Mapping) or part not in current:
            return _MISSING
        current = current[part]
    return current


def _comparable(value: Any) -> Any:
    """Date-time strings as moments; everything else as it is."""
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return value
    return value


def _bad(field: str, problem: str) -> Exception:
    return invalid_argument(f"{field} {problem}", FieldViolation(field, problem))

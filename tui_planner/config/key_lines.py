"""Find the line of a TOML file on which a key is set.

``tomllib`` forgets positions once a document parses, so when validation rejects a key the
loader scans the text for it. The scan understands tables, dotted and quoted keys and skips
multi-line strings; it is a locator for error messages, not a TOML parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

__all__ = ["find_key_line", "key_at_line"]

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_TABLE_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED_KEY})\s*\]\]?\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(rf"^\s*({_DOTTED_KEY})\s*=")
_MULTILINE_QUOTES = re.compile(r'"""|\'\'\'')


def find_key_line(text: str, key: Sequence[str]) -> int | None:
    """The 1-based line where ``key`` (a path of names) is set or its table opens.

    When the key itself is not written in the file, as with a value inside an inline table,
    the line of the nearest enclosing key is returned instead; ``None`` when nothing matches.
    """
    target = tuple(key)
    if not target:
        return None
    places = list(_key_places(text))
    for path, line in places:
        if path == target:
            return line
    for path, line in places:
        if path[: len(target)] == target:
            return line
    for length in range(len(target) - 1, 0, -1):
        for path, line in places:
            if path == target[:length]:
                return line
    return None


def key_at_line(text: str, line: int) -> tuple[str, ...]:
    """The full key set (or table opened) on ``line``; empty when the line sets none."""
    for path, number in _key_places(text):
        if number == line:
            return path
    return ()


def _key_places(text: str) -> Iterator[tuple[tuple[str, ...], int]]:
    """Every (full key path, line number) that the text sets or opens as a table."""
    table: tuple[str, ...] = ()
    in_multiline_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        starts_inside = in_multiline_string
        if len(_MULTILINE_QUOTES.findall(line)) % 2 == 1:
            in_multiline_string = not in_multiline_string
        if starts_inside:
            continue
        header = _TABLE_HEADER.match(line)
        if header is not None:
            table = _split_key(header.group(1))
            yield table, number
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment is not None:
            yield table + _split_key(assignment.group(1)), number


def _split_key(dotted: str) -> tuple[str, ...]:
    return tuple(_unquote(part) for part in re.findall(_KEY_PART, dotted))


def _unquote(part: str) -> str:
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'":
        return part[1:-1]
    return part

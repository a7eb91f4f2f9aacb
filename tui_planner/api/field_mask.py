"""Field masks as Wix takes them: one comma-separated string of camelCase paths.

[S] found that Wix rejects a JSON array (or ``{"paths": [...]}``) with HTTP 400, so a mask
always goes out as ``"settings.toneOfVoice,overrides.socialMarketing.frequency"``. Callers may
name paths in snake_case or camelCase; both reach the wire in camelCase.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from pydantic.alias_generators import to_camel

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["join_mask", "normalise_paths", "pick_paths"]


def normalise_paths(paths: Iterable[str]) -> tuple[str, ...]:
    """Each path in camelCase, blanks dropped, duplicates removed, order kept."""
    normalised = (
        ".".join(to_camel(segment.strip()) for segment in path.split("."))
        for path in paths
        if path.strip()
    )
    return tuple(dict.fromkeys(normalised))


def join_mask(paths: Iterable[str]) -> str:
    """The wire form of a mask: ``"a,b.c"``."""
    return ",".join(paths)


def pick_paths(data: Mapping[str, Any], paths: Iterable[str]) -> dict[str, Any]:
    """A copy of ``data`` holding only ``paths`` (camelCase, dotted), nesting kept.

    A path whose value is unset is sent as an explicit ``null``: Wix requires every masked
    path to be present in the body, and ``null`` is how a field is cleared.
    """
    picked: dict[str, Any] = {}
    for path in paths:
        *parents, leaf = path.split(".")
        source: Any = data
        target = picked
        for segment in parents:
            source = source.get(segment) if isinstance(source, dict) else None
            child = target.get(segment)
            if not isinstance(child, dict):
                child = target[segment] = {}
            target = child
        # A copy, so a later, deeper path can never write into the caller's data.
        target[leaf] = copy.deepcopy(source.get(leaf)) if isinstance(source, dict) else None
    return picked

"""Reading a large JSON answer in pieces, so that doing it in a thread leaves the loop free.

``json.loads`` is one call into C, and pydantic's ``model_validate`` one call into Rust; each
holds the GIL from start to end. Run in a worker thread on a 5 MB plan they still stop the
event loop's thread for the whole call (about 80 ms and 240 ms). :func:`loads_in_pieces`
and :func:`read_in_pieces` give the same results, but work a top-level object's arrays
element by element, each piece one short call. Between pieces the interpreter can hand the
GIL to the loop's thread, so a thread reading a big plan blocks the UI for at most one
element (one activity) at a time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

__all__ = ["loads_in_pieces", "read_in_pieces"]

ModelT = TypeVar("ModelT", bound=BaseModel)

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")

# Reads the value at an index of the text: the value and the index after it.
_Reader = Callable[[str, int], tuple[Any, int]]


def loads_in_pieces(data: bytes | str) -> Any:
    """``json.loads(data)``, decoded piece by piece; raises ``ValueError`` on bad JSON."""
    text = _text(data)
    start = _skip(text, 0)
    if not text.startswith("{", start):
        return json.loads(text)
    return _whole(text, start, lambda key: _value)


def read_in_pieces(model: type[ModelT], data: bytes | str) -> ModelT:
    """``model.model_validate_json(data)`` for a JSON object, read piece by piece.

    Each element of a list-of-models field is decoded and validated at once and its decoded
    form dropped, so the garbage collector sees only the models grow. The collector is left
    alone: pausing it here piles every new object into its youngest generation, whose next
    pass then holds the GIL for 100 ms; the app makes full collections rare instead
    (:mod:`tui_planner.heap`). Elements validated first are taken as they are by the final
    validation (pydantic does not revalidate instances).
    Raises ``ValueError`` (pydantic's ``ValidationError`` is one) when the answer is not JSON
    or does not fit; callers wanting the error's full location then validate the usual way.
    """
    elements = {
        key: element
        for name, field in model.model_fields.items()
        if (element := _element_model(field.annotation)) is not None
        for key in {name, field.alias or name}
    }

    def member(key: str | None) -> _Reader:
        element = elements.get(key or "")
        return _value if element is None else _model_array(element)

    text = _text(data)
    start = _skip(text, 0)
    if not text.startswith("{", start):
        raise json.JSONDecodeError("Expecting '{'", text, start)
    return model.model_validate(_whole(text, start, member))


def _whole(text: str, index: int, reader_for: Callable[[str | None], _Reader]) -> dict[str, Any]:
    """The top-level object at ``index``, which must end the text."""
    members, end = _container(text, index, reader_for)
    if _skip(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, end))
    return dict(members)


def _container(
    text: str, index: int, reader_for: Callable[[str | None], _Reader]
) -> tuple[list[tuple[Any, Any]], int]:
    """The members of the object (``(key, value)``) or array (``(None, value)``) at ``index``,
    each value read by ``reader_for(key)``; and the index after the container."""
    keyed = text.startswith("{", index)
    close = "}" if keyed else "]"
    members: list[tuple[Any, Any]] = []
    index = _skip(text, index + 1)
    if text.startswith(close, index):
        return members, index + 1
    while True:
        key = None
        if keyed:
            _expect(text, index, '"')
            key, index = _DECODER.raw_decode(text, index)
            index = _skip(text, index)
            _expect(text, index, ":")
            index = _skip(text, index + 1)
        value, index = reader_for(key)(text, index)
        members.append((key, value))
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
            continue
        _expect(text, index, close)
        return members, index + 1


def _value(text: str, index: int) -> tuple[Any, int]:
    """One value: an array element by element, anything else in one piece."""
    if text.startswith("[", index):
        elements, end = _container(text, index, lambda key: _DECODER.raw_decode)
        return [value for _, value in elements], end
    value, end = _DECODER.raw_decode(text, index)
    return value, end


def _model_array(model: type[BaseModel]) -> _Reader:
    """Reads an array of ``model`` objects, each decoded and validated on its own (any other
    value as :func:`_value` does)."""

    def element(text: str, index: int) -> tuple[BaseModel, int]:
        value, end = _DECODER.raw_decode(text, index)
        return model.model_validate(value), end

    def read(text: str, index: int) -> tuple[Any, int]:
        if not text.startswith("[", index):
            return _value(text, index)
        elements, end = _container(text, index, lambda key: element)
        return [value for _, value in elements], end

    return read


def _text(data: bytes | str) -> str:
    return data if isinstance(data, str) else data.decode(json.detect_encoding(data))


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _expect(text: str, index: int, what: str) -> None:
    if not text.startswith(what, index):
        raise json.JSONDecodeError(f"Expecting {what!r}", text, index)


def _element_model(annotation: Any) -> type[BaseModel] | None:
    """``X`` for a ``tuple[X, ...]`` or ``list[X]`` field whose ``X`` is a model."""
    args = get_args(annotation)
    origin = get_origin(annotation)
    homogeneous_tuple = origin is tuple and len(args) == 2 and args[1] is Ellipsis
    if not (homogeneous_tuple or (origin is list and len(args) == 1)):
        return None
    candidate = args[0]
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None

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
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

__all__ = ["loads_in_pieces", "read_in_pieces"]

ModelT = TypeVar("ModelT", bound=BaseModel)

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def loads_in_pieces(data: bytes | str) -> Any:
    """``json.loads(data)``, decoded piece by piece; raises ``ValueError`` on bad JSON."""
    text = data if isinstance(data, str) else data.decode(json.detect_encoding(data))
    start = _skip(text, 0)
    if not text.startswith("{", start):
        return json.loads(text)
    result, end = _object(text, start)
    if _skip(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, end))
    return result


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _expect(text: str, index: int, what: str) -> None:
    if not text.startswith(what, index):
        raise json.JSONDecodeError(f"Expecting {what!r}", text, index)


def _value(text: str, index: int) -> tuple[Any, int]:
    """One value at ``index``: an array element by element, anything else in one piece."""
    if text.startswith("[", index):
        return _array(text, index)
    value, end = _DECODER.raw_decode(text, index)
    return value, end


def _object(text: str, index: int) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    index = _skip(text, index + 1)
    if text.startswith("}", index):
        return result, index + 1
    while True:
        _expect(text, index, '"')
        key, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        _expect(text, index, ":")
        result[key], index = _value(text, _skip(text, index + 1))
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
            continue
        _expect(text, index, "}")
        return result, index + 1


def _array(text: str, index: int) -> tuple[list[Any], int]:
    result: list[Any] = []
    index = _skip(text, index + 1)
    if text.startswith("]", index):
        return result, index + 1
    while True:
        value, index = _DECODER.raw_decode(text, index)
        result.append(value)
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
            continue
        _expect(text, index, "]")
        return result, index + 1


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
    text = data if isinstance(data, str) else data.decode(json.detect_encoding(data))
    elements = {
        key: element
        for name, field in model.model_fields.items()
        if (element := _element_model(field.annotation)) is not None
        for key in {name, field.alias or name}
    }
    index = _skip(text, 0)
    _expect(text, index, "{")
    prepared: dict[str, Any] = {}
    index = _skip(text, index + 1)
    while not text.startswith("}", index):
        _expect(text, index, '"')
        key, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        _expect(text, index, ":")
        index = _skip(text, index + 1)
        element = elements.get(key)
        if element is not None and text.startswith("[", index):
            prepared[key], index = _models(text, index, element)
        else:
            prepared[key], index = _value(text, index)
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
        elif not text.startswith("}", index):
            raise json.JSONDecodeError("Expecting ',' or '}'", text, index)
    if _skip(text, index + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, index + 1))
    return model.model_validate(prepared)


def _models(text: str, index: int, model: type[BaseModel]) -> tuple[list[BaseModel], int]:
    """A JSON array of ``model`` objects, each decoded and validated on its own."""
    result: list[BaseModel] = []
    index = _skip(text, index + 1)
    if text.startswith("]", index):
        return result, index + 1
    while True:
        value, index = _DECODER.raw_decode(text, index)
        result.append(model.model_validate(value))
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
            continue
        _expect(text, index, "]")
        return result, index + 1


def _element_model(annotation: Any) -> type[BaseModel] | None:
    """``X`` for a ``tuple[X, ...]`` or ``list[X]`` field whose ``X`` is a model."""
    args = get_args(annotation)
    origin = get_origin(annotation)
    homogeneous_tuple = origin is tuple and len(args) == 2 and args[1] is Ellipsis
    if not (homogeneous_tuple or (origin is list and len(args) == 1)):
        return None
    candidate = args[0]
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None

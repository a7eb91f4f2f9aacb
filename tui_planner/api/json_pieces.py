"""Reading a large JSON answer in pieces, so that doing it in a thread leaves the loop free.

``json.loads`` is one call into C, and pydantic's ``model_validate`` one call into Rust; each
holds the GIL from start to end. Run in a worker thread on a 5 MB plan they still stop the
event loop's thread for the whole call (about 80 ms and 240 ms). :func:`loads_in_pieces`
and :func:`read_in_pieces` give the same results in short calls: msgspec splits the answer
into its top-level members and an array into its elements without building them (raw byte
slices, a few milliseconds for the whole answer), and each element is then decoded, or
validated by pydantic straight from its bytes, on its own. Between pieces the interpreter
can hand the GIL to the loop's thread, so a thread reading a big plan blocks the UI for at
most one element (one activity) at a time.

Answers of a few dozen kilobytes (a page of 20 activities' posts, 100 of the site's posts)
are too small for a thread hop to pay, yet a full sync reads fifty of them one after the
other, each 4-9 ms of the loop's time. :func:`read_in_turns` reads them on the loop, the
same way piece by piece, and gives the loop a turn after every :data:`TURN_BYTES` of
elements: other tasks (painting, key presses) run in between, and everything stays on one
thread, so the order of what happens does not depend on the machine's speed.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

import msgspec
from pydantic import BaseModel

if TYPE_CHECKING:
    from collections.abc import Generator

__all__ = ["TURN_BYTES", "loads_in_pieces", "read_in_pieces", "read_in_turns"]

ModelT = TypeVar("ModelT", bound=BaseModel)

_MEMBERS = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ELEMENTS = msgspec.json.Decoder(list[msgspec.Raw])
_WHOLE = msgspec.json.Decoder()

TURN_BYTES = 8 * 1024
"""Bytes of elements :func:`read_in_turns` validates between two turns of the loop (about
a millisecond of pydantic's time: ten posts, or two activities with their posts)."""


def loads_in_pieces(data: bytes | str) -> Any:
    """``json.loads(data)`` for standard JSON, decoded piece by piece.

    Raises ``ValueError`` on bad JSON (``NaN`` and ``Infinity``, which JSON lacks, included).
    """
    text = _utf8(data)
    try:
        members = _MEMBERS.decode(text)
    except msgspec.ValidationError:
        return _WHOLE.decode(text)  # not an object: one piece
    return {key: _value(piece) for key, piece in members.items()}


def read_in_pieces(model: type[ModelT], data: bytes | str) -> ModelT:
    """``model.model_validate_json(data)`` for a JSON object, read piece by piece.

    Each element of a list-of-models field is validated from its own bytes, so no decoded
    form of the whole plan ever exists and the garbage collector sees only the models grow.
    The collector is left alone: pausing it here piles every new object into its youngest
    generation, whose next pass then holds the GIL for 100 ms; the app makes full
    collections rare instead (:mod:`tui_planner.heap`). Elements validated first are taken
    as they are by the final validation (pydantic does not revalidate instances).
    Raises ``ValueError`` (pydantic's ``ValidationError`` is one) when the answer is not JSON
    or does not fit; callers wanting the error's full location then validate the usual way.
    """
    reading = _reading(model, data)
    while True:
        try:
            next(reading)
        except StopIteration as done:
            result: ModelT = done.value
            return result


async def read_in_turns(model: type[ModelT], data: bytes | str) -> ModelT:
    """:func:`read_in_pieces` on the event loop, giving it a turn after every
    :data:`TURN_BYTES` of elements (an element is never split). Raises as it does."""
    reading = _reading(model, data)
    since_turn = 0
    while True:
        try:
            since_turn += next(reading)
        except StopIteration as done:
            result: ModelT = done.value
            return result
        if since_turn >= TURN_BYTES:
            since_turn = 0
            await asyncio.sleep(0)


def _reading(model: type[ModelT], data: bytes | str) -> Generator[int, None, ModelT]:
    """Reads ``data`` as ``model``, yielding the size of each element once it is validated;
    returns the model."""
    elements = {
        key: element
        for name, field in model.model_fields.items()
        if (element := _element_model(field.annotation)) is not None
        for key in {name, field.alias or name}
    }
    prepared: dict[str, Any] = {}
    for key, piece in _MEMBERS.decode(_utf8(data)).items():
        element = elements.get(key)
        if element is not None and _is_array(piece):
            validated: list[BaseModel] = []
            for item in _ELEMENTS.decode(piece):
                validated.append(element.model_validate_json(bytes(item)))
                yield len(item)
            prepared[key] = validated
        else:
            prepared[key] = _value(piece)
    return model.model_validate(prepared)


def _value(piece: msgspec.Raw) -> Any:
    """One member's value: an array element by element, anything else in one piece."""
    if _is_array(piece):
        return [_WHOLE.decode(item) for item in _ELEMENTS.decode(piece)]
    return _WHOLE.decode(piece)


def _is_array(piece: msgspec.Raw) -> bool:
    return memoryview(piece)[0] == ord("[")  # a raw piece is one value, never empty


def _utf8(data: bytes | str) -> bytes | str:
    """``data`` as msgspec reads it: UTF-8 bytes, or text when the answer used another UTF."""
    if isinstance(data, str):
        return data
    encoding = json.detect_encoding(data)
    return data if encoding == "utf-8" else data.decode(encoding)


def _element_model(annotation: Any) -> type[BaseModel] | None:
    """``X`` for a ``tuple[X, ...]`` or ``list[X]`` field whose ``X`` is a model."""
    args = get_args(annotation)
    origin = get_origin(annotation)
    homogeneous_tuple = origin is tuple and len(args) == 2 and args[1] is Ellipsis
    if not (homogeneous_tuple or (origin is list and len(args) == 1)):
        return None
    candidate = args[0]
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None

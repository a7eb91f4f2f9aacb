"""Stable random streams: the same inputs give the same choices on every machine and run."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Generic, TypeVar

__all__ = ["Cycle", "stream"]

T = TypeVar("T")


def stream(seed: int, *parts: object) -> random.Random:
    """A random stream named by ``seed`` and ``parts``.

    Seeding with a string is stable across processes (it is hashed with SHA-512), unlike
    ``hash()``, which Python salts per run.
    """
    return random.Random(":".join([str(seed), *(str(part) for part in parts)]))


class Cycle(Generic[T]):
    """A shuffled pool handed out in turn, so neighbours rarely repeat a choice."""

    def __init__(self, pool: Sequence[T], rng: random.Random) -> None:
        self._items = list(pool)
        rng.shuffle(self._items)
        self._next = 0

    def take(self) -> T:
        """The next member (round and round); the pool must not be empty."""
        item = self._items[self._next % len(self._items)]
        self._next += 1
        return item

    def __len__(self) -> int:
        return len(self._items)

"""One benchmark figure: what was measured, its value, its target and whether it met it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Figure"]

_TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True)
class Figure:
    """A measured figure against its target.

    ``value`` is what the target is stated in (a ratio against a floor, milliseconds,
    requests a minute, MiB); ``limit`` is the largest passing value, or ``None`` for a figure
    reported for information with no target. ``detail`` keeps the raw measurements behind it
    (medians of both apps, every sample) for the JSON report.
    """

    name: str
    value: float
    unit: str
    limit: float | None
    strict: bool = False
    """Whether the target is ``value < limit`` rather than ``value <= limit``."""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """Whether the figure meets its target (one with no target always does)."""
        if self.limit is None:
            return True
        return self.value < self.limit if self.strict else self.value <= self.limit

    @property
    def verdict(self) -> str:
        """``pass``, ``FAIL``, or ``info`` for a figure with no target."""
        if self.limit is None:
            return "info"
        return "pass" if self.passed else "FAIL"

    @property
    def target(self) -> str:
        """The target as the table shows it (``≤ 1.8x``, ``< 50 ms``), ratios with a times sign."""
        if self.limit is None:
            return "-"
        sign = "<" if self.strict else "≤"
        return f"{sign} {_number(self.limit)}{self._suffix}"

    @property
    def shown(self) -> str:
        """The value as the table shows it."""
        return f"{_number(self.value)}{self._suffix}"

    @property
    def _suffix(self) -> str:
        return _TIMES if self.unit == "x" else f" {self.unit}"

    def to_json(self) -> dict[str, Any]:
        """The figure as a JSON object, with its verdict."""
        data = asdict(self)
        data["target"] = self.target
        data["passed"] = self.passed
        return data


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"

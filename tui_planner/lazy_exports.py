"""Package attributes loaded on first use (PEP 562), so importing a package stays cheap.

A package lists where each public name lives and assigns the two hooks this returns::

    __getattr__, __dir__ = lazy_exports(__name__, {"render_image": ".images"}, globals(), __all__)

Type checkers see the names through the package's ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str,
    homes: Mapping[str, str],
    namespace: MutableMapping[str, Any],
    public: Sequence[str],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` for ``package``.

    ``homes`` maps each public name to the (relative) module it lives in; a name is imported
    the first time it is asked for and then kept in ``namespace`` (the package's globals).
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *public])

    return __getattr__, __dir__

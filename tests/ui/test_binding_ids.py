"""The config's list of binding ids is the bindings the screens declare, so ``[ui.keymap]``
refuses exactly the ids no binding has."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import tui_planner.ui
from tui_planner.config.binding_ids import BINDING_IDS


def _declared_ids() -> set[str]:
    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(tui_planner.ui.__path__, "tui_planner.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                bindings = cls.__dict__.get("BINDINGS", [])
                ids.update(b.id for b in bindings if isinstance(b, Binding) and b.id)
    return ids


def test_every_declared_binding_id_is_known_to_the_config_and_no_other() -> None:
    declared = _declared_ids()
    assert declared - BINDING_IDS == set(), "add these to tui_planner/config/binding_ids.py"
    assert BINDING_IDS - declared == set(), "no binding has these ids any more"

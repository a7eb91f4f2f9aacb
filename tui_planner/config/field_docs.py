"""The docstring written under each field of a config model, read from the source when asked.

pydantic's ``use_attribute_docstrings`` would copy these into ``field.description``, but it
finds and parses the source file as each model class is created, on every start of the app;
the starter config is their only reader, so it reads them here, only when it is built.
"""

from __future__ import annotations

import ast
import inspect
from functools import cache
from itertools import pairwise

from pydantic import BaseModel

__all__ = ["field_docstrings"]


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Each documented field of ``model`` and its docstring, cleaned as ``inspect.cleandoc`` does.

    A field's docstring is the string literal right under its annotated assignment in a class
    body; those of base models count too, a subclass's winning. A field without one is absent
    from the result, and so is every field of a class whose source cannot be read.
    """
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_own_field_docstrings(cls))
    return docs


def _own_field_docstrings(cls: type) -> dict[str, str]:
    """The field docstrings written in ``cls``'s own body."""
    body = _class_body(cls)
    docs: dict[str, str] = {}
    for statement, following in pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _class_body(cls: type) -> list[ast.stmt]:
    """The statements of ``cls``'s definition; empty when its source is not at hand.

    The class is found by its qualified name through the classes of its module, so a class
    defined inside a function (``<locals>`` in the name) is not found.
    """
    try:
        source_file = inspect.getsourcefile(cls)
    except TypeError:  # a built-in class has no source file
        return []
    if source_file is None:
        return []
    scope = _parsed(source_file).body
    found: ast.ClassDef | None = None
    for name in cls.__qualname__.split("."):
        # The last definition of a name is the one the module keeps.
        matches = [node for node in scope if isinstance(node, ast.ClassDef) and node.name == name]
        if not matches:
            return []
        found = matches[-1]
        scope = found.body
    return found.body if found is not None else []


@cache
def _parsed(source_file: str) -> ast.Module:
    """The syntax tree of a module's source, parsed once per process."""
    with open(source_file, "rb") as handle:
        return ast.parse(handle.read(), filename=source_file)

"""``tui_planner.api.models`` loads its names on first use; the enums never load pydantic."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

import tui_planner.api.models as models
from tui_planner.api.models import base, enums

REPO = Path(__file__).resolve().parents[2]
PACKAGE_INIT = REPO / "tui_planner" / "api" / "models" / "__init__.py"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )


def test_importing_enums_from_the_package_does_not_load_pydantic() -> None:
    code = (
        "import sys\n"
        "from tui_planner.api.models import ItemStatus, PlanStatus, ChannelName, PLAN_CHANNELS\n"
        "loaded = sorted(m for m in sys.modules if m == 'pydantic' or m.startswith('pydantic.'))\n"
        "assert not loaded, loaded\n"
        "assert ItemStatus('DRAFT') is ItemStatus.DRAFT\n"
        "assert PlanStatus.ACTIVE.value == 'ACTIVE'\n"
        "assert [c.value for c in PLAN_CHANNELS] == [\n"
        "    'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'PINTEREST', 'GBP', 'TIKTOK', 'TWITTER'\n"
        "]\n"
        "assert all(type(c) is ChannelName for c in PLAN_CHANNELS)\n"
    )

    result = _run(code)

    assert result.returncode == 0, result.stderr


def test_a_wire_model_is_still_reachable_and_loads_pydantic_then() -> None:
    code = (
        "import sys\n"
        "import tui_planner.api.models as models\n"
        "assert 'pydantic' not in sys.modules\n"
        "activity = models.PlanMarketingActivity\n"
        "assert 'pydantic' in sys.modules\n"
        "from pydantic import BaseModel\n"
        "assert issubclass(activity, BaseModel)\n"
        "from tui_planner.api.models import PlanMarketingActivity\n"
        "assert PlanMarketingActivity is activity\n"
        "from tui_planner.api.models.plan import PlanMarketingActivity as home\n"
        "assert home is activity\n"
    )

    result = _run(code)

    assert result.returncode == 0, result.stderr


def test_dir_lists_every_public_name() -> None:
    listed = dir(models)

    assert set(models.__all__) <= set(listed)
    assert listed == sorted(listed)


@pytest.mark.parametrize("name", models.__all__)
def test_every_public_name_resolves_to_its_home_module(name: str) -> None:
    home = import_module(models._HOMES[name], models.__name__)

    assert getattr(models, name) is getattr(home, name)
    assert name in home.__all__


def test_the_homes_cover_exactly_the_public_names() -> None:
    assert sorted(models._HOMES) == sorted(models.__all__)
    assert len(models.__all__) == len(set(models.__all__))


def test_type_checkers_see_exactly_the_public_names() -> None:
    tree = ast.parse(PACKAGE_INIT.read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    seen = [
        alias.asname or alias.name
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]

    assert sorted(seen) == sorted(models.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel

    with pytest.raises(ImportError, match="NoSuchModel"):
        from tui_planner.api.models import NoSuchModel  # noqa: F401


def test_base_re_exports_the_one_open_enum() -> None:
    assert base.OpenEnum is enums.OpenEnum
    assert models.OpenEnum is enums.OpenEnum
    assert issubclass(models.ItemStatus, base.OpenEnum)


def test_an_open_enum_keeps_a_value_it_does_not_know() -> None:
    unknown = models.ItemStatus("ARCHIVED")

    assert unknown.value == "ARCHIVED"
    assert unknown.name == "ARCHIVED"
    assert not unknown.is_known
    assert models.ItemStatus.DRAFT.is_known
    with pytest.raises(ValueError):
        models.ItemStatus("")

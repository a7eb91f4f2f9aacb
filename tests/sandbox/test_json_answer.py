"""The sandbox writes its JSON answers with msgspec: the same bytes Starlette would write."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from tests.sandbox.harness import Sandbox
from tui_planner.api.models import ItemStatus
from tui_planner.sandbox.json_answer import JsonAnswer


def test_the_body_is_what_starlette_writes() -> None:
    answer: dict[str, Any] = {
        "text": 'Caf\u00e9 \u2028 "quoted" back\\slash\nnew line\ttab\x00\x7f \U0001f600',
        "numbers": [0, -7, 2**63, 1.5, 0.1, -0.0],
        "nested": {"empty": {}, "list": [], "none": None, "yes": True, "no": False},
        "status": ItemStatus.PUBLISHED,
        "pair": ("a", 1),
    }

    written = JsonAnswer(answer)
    expected = JSONResponse(answer)

    assert written.body == expected.body
    assert written.headers["content-type"] == expected.headers["content-type"]
    assert written.status_code == 200


async def test_a_plan_answer_reads_as_starlette_would_write_it(sandbox: Sandbox) -> None:
    await sandbox.generate()

    response = await sandbox.call("GET", "/marketing-plan")

    assert response.status_code == 200
    assert response.content == JSONResponse(response.json()).body

"""Unknown paths and wrong verbs get Wix error bodies, never Starlette's plain-text pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.sandbox.harness import PUBLISHER, Sandbox
from tui_planner.api.errors import error_from_response


def _application_code(body: object) -> object:
    assert isinstance(body, dict), body
    assert isinstance(body.get("message"), str)
    assert body["message"]
    return body["details"]["applicationError"]["code"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/marketing-plan/no-such-method"),
        ("POST", "/promote/marketing-plan-service/v2/marketing-plan"),
        ("GET", f"{PUBLISHER}/items/abc/nothing-here"),
        ("GET", "/"),
    ],
)
async def test_an_unknown_route_is_a_wix_404(
    make_sandbox: Callable[..., Any], shape: str, method: str, path: str
) -> None:
    sandbox: Sandbox = await make_sandbox(shape=shape)
    if path.startswith("/marketing-plan"):
        response = await sandbox.call(method, path)
    else:
        response = await sandbox.http.request(method, path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert _application_code(response.json()) == "NOT_FOUND"
    error = error_from_response(404, response.content)
    assert error.canonical == "NOT_FOUND"
    assert method in error.message


async def test_a_wrong_verb_is_a_wix_405_naming_every_verb_the_path_takes(
    make_sandbox: Callable[..., Any], shape: str
) -> None:
    sandbox: Sandbox = await make_sandbox(shape=shape)
    response = await sandbox.call("PUT", "/marketing-plan")
    assert response.status_code == 405
    assert _application_code(response.json()) == "METHOD_NOT_ALLOWED"
    allowed = {verb.strip() for verb in response.headers["allow"].split(",")}
    assert {"GET", "DELETE"} <= allowed
    assert "PUT" not in allowed
    assert "DELETE or GET" in response.json()["message"]


async def test_a_wrong_verb_on_a_publisher_path_is_a_wix_405(sandbox: Sandbox) -> None:
    response = await sandbox.call("GET", f"{PUBLISHER}/publish-by-id")
    assert response.status_code == 405
    assert _application_code(response.json()) == "METHOD_NOT_ALLOWED"
    assert response.headers["allow"] == "POST"


async def test_a_missing_image_is_a_wix_404(sandbox: Sandbox) -> None:
    response = await sandbox.http.get("/sandbox-media/unknown.png")
    assert response.status_code == 404
    assert _application_code(response.json()) == "NOT_FOUND"

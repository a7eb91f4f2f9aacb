"""Bodies the sandbox refuses with Wix error bodies: too big, too deep, control characters."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.sandbox.harness import Sandbox
from tui_planner.api.text_rules import first_control_character
from tui_planner.sandbox.request_limits import MAX_BODY_BYTES, MAX_DEPTH


def _application_code(body: dict[str, object]) -> object:
    details = body["details"]
    assert isinstance(details, dict)
    application = details["applicationError"]
    assert isinstance(application, dict)
    return application["code"]


async def test_100000_nested_lists_are_a_400_not_a_recursion_error(sandbox: Sandbox) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    answer = await sandbox.call(
        "POST",
        "/events",
        content=f'{{"calendarEvent": {deep}}}'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["message"] == f"The request body is nested more than {MAX_DEPTH} levels deep"
    assert _application_code(body) == "INVALID_ARGUMENT"


async def test_nesting_just_past_the_limit_is_refused_and_at_it_is_read(sandbox: Sandbox) -> None:
    def nested(levels: int) -> bytes:
        # The body object is level 1; each list adds one.
        return ('{"x": ' + "[" * (levels - 1) + "]" * (levels - 1) + "}").encode()

    refused = await sandbox.call("POST", "/events", content=nested(MAX_DEPTH + 1))
    read = await sandbox.call("POST", "/events", content=nested(MAX_DEPTH))
    assert refused.status_code == 400
    assert "nested" in refused.json()["message"]
    # Read, then refused for what it says (no event in it), not for its shape.
    assert read.status_code == 400
    assert "nested" not in read.json()["message"]


async def test_a_body_over_the_limit_is_a_413_with_a_wix_body(sandbox: Sandbox) -> None:
    name = "x" * (MAX_BODY_BYTES + 1)
    answer = await sandbox.call("POST", "/events", json={"calendarEvent": {"name": name}})
    assert answer.status_code == 413
    body = answer.json()
    assert body["message"] == "The request body is larger than 1,024 KiB"
    assert _application_code(body) == "PAYLOAD_TOO_LARGE"


async def test_a_streamed_body_without_a_length_is_held_to_the_limit(sandbox: Sandbox) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"calendarEvent": {"name": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b"x" * 65536
        yield b'"}}'

    answer = await sandbox.call("POST", "/events", content=chunks())
    assert answer.status_code == 413


async def test_a_body_under_the_limit_still_works(sandbox: Sandbox) -> None:
    event = {"name": "Sale", "description": "d" * 2000, "date": "2026-07-15T00:00:00Z"}
    body = await sandbox.ok("POST", "/events", json={"calendarEvent": event})
    assert body["calendarEvent"]["name"] == "Sale"


@pytest.mark.parametrize("char", ["\x07", "\x01", "\x7f", "\x9b", "\x00"])
async def test_control_characters_are_a_400_naming_the_field(sandbox: Sandbox, char: str) -> None:
    event = {"name": f"Sale{char}", "date": "2026-07-15T00:00:00Z"}
    answer = await sandbox.call("POST", "/events", json={"calendarEvent": event})
    assert answer.status_code == 400
    (violation,) = answer.json()["details"]["validationError"]["fieldViolations"]
    assert violation["field"] == "calendarEvent.name"
    assert f"U+{ord(char):04X}" in violation["description"]
    events = await sandbox.ok(
        "POST",
        "/events/query",
        json={"filter": {"date": {"$gte": "2026-07-01T00:00:00Z", "$lte": "2026-09-01T00:00:00Z"}}},
    )
    assert not any(e["name"].startswith("Sale") for e in events["events"])


async def test_control_characters_deep_in_a_list_name_their_place(sandbox: Sandbox) -> None:
    settings = {"settings": {"topics": {"included": ["bread", "cakes\x07"]}}}
    answer = await sandbox.call(
        "POST",
        "/marketing-settings",
        json={"marketingSettings": settings, "fieldMask": "settings.topics"},
    )
    assert answer.status_code == 400
    (violation,) = answer.json()["details"]["validationError"]["fieldViolations"]
    assert violation["field"] == "marketingSettings.settings.topics.included[1]"


async def test_tabs_and_line_breaks_are_text(sandbox: Sandbox) -> None:
    event = {"name": "Sale", "description": "Line one\r\nline\ttwo", "date": "2026-07-15T00:00:00Z"}
    body = await sandbox.ok("POST", "/events", json={"calendarEvent": event})
    assert body["calendarEvent"]["description"] == "Line one\r\nline\ttwo"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("plain", None),
        ("tab\tnew\nline\r", None),
        ("émoji 🎉", None),
        ("a\x1bb", "\x1b"),
        ("\u0085", "\u0085"),
        ("\u2028", None),
    ],
)
def test_which_characters_count_as_control(text: str, found: str | None) -> None:
    assert first_control_character(text) == found

"""Large answers (over 256 KB) are read in a worker thread, piece by piece, and medium ones
(over 16 KB) on the loop in turns, with the same result.

A 1,000-activity plan is about 5 MB of JSON; reading it on the event loop would freeze the
UI for half a second, and each of the fifty 30-95 KB pages a full sync reads beside it (the
activities' posts, the site's posts) took the loop 4-9 ms at once. These tests check both
paths give exactly what the small one gives, including its errors; that the large one runs
off the loop's thread, and that the medium one lets other tasks run between its pieces.
"""

from __future__ import annotations

import asyncio
import gc
import json
import threading
from typing import Any

import httpx
import pytest

from tests.api.wix_double import API_KEY, BASE, SITE_ID, FakeWix, RecordingClock
from tui_planner.api import MarketingPlanClient
from tui_planner.api import transport as transport_module
from tui_planner.api.errors import ResponseFormatError
from tui_planner.api.json_pieces import TURN_BYTES, loads_in_pieces, read_in_pieces, read_in_turns
from tui_planner.api.models import SocialMarketingPlan
from tui_planner.api.transport import LARGE_BODY, MEDIUM_BODY, Replay, Transport


def _activity(n: int) -> dict[str, Any]:
    return {
        "marketingActivityId": f"activity-{n}",
        "date": "2026-12-01T09:00:00.000Z",
        "title": f"Activity number {n}",
        "description": "A description long enough to make the plan weigh something. " * 4,
        "marketingActivityType": "SOCIAL_MARKETING",
        "items": [
            {
                "id": f"item-{n}-{c}",
                "channel": {"name": channel},
                "type": "POST",
                "status": "DRAFT",
            }
            for c, channel in enumerate(("FACEBOOK", "INSTAGRAM", "LINKEDIN"))
        ],
    }


def _big_plan() -> dict[str, Any]:
    plan = {"status": "ACTIVE", "marketingActivities": [_activity(n) for n in range(800)]}
    assert len(json.dumps(plan)) > LARGE_BODY
    return plan


def _client(wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient) -> MarketingPlanClient:
    return MarketingPlanClient(http, base_url=BASE, api_key=API_KEY, site_id=SITE_ID, clock=clock)


async def test_a_large_plan_reads_the_same_as_a_small_one(
    wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient
) -> None:
    body = _big_plan()
    wix.reply(body)

    plan = await _client(wix, clock, http).get_social_marketing_plan()

    assert plan == SocialMarketingPlan.model_validate(body)
    assert len(plan.marketing_activities) == 800
    assert plan.marketing_activities[799].items[2].id == "item-799-2"


async def test_a_large_read_leaves_the_collector_running_and_freezes_nothing(
    wix: FakeWix,
    clock: RecordingClock,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/architecture.md, "Garbage collector": no pause and no ``gc.freeze()`` around a
    read; young collections keep running in small steps while the plan is built."""
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    def spy(model: type[SocialMarketingPlan], data: bytes) -> SocialMarketingPlan:
        gc.callbacks.append(count)
        try:
            return read_in_pieces(model, data)
        finally:
            gc.callbacks.remove(count)

    monkeypatch.setattr(transport_module, "read_in_pieces", spy)
    wix.reply(_big_plan())
    frozen = gc.get_freeze_count()

    await _client(wix, clock, http).get_social_marketing_plan()

    assert collections, "the collector never ran while 800 activities were read"
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


async def test_a_large_answer_is_read_off_the_event_loop_thread(
    wix: FakeWix,
    clock: RecordingClock,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []

    def spy(model: type[SocialMarketingPlan], data: bytes) -> SocialMarketingPlan:
        threads.append(threading.get_ident())
        return read_in_pieces(model, data)

    monkeypatch.setattr(transport_module, "read_in_pieces", spy)
    wix.reply(_big_plan())

    await _client(wix, clock, http).get_social_marketing_plan()

    assert threads
    assert threading.get_ident() not in threads


def _page_of_forty() -> dict[str, Any]:
    """A plan answer the size of a page of posts: over MEDIUM_BODY, far under LARGE_BODY."""
    body = {"status": "ACTIVE", "marketingActivities": [_activity(n) for n in range(40)]}
    assert MEDIUM_BODY < len(json.dumps(body)) < 64 * 1024
    return body


async def test_a_medium_answer_is_read_in_turns_on_the_loop_thread(
    wix: FakeWix,
    clock: RecordingClock,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []

    async def spy(model: type[SocialMarketingPlan], data: bytes) -> SocialMarketingPlan:
        threads.append(threading.get_ident())
        return await read_in_turns(model, data)

    monkeypatch.setattr(transport_module, "read_in_turns", spy)
    body = _page_of_forty()
    wix.reply(body)

    plan = await _client(wix, clock, http).get_social_marketing_plan()

    assert plan == SocialMarketingPlan.model_validate(body)
    assert threads == [threading.get_ident()]


async def test_reading_in_turns_lets_other_tasks_run_between_pieces() -> None:
    text = json.dumps(_page_of_forty()).encode()
    turns = 0
    reading = True

    async def other_task() -> None:
        nonlocal turns
        while reading:
            turns += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(other_task())
    await asyncio.sleep(0)  # the other task is waiting for its turn
    started = turns
    plan = await read_in_turns(SocialMarketingPlan, text)
    reading = False
    await ticker

    assert plan == SocialMarketingPlan.model_validate_json(text)
    assert turns - started >= len(text) // TURN_BYTES - 1


async def test_a_medium_answer_that_does_not_fit_names_the_field(
    wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient
) -> None:
    body = _page_of_forty()
    body["marketingActivities"][31]["date"] = "not a date"
    wix.reply(body)

    with pytest.raises(ResponseFormatError) as caught:
        await _client(wix, clock, http).get_social_marketing_plan()

    assert "marketingActivities.31.date" in str(caught.value)


async def test_a_small_answer_is_read_on_the_loop_as_before(
    wix: FakeWix,
    clock: RecordingClock,
    http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used: list[bool] = []

    def spy(model: type[SocialMarketingPlan], data: bytes) -> SocialMarketingPlan:
        used.append(True)
        return read_in_pieces(model, data)

    monkeypatch.setattr(transport_module, "read_in_pieces", spy)
    wix.reply({"status": "ACTIVE", "marketingActivities": [_activity(1)]})

    plan = await _client(wix, clock, http).get_social_marketing_plan()

    assert [a.id for a in plan.marketing_activities] == ["activity-1"]
    assert not used


async def test_a_large_answer_that_does_not_fit_names_the_field(
    wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient
) -> None:
    body = _big_plan()
    body["marketingActivities"][650]["date"] = "not a date"
    wix.reply(body)

    with pytest.raises(ResponseFormatError) as caught:
        await _client(wix, clock, http).get_social_marketing_plan()

    assert "marketingActivities.650.date" in str(caught.value)


async def test_a_large_answer_that_is_not_json_says_so(
    wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient
) -> None:
    wix.reply(content=b'{"status": "ACTIVE", "marketingActivities": [' + b" " * LARGE_BODY)

    with pytest.raises(ResponseFormatError) as caught:
        await _client(wix, clock, http).get_social_marketing_plan()

    assert "was not a JSON object" in str(caught.value)


async def test_a_large_answer_to_a_plain_call_is_its_json_object(
    wix: FakeWix, clock: RecordingClock, http: httpx.AsyncClient
) -> None:
    body = _big_plan()
    wix.reply(body)
    transport = Transport(
        http, base_url=BASE, prefix="/service", api_key=API_KEY, site_id=SITE_ID, clock=clock
    )

    answer = await transport.call("GET", "/plan", operation="GetPlan", replay=Replay.SAFE)

    assert answer == body


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        ' { "a" : [ ] , "b" : { } } ',
        '{"a": [1, 2.5, "x", null, true, false, [3, [4]], {"c": []}], "b": "é ☃ \\u00e9"}',
        '{"dup": 1, "dup": [2]}',
        "[1, 2, 3]",
        '"just a string"',
        '{"nested": {"list": [{"deep": [1, 2]}]}, "tail": [ {"x": 1} ,{"y": 2}]}',
    ],
)
def test_loads_in_pieces_gives_what_json_loads_gives(text: str) -> None:
    assert loads_in_pieces(text) == json.loads(text)
    assert loads_in_pieces(text.encode()) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    ['{"a": [1, 2] x', '{"a": [1 2]}', '{"a" 1}', "{'a': 1}", '{"a": 1,}', '{"a": [1,]}', "{"],
)
def test_loads_in_pieces_refuses_what_json_loads_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        loads_in_pieces(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"status": "ACTIVE",}',
        '{"marketingActivities": [{"marketingActivityId": "a"},]}',
        '{"status": "ACTIVE"} x',
        '{"status" "ACTIVE"}',
    ],
)
def test_read_in_pieces_refuses_what_json_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        read_in_pieces(SocialMarketingPlan, text)


def test_read_in_pieces_refuses_an_answer_that_is_not_an_object() -> None:
    with pytest.raises(ValueError):
        read_in_pieces(SocialMarketingPlan, "[1, 2, 3]")


def test_read_in_pieces_gives_what_model_validate_gives() -> None:
    body = {"status": "GENERATING", "marketingActivities": [_activity(n) for n in range(5)]}
    text = json.dumps(body, indent=2)

    assert read_in_pieces(SocialMarketingPlan, text) == SocialMarketingPlan.model_validate(body)
    assert read_in_pieces(SocialMarketingPlan, "{}") == SocialMarketingPlan()

"""Helpers for the Publisher item tests: items in each status, and a sandbox in either shape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.sandbox.harness import AUTH, BASE_URL, PUBLISHER, START, Sandbox
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app
from tui_planner.sandbox.publisher import PUBLISHING_SECONDS

ITEMS = f"{PUBLISHER}/items"


def own_sandbox(**switches: Any) -> Sandbox:
    """A sandbox on its own manual clock at :data:`START` (``shape="documented"`` and so on).

    The caller closes its ``http`` (the ``own_sandboxes`` fixture does).
    """
    clock = ManualClock(START)
    options = SandboxOptions(**switches)
    app = create_app(data_file=":memory:", clock=clock, options=options)
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, headers=AUTH
    )
    return Sandbox(clock, http, options, ":memory:", app.state.faults)


def when(item: dict[str, Any]) -> datetime:
    """An item's scheduled date."""
    return datetime.fromisoformat(item["schedulingInfo"]["scheduledDate"])


def content(item: dict[str, Any]) -> dict[str, Any]:
    """An item's one content object."""
    keys = [key for key, value in item.items() if key.endswith(("Post", "Photo", "Story"))]
    (key,) = keys
    found: dict[str, Any] = item[key]
    return found


def text(item: dict[str, Any]) -> str:
    """An item's caption or description."""
    found = content(item)
    return str(found.get("caption") or found.get("description") or "")


async def plan_draft(sandbox: Sandbox, channel: str = "INSTAGRAM") -> tuple[str, dict[str, Any]]:
    """(activity ID, its ``channel`` post draft), generating the plan if there is none."""
    plan = await sandbox.plan()
    if plan["status"] != "ACTIVE":
        plan = await sandbox.generate()
    activity = next(a for a in plan["marketingActivities"] if a["items"])
    draft = next(
        i for i in activity["items"] if i["channel"]["name"] == channel and i["type"] == "POST"
    )
    return activity["marketingActivityId"], draft


async def scheduled(sandbox: Sandbox) -> tuple[str, dict[str, Any]]:
    """(activity ID, its Instagram post scheduled through ScheduleDrafts)."""
    activity_id, draft = await plan_draft(sandbox)
    body = await sandbox.ok(
        "POST", "/marketing-plan/schedule-drafts", json={"draftIds": [draft["id"]]}
    )
    (item,) = body["items"]
    return activity_id, item


async def get_item(sandbox: Sandbox, item_id: str) -> dict[str, Any]:
    """Get Item's item."""
    item: dict[str, Any] = (await sandbox.ok("GET", f"{ITEMS}/{item_id}"))["item"]
    return item


async def query(sandbox: Sandbox, **inner: Any) -> dict[str, Any]:
    """Query Items with ``{query: inner}``."""
    return await sandbox.ok("POST", f"{ITEMS}/query", json={"query": inner})


async def everything(sandbox: Sandbox, **query_filter: Any) -> list[dict[str, Any]]:
    """Every item Query Items finds for ``query_filter`` (one page of 100)."""
    body = await query(sandbox, filter=query_filter, paging={"limit": 100})
    assert not body["pagingMetadata"]["hasNext"]
    items: list[dict[str, Any]] = body["items"]
    return items


async def item_in_status(
    make_sandbox: Callable[..., Any], status: str, **switches: Any
) -> tuple[Sandbox, str]:
    """A sandbox (built with ``switches``) and the ID of an Instagram post in ``status``."""
    sandbox: Sandbox = await make_sandbox(
        publish_failure_rate=1.0 if status == "FAILED" else 0.0, **switches
    )
    if status == "DRAFT":
        _, draft = await plan_draft(sandbox)
        return sandbox, draft["id"]
    _, item = await scheduled(sandbox)
    if status == "PROCESSING":
        sandbox.clock.set(when(item))
    elif status in ("PUBLISHED", "FAILED"):
        sandbox.clock.set(when(item) + timedelta(seconds=PUBLISHING_SECONDS))
    elif status == "CANCELED":
        await sandbox.ok("PATCH", f"{ITEMS}/{item['id']}/cancel", json={})
    elif status == "DELETED":
        await sandbox.ok("DELETE", f"{ITEMS}/{item['id']}")
    if status != "DELETED":
        assert (await get_item(sandbox, item["id"]))["status"] == status
    return sandbox, item["id"]


def error_code(response: httpx.Response) -> str:
    """The ``applicationError.code`` of a Wix error answer."""
    code: str = response.json()["details"]["applicationError"]["code"]
    return code

"""The in-process sandbox the sandbox tests drive: constants and the :class:`Sandbox` helper.

The clock starts on Wednesday 8 July 2026, 09:00 UTC: the end of next week is Sunday 19 July,
the end of next month 31 August, and X's sunset (31 July) falls inside the plan period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions
from tui_planner.sandbox.faults import FaultInjector

START = datetime(2026, 7, 8, 9, 0, tzinfo=UTC)
PLAN = "/promote/marketing-plan-service/v1"
PUBLISHER = "/social-publisher/v1"
AUTH = {"Authorization": "sandbox-test-key", "wix-site-id": "site-under-test"}
BASE_URL = "http://sandbox.test"


@dataclass
class Sandbox:
    """An in-process sandbox with its clock and an authenticated raw HTTP client."""

    clock: ManualClock
    http: httpx.AsyncClient
    options: SandboxOptions
    data_file: str
    faults: FaultInjector
    responses: list[httpx.Response] = field(default_factory=list)

    async def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One request; ``path`` is under the Marketing Plan base unless it starts with /social."""
        url = path if path.startswith(("/social-publisher", "/sandbox")) else f"{PLAN}{path}"
        response = await self.http.request(method, url, **kwargs)
        self.responses.append(response)
        return response

    async def ok(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """A request that must succeed; its JSON body."""
        response = await self.call(method, path, **kwargs)
        assert response.status_code == 200, response.text
        body = response.json()
        assert isinstance(body, dict)
        return body

    async def plan(self, **params: str) -> dict[str, Any]:
        """GetSocialMarketingPlan."""
        return await self.ok("GET", "/marketing-plan", params=params)

    async def generate(self) -> dict[str, Any]:
        """Generate a plan and let the generation finish; the ACTIVE plan."""
        await self.ok("POST", "/marketing-plan/generate-marketing-plan", json={})
        self.clock.advance(self.options.generation_seconds)
        plan = await self.plan()
        assert plan["status"] == "ACTIVE", plan["status"]
        return plan

    async def posts(self, *activity_ids: str) -> dict[str, list[dict[str, Any]]]:
        """GetMarketingActivityPosts as {activity id: items}."""
        body = await self.ok(
            "POST", "/marketing-activity-posts", json={"marketingActivityIds": list(activity_ids)}
        )
        return {
            entry["marketingActivityId"]: entry["items"] for entry in body["marketingActivities"]
        }

"""Activity detail tests run the real app over the in-memory sandbox, watching its requests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from tui_planner.ui.app import PlannerApp


@dataclass
class RequestLog:
    """Every request the app's clients sent: method, path and JSON body."""

    entries: list[tuple[str, str, Any]] = field(default_factory=list)

    async def record(self, request: httpx.Request) -> None:
        """An httpx request hook."""
        body = json.loads(request.content) if request.content else None
        self.entries.append((request.method, request.url.path, body))

    def sent(self, method: str, path_part: str) -> list[Any]:
        """The bodies of the requests with ``method`` whose path contains ``path_part``."""
        return [body for m, path, body in self.entries if m == method and path_part in path]


@pytest.fixture
def watch_requests() -> Any:
    """``log = watch_requests(app)``: start recording the app's API requests."""

    def watch(app: PlannerApp) -> RequestLog:
        log = RequestLog()
        assert app.session.backend is not None, "the app was given an open backend"
        app.session.backend.http.event_hooks["request"].append(log.record)
        return log

    return watch

"""One flow over real loopback HTTP: uvicorn serving the sandbox, the real client calling it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from tui_planner.api import MarketingPlanClient, UnauthenticatedError
from tui_planner.api.models import ItemStatus, PlanStatus
from tui_planner.clock import ManualClock
from tui_planner.sandbox import SandboxOptions, create_app

pytestmark = pytest.mark.loopback

API_KEY = "loopback-key"


@pytest.fixture
def served(clock: ManualClock, tmp_path: Path) -> Iterator[str]:
    """The sandbox served by uvicorn on a free 127.0.0.1 port; yields its base URL."""
    app = create_app(
        data_file=tmp_path / "sandbox.sqlite3",
        clock=clock,
        options=SandboxOptions(),
        api_key=API_KEY,
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    # Listening before uvicorn starts: early requests wait in the backlog, no polling needed.
    sock.listen(16)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


async def test_generate_and_schedule_over_loopback(served: str, clock: ManualClock) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        plan_client = MarketingPlanClient(
            http, base_url=served, api_key=API_KEY, site_id="site", clock=clock
        )
        assert await plan_client.generate_marketing_plan() == PlanStatus.GENERATING
        clock.advance(6)
        plan = await plan_client.get_social_marketing_plan()
        assert plan.status == PlanStatus.ACTIVE
        draft = next(i for a in plan.marketing_activities for i in a.posts if i.channel.account_id)
        (scheduled,) = (await plan_client.schedule_drafts([draft.id])).items
        assert scheduled.status == ItemStatus.SCHEDULED

        image = await http.get(draft.image or "")
        assert image.status_code == 200
        assert image.headers["content-type"] == "image/png"
        assert draft.image
        assert draft.image.startswith(served)

        wrong_key = MarketingPlanClient(
            http, base_url=served, api_key="not-the-key", site_id="site", clock=clock
        )
        with pytest.raises(UnauthenticatedError):
            await wrong_key.get_social_marketing_plan()

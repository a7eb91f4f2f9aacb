"""The sandbox's Starlette application: the Wix paths, wired to their handlers.

Every API request goes the same way: injected faults, then auth, then one SQLite transaction
in which the stored state catches up with the clock and the handler runs. A :class:`WixError`
rolls the transaction back and becomes a Wix error body; any other exception rolls it back too
and becomes a logged 500 with an empty body, as Wix answers a system error
(:mod:`.internal_errors`). A data file locked by another program is waited for on the clock,
briefly, then answered 503; a data file that cannot be read or written is answered 500 with a
sentence saying so (:func:`_storage_answer`).
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from tui_planner.clock import Clock

from . import (
    activities,
    events,
    item_edits,
    item_queries,
    plan_service,
    posts_service,
    publisher,
    settings_service,
)
from .auth import check_auth
from .context import ApiRequest, SandboxContext
from .demo_site import ensure_site
from .errors import WixError, not_found
from .faults import FaultInjector
from .internal_errors import InternalErrorMiddleware
from .json_answer import JsonAnswer
from .media import MEDIA_PATH, image_png
from .options import SandboxOptions
from .request_limits import BodySizeLimit, read_json_object
from .route_errors import ROUTE_ERROR_HANDLERS
from .scheduling import schedule_drafts
from .shape import shaper_for
from .storage import Storage, StorageBusy, StorageFailure
from .timeline import catch_up

__all__ = [
    "LOCK_PATIENCE",
    "LOCK_RETRY_STEP",
    "MARKETING_PLAN_BASE",
    "PUBLISHER_BASE",
    "create_app",
]

MARKETING_PLAN_BASE = "/promote/marketing-plan-service/v1"
PUBLISHER_BASE = "/social-publisher/v1"

Handler = Callable[[SandboxContext, ApiRequest], dict[str, Any]]
Endpoint = Callable[[Request], Awaitable[Response]]

_BODYLESS = {"GET", "DELETE", "HEAD"}

LOCK_PATIENCE = 2.0
"""Seconds of clock time a request waits for a data file another program has locked."""
LOCK_RETRY_STEP = 0.25
"""Seconds between tries at a locked data file."""

T = TypeVar("T")

# (verb, path under the Marketing Plan base, handler) for all 30 methods of §1.1.
_PLAN_ROUTES: tuple[tuple[str, str, Handler], ...] = (
    ("POST", "/marketing-plan/generate-marketing-plan", plan_service.generate_plan),
    ("POST", "/marketing-plan/regenerate-marketing-plan", plan_service.regenerate_plan),
    (
        "POST",
        "/marketing-plan/regenerate-marketing-plan-with-keyword-research",
        plan_service.regenerate_plan_with_keyword_research,
    ),
    ("GET", "/marketing-plan", plan_service.get_plan),
    ("DELETE", "/marketing-plan", plan_service.delete_plan),
    ("DELETE", "/marketing-plan/plan-marketing-activity", plan_service.delete_plan_activity),
    ("POST", "/marketing-plan/generate-social-posts", posts_service.generate_social_posts),
    ("POST", "/marketing-activity-posts", posts_service.get_activity_posts),
    ("POST", "/marketing-plan/schedule-drafts", schedule_drafts),
    (
        "POST",
        "/marketing-plan/regenerate-marketing-activity-posts",
        posts_service.regenerate_posts,
    ),
    (
        "POST",
        "/marketing-plan/regenerate-marketing-activity-posts-media",
        posts_service.regenerate_posts_media,
    ),
    (
        "PATCH",
        "/marketing-plan/update-marketing-activity-posts-media",
        posts_service.update_posts_media,
    ),
    ("PATCH", "/marketing-plan/clear-marketing-activity-posts", posts_service.clear_posts),
    (
        "POST",
        "/marketing-plan/regenerate-marketing-activity-stories",
        posts_service.regenerate_stories,
    ),
    (
        "PATCH",
        "/marketing-plan/update-marketing-activity-stories-media",
        posts_service.update_stories_media,
    ),
    ("PATCH", "/marketing-plan/clear-marketing-activity-stories", posts_service.clear_stories),
    ("POST", "/items", activities.create_activity),
    ("GET", "/marketing-activity", activities.get_activity),
    ("PATCH", "/items/{activity_id}", activities.update_activity_fields),
    ("POST", "/marketing-activities/query", activities.query_activities),
    ("POST", "/events", events.create_event),
    ("PUT", "/events/{event_id}", events.update_event),
    ("DELETE", "/events/{event_id}", events.delete_event),
    ("POST", "/events/query", events.query_events),
    ("GET", "/marketing-settings", settings_service.get_settings),
    ("POST", "/marketing-settings", settings_service.upsert_settings),
    ("GET", "/marketing-settings/defaults", settings_service.get_defaults),
    ("GET", "/marketing-settings/plan-goal-options", settings_service.get_plan_goal_options),
    (
        "GET",
        "/marketing-settings/point-of-view-options",
        settings_service.get_point_of_view_options,
    ),
    ("GET", "/marketing-settings/calendar-options", settings_service.get_calendar_options),
)

_PUBLISHER_ROUTES: tuple[tuple[str, str, Handler], ...] = (
    ("GET", "/{channel}/long-lived-token-status", publisher.token_status),
    ("GET", "/{channel}/connect-url", publisher.connect_url),
    ("GET", "/accounts", publisher.list_accounts),
    ("GET", "/features", publisher.feature_data),
    ("POST", "/publish-by-id", publisher.publish_by_id),
    ("POST", "/items/{item_id}/reschedule", publisher.reschedule_item),
    ("PATCH", "/items/{item_id}/cancel", publisher.cancel_item),
    ("GET", "/items", item_queries.get_items),
    ("POST", "/items/query", item_queries.query_items),
    ("GET", "/items/{item_id}", item_queries.get_item),
    ("PATCH", "/items/{item_id}", item_edits.update_item_fields),
    ("DELETE", "/items/{item_id}", item_edits.delete_item),
)


class _Sandbox:
    """The state one app instance shares across requests."""

    def __init__(
        self, storage: Storage, clock: Clock, options: SandboxOptions, api_key: str | None
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.options = options
        self.api_key = api_key
        self.faults = FaultInjector(options, clock)

    def switch(self, **changes: Any) -> SandboxOptions:
        """Change the site's switches while the sandbox serves, as its owner would behind a
        running app's back (a channel disconnected, premium lapsing, the site unpublished);
        the next request sees them. The answer shape and the fault switches stay as built.
        Returns the switches now in force."""
        self.options = dataclasses.replace(self.options, **changes)
        return self.options

    def context(self, conn: Any, request: Request) -> SandboxContext:
        """A request's context in the open transaction ``conn``."""
        return SandboxContext.open(
            conn,
            self.options,
            now=self.clock.now(),
            today=self.clock.today(),
            tz=self.clock.tz,
            base_url=str(request.base_url),
        )

    def api(self, handler: Handler) -> Endpoint:
        """The endpoint that runs ``handler`` the way every API request runs."""
        shaper = shaper_for(handler, self.options.shape)

        async def endpoint(request: Request) -> Response:
            fault = await self.faults.before(request.headers)
            if fault is not None:
                return fault
            try:
                check_auth(request.headers, self.api_key)
                api_request = ApiRequest(
                    body=await _json_body(request),
                    query=request.query_params,
                    path={key: str(value) for key, value in request.path_params.items()},
                )

                def run(conn: Any) -> dict[str, Any]:
                    ctx = self.context(conn, request)
                    catch_up(ctx)
                    return handler(ctx, api_request)

                answer = await self.in_transaction(run)
            except WixError as error:
                return shaper.error(error).response()
            return JsonAnswer(shaper.answer(answer))

        endpoint.__name__ = handler.__name__
        return endpoint

    async def in_transaction(self, work: Callable[[Any], T]) -> T:
        """Run ``work(conn)`` in one transaction, waiting out another program's lock briefly.

        Each try that finds the data file locked waits :data:`LOCK_RETRY_STEP` on the clock
        (so the app's event loop keeps running); after :data:`LOCK_PATIENCE` the request is
        answered 503. A file that cannot be read or written is answered 500 with a sentence.
        """
        waited = 0.0
        while True:
            try:
                with self.storage.transaction() as conn:
                    return work(conn)
            except StorageBusy as busy:
                if waited >= LOCK_PATIENCE:
                    raise _storage_answer(busy) from busy
            except StorageFailure as failure:
                raise _storage_answer(failure) from failure
            await self.clock.sleep(LOCK_RETRY_STEP)
            waited += LOCK_RETRY_STEP

    async def media(self, request: Request) -> Response:
        """A post image, as PNG (public, like Wix media URLs)."""
        name = str(request.path_params["name"])
        png = None
        if name.endswith(".png"):
            try:
                png = await self.in_transaction(
                    lambda conn: image_png(conn, name.removesuffix(".png"))
                )
            except WixError as error:
                return error.response()
        if png is None:
            return not_found(f"There is no image {name}").response()
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=86400"})

    async def connect(self, request: Request) -> Response:
        """Where a connect URL leads: connections are a sandbox switch, not an OAuth flow."""
        channel = html.escape(str(request.path_params["channel"]))
        return HTMLResponse(
            f"<h1>Connect {channel}</h1><p>The sandbox has no real {channel} login. Add "
            f"{channel} to <code>connected_channels</code> in the [sandbox] section of the "
            "planner-tui config and restart the sandbox.</p>"
        )


def _storage_answer(error: StorageBusy | StorageFailure) -> WixError:
    """The Wix-shaped 5xx for a data file that is locked (503) or failing (500)."""
    if isinstance(error, StorageBusy):
        return WixError(
            503,
            "The sandbox data file is locked by another program; close it or try again in a moment",
            code="SANDBOX_DATA_FILE_LOCKED",
        )
    return WixError(500, str(error), code="SANDBOX_DATA_FILE_ERROR")


async def _json_body(request: Request) -> dict[str, Any]:
    if request.method in _BODYLESS:
        return {}
    raw = await request.body()
    if not raw.strip():
        return {}
    return read_json_object(raw)


def create_app(
    *,
    data_file: str | Path,
    clock: Clock,
    options: SandboxOptions,
    api_key: str | None = None,
) -> Starlette:
    """Build the sandbox ASGI app over the SQLite file ``data_file`` (``":memory:"`` for tests).

    ``api_key``, when given, is the only ``Authorization`` value accepted (use it when serving
    on a port); otherwise any non-empty key is. The file is created and set up on first use
    and reopened as it is afterwards. ``app.state.faults`` is the app's
    :class:`~.faults.FaultInjector`: it counts the faults it injected and can be switched off.
    ``app.state.switch(**changes)`` changes the site's switches (``connected_channels``,
    ``premium``, ``site_published``...) from the next request on.
    """
    storage = Storage(data_file)
    with storage.transaction() as conn:
        ensure_site(conn, options, clock.now())
    sandbox = _Sandbox(storage, clock, options, api_key)
    routes = [
        Route(f"{MARKETING_PLAN_BASE}{path}", sandbox.api(handler), methods=[verb])
        for verb, path, handler in _PLAN_ROUTES
    ]
    routes += [
        Route(f"{PUBLISHER_BASE}{path}", sandbox.api(handler), methods=[verb])
        for verb, path, handler in _PUBLISHER_ROUTES
    ]
    routes += [
        Route(f"{MEDIA_PATH}{{name}}", sandbox.media, methods=["GET"]),
        Route("/sandbox-connect/{channel}", sandbox.connect, methods=["GET"]),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        storage.close()

    app = Starlette(
        routes=routes,
        # The size limit inside the 500 guard, so the guard sees only what gets past it.
        middleware=[Middleware(InternalErrorMiddleware), Middleware(BodySizeLimit)],
        exception_handlers=ROUTE_ERROR_HANDLERS,
        lifespan=lifespan,
    )
    app.state.storage = storage
    app.state.faults = sandbox.faults
    app.state.switch = sandbox.switch
    return app

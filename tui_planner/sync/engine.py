"""``SyncEngine``: keeps the store in step with the API and carries commands to it.

The engine owns the last server truth (:class:`PlanData`) and one optimistic patch per pending
command; every snapshot it publishes is the truth with the patches laid over it. Polls replace
the truth (reconciled, so unchanged activities keep their identity); a confirmed command folds
the server's answer into the truth and drops its patch; a failed one just drops its patch.

Timing goes through the injected clock only. ``run()`` sleeps between cycles on
``clock.sleep`` but wakes at once for a command, ``request_sync()`` or ``resume()``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from tui_planner.api.errors import ApiConnectionError, ApiError, ResponseFormatError
from tui_planner.api.id_lists import chunked_ids
from tui_planner.api.models import PLAN_CHANNELS, ItemQuery, ItemStatus, PlanStatus
from tui_planner.store import reducers
from tui_planner.store.selectors import period_bounds, plan_period
from tui_planner.store.state import (
    EMPTY_MAPPING,
    ConnectionPhase,
    FailureKind,
    Options,
    PendingCommand,
    SyncStatus,
)
from tui_planner.zone import event_span

from .plan_details import PlanDetails, signature
from .reconcile import (
    PlanData,
    fold_plan_items,
    fold_queried_items,
    layer,
    merge_activity_posts,
    reconcile_activities,
    replace_items,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping

    from tui_planner.api.models import (
        ActivityPosts,
        ChannelName,
        PlanMarketingActivity,
        PostItem,
        SocialMarketingPlan,
        TokenStatus,
    )
    from tui_planner.api.plan_client import MarketingPlanClient
    from tui_planner.api.publisher_client import PublisherClient
    from tui_planner.clock import Clock
    from tui_planner.store.state import PlannerState
    from tui_planner.store.store import Store

    from .commands import Command, CommandOutcome
    from .optimistic import Patch
    from .policy import PollPolicy

    Activities = Mapping[str, PlanMarketingActivity]

__all__ = ["SyncEngine", "auth_failure_message", "failure_kind", "let_go_in_slices"]

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

BIG_PLAN = 200
"""Activities above which reconciling a poll runs in a worker thread, off the event loop."""

_ACTIVITIES_PER_TURN = 20
"""Read activities (with their posts) freed per turn of the loop: about a millisecond."""


async def _off_loop_if(big: bool, work: Callable[[], _T]) -> _T:
    """``work()``: in a worker thread when ``big`` (a big plan), so the UI's loop keeps turning.

    Each pass over a thousand activities' posts costs the loop several milliseconds, and
    several of them in one step add up to a frame the user sees stall.
    """
    return await asyncio.to_thread(work) if big else work()


async def let_go_in_slices(objects: list[Any], per_turn: int) -> None:
    """Empty ``objects``, ``per_turn`` at a time from the end, with a turn of the event loop
    after each slice; a list of ``per_turn`` or fewer is emptied without one.

    A plan answer the app already knew (a poll of an unchanged plan: the truth keeps its own
    objects) is dropped whole when the function that read it returns. A thousand activities
    with their posts are some 70,000 objects, and freeing them is one 10-30 ms step of the
    loop; slice by slice, the loop turns in between. The caller must hold no other
    reference that keeps them (the answer they came in, for one).
    """
    if per_turn < 1:
        raise ValueError("per_turn must be at least 1")
    while len(objects) > per_turn:
        del objects[-per_turn:]
        await asyncio.sleep(0)
    objects.clear()


def _not_kept(
    read: Iterable[PlanMarketingActivity], kept: Activities
) -> list[PlanMarketingActivity]:
    """The activities of a plan answer the truth did not take (it kept its own, equal ones,
    or a copy with the details laid on): to be let go."""
    return [activity for activity in read if kept.get(activity.id) is not activity]


SITE_POSTS_QUERY = ItemQuery(sort_field="schedulingInfo.scheduledDate", descending=True)
"""Every post of the site, newest first (so a capped read keeps the ones that matter)."""

_GOING_OUT = frozenset({ItemStatus.PROCESSING, ItemStatus.IN_QUEUE})


def auth_failure_message(error: ApiError, config_file: str | None = None) -> str:
    """What to tell the user when the API refused the key (401) or the site (403).

    ``config_file`` names the config file the fix goes into. The sentence is the one thing
    the status bar and the calendar say about it, so it fits one 120-column status line.
    """
    where = config_file or "the config file"
    if error.status == 401:
        return f"The API key was refused (401): check WIX_API_KEY or [api] api_key in {where}"
    return (
        f"The API key may not act on this site (403): check [api] site_id in {where} and "
        "the key's permissions"
    )


def failure_kind(error: ApiError) -> FailureKind:
    """Which kind of trouble ``error`` is: only a missing answer means offline."""
    if isinstance(error, ApiConnectionError):
        return FailureKind.OFFLINE
    if error.is_server_busy:
        return FailureKind.SERVER_BUSY
    if isinstance(error, ResponseFormatError):
        return FailureKind.BAD_ANSWER
    return FailureKind.SERVER_ERROR


@asynccontextmanager
async def _together() -> AsyncIterator[asyncio.TaskGroup]:
    """A task group whose failure surfaces as the first :class:`ApiError`, not a group.

    Siblings are cancelled as soon as one request fails: the cycle failed either way.
    """
    try:
        async with asyncio.TaskGroup() as group:
            yield group
    except ExceptionGroup as errors:
        first = _first_api_error(errors)
        if first is None:
            raise
        raise first from None


def _first_api_error(errors: BaseException) -> ApiError | None:
    if isinstance(errors, ApiError):
        return errors
    if isinstance(errors, BaseExceptionGroup):
        for error in errors.exceptions:
            found = _first_api_error(error)
            if found is not None:
                return found
    return None


class _DetailsFailed(Exception):
    """A details read failed after ``requests`` requests."""

    def __init__(self, error: ApiError, requests: int) -> None:
        super().__init__(str(error))
        self.error = error
        self.requests = requests


def _premium_refused(command: Command, error: ApiError | None) -> bool:
    """Whether ``error`` is ScheduleDrafts' 428: the site lacks the premium feature."""
    from .commands import ScheduleDrafts

    return isinstance(command, ScheduleDrafts) and error is not None and error.status == 428


def _refused_event(command: Command, error: ApiError | None) -> str | None:
    """The id of the event an update or delete was refused for with 428, if it was.

    The contract marks no event read-only; it refuses to change one from a connected
    calendar with FAILED_PRECONDITION (§4.3, §4.4), so that refusal is how the app learns.
    """
    from .commands import DeleteEvent, UpdateEvent

    if error is None or error.status != 428:
        return None
    match command:
        case UpdateEvent(event=event):
            return event.id
        case DeleteEvent(event_id=event_id):
            return event_id
    return None


@dataclass(frozen=True, slots=True)
class _PostsWatch:
    """Posts asked for: done when the activity's items differ from every ``before``."""

    before: tuple[tuple[PostItem, ...], ...]
    since: float


class SyncEngine:
    """Polls the API into the store and executes commands optimistically.

    ``run_once()`` performs one cycle and returns the wait before the next (``None`` when
    polling has stopped after a 401/403); ``run()`` loops until cancelled. ``config_file``
    names the config file in the sentence that says how to fix a refused key.
    ``plan_shown``, when given, is awaited after the first load has published the plan and
    before it reads the rest: the app waits there for the frame that shows the plan, which
    the in-process sandbox's answers to the other reads would otherwise hold back.
    """

    def __init__(
        self,
        store: Store,
        plan: MarketingPlanClient,
        publisher: PublisherClient,
        clock: Clock,
        policy: PollPolicy,
        rng: random.Random | None = None,
        *,
        config_file: str | None = None,
        plan_shown: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._store = store
        self._config_file = config_file
        self._plan_shown = plan_shown
        self._plan = plan
        self._publisher = publisher
        self._clock = clock
        self._policy = policy
        self._rng = rng or random.Random()
        self._truth = PlanData()
        self._truth_version = 0
        self._patches: dict[int, Patch] = {}
        self._since_load: list[Patch] | None = None
        """Updates of the commands confirmed since the reload in progress began."""
        self._ids = itertools.count(1)
        self._watch: dict[str, _PostsWatch] = {}
        self._wake = asyncio.Event()
        self._paused = False
        self._stopped = False
        self._force = False
        self._refresh_due = False
        self._events_due = False
        self._failures = 0
        self._generating_streak = 0
        self._idle_polls = 0
        self._details = PlanDetails()
        self._posts_read_at: datetime | None = None
        self._posts_complete = True
        self._posts_cap = policy.site_posts_cap
        self._more_posts_wanted = False
        self._polls_since_posts = 0
        self._items_folded_from: Activities = EMPTY_MAPPING

    # -- Control ---------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        """The store this engine writes to."""
        return self._store

    @property
    def paused(self) -> bool:
        """Whether polling waits for :meth:`resume`."""
        return self._paused

    def request_sync(self) -> None:
        """Sync everything now (Ctrl+R), also after polling stopped on a refused key."""
        self._force = True
        self._wake.set()

    def read_more_posts(self) -> bool:
        """Read ``site_posts_cap`` more of the site's older posts, at once (the Posts
        section's "load more"); every later read of the site's posts reads that many too.
        False when the last read already had them all."""
        if self._posts_complete:
            return False
        self._posts_cap += self._policy.site_posts_cap
        self._more_posts_wanted = True
        self._wake.set()
        return True

    def pause(self) -> None:
        """Stop polling until :meth:`resume` (the app is suspended)."""
        self._paused = True
        self._set_status(replace(self._store.state.sync, phase=ConnectionPhase.PAUSED))
        self._wake.set()

    def resume(self) -> None:
        """Poll again, at once."""
        if not self._paused:
            return
        self._paused = False
        self._wake.set()

    # -- Polling -----------------------------------------------------------------------------

    async def run(self) -> None:
        """Poll until cancelled, waking early for commands and :meth:`request_sync`."""
        while True:
            if self._paused:
                await self._wait(None)
                continue
            delay = await self.run_once()
            await self._wait(delay)

    async def run_once(self) -> float | None:
        """One sync cycle; returns the seconds to wait before the next (``None``: stopped)."""
        force, self._force = self._force, False
        if self._stopped and not force:
            return None
        try:
            if force or not self._store.state.loaded:
                kind = "full load"
                await self._load_everything()
                requests = 1
            else:
                kind = "poll"
                requests = await self._poll()
        except ApiError as error:
            return self._failed(error)
        self._failures = 0
        self._stopped = False
        delay = self._next_delay(requests)
        logger.info(
            "%s done (%s, %d requests); next in %.1f s",
            kind,
            self._store.state.plan_status.value,
            requests,
            delay,
        )
        now = self._clock.now()
        self._set_status(
            SyncStatus(
                phase=ConnectionPhase.PAUSED if self._paused else ConnectionPhase.ONLINE,
                last_sync_at=now,
                next_poll_at=now + timedelta(seconds=delay),
            )
        )
        return delay

    async def _load_everything(self) -> None:
        # A command confirmed while these reads are out is newer than what they say: its
        # update is laid over them as they land (updates set values, so laying one over a
        # read that already shows it changes nothing).
        self._since_load = []
        try:
            await self._read_everything()
        finally:
            self._since_load = None

    def _caught_up(self, data: PlanData) -> PlanData:
        """``data`` as a reload read it, with the commands confirmed since it began."""
        return layer(data, self._since_load or ())

    async def _read_everything(self) -> None:
        start, end = self._period()
        plan = self._plan
        self._details.forget()
        # The plan first, alone: the calendar paints as soon as it is in (in the in-process
        # sandbox the other answers would otherwise share the CPU with it), and the rest
        # of the first load follows a moment later.
        answer = await plan.get_social_marketing_plan(start, end)
        activities = await self._reconciled(answer)
        self._truth = self._caught_up(
            replace(self._truth, plan_status=answer.status, activities=activities)
        )
        unkept = _not_kept(answer.marketing_activities, activities)
        del answer
        await self._fold_plan_items_off_loop()
        now = self._clock.now()
        first = not self._store.state.plan_loaded
        self._commit(lambda s: reducers.mark_plan_read(s, now))
        await let_go_in_slices(unkept, _ACTIVITIES_PER_TURN)
        if first and self._plan_shown is not None:
            await self._plan_shown()
        async with _together() as group:
            group.create_task(self._read_details(start, end))
            settings = group.create_task(plan.get_marketing_settings())
            events = group.create_task(plan.query_events(*self._events_period()))
            goals = group.create_task(plan.get_plan_goal_options())
            views = group.create_task(plan.get_point_of_view_options())
            calendars = group.create_task(plan.get_calendar_options())
            defaults = group.create_task(plan.get_marketing_settings_defaults())
            features = group.create_task(self._publisher.get_feature_data())
            tokens = group.create_task(self._token_statuses())
        options = Options(goals.result(), views.result(), calendars.result(), defaults.result())
        self._truth = self._caught_up(
            replace(self._truth, events=events.result(), settings=settings.result())
        )
        self._refresh_due = self._events_due = False
        self._idle_polls = 0
        self._commit(
            lambda s: reducers.set_options(s, options),
            lambda s: reducers.set_connections(s, tokens.result()),
            lambda s: reducers.set_features(s, features.result()),
            reducers.mark_loaded,
        )
        # Every post of the site, for the Posts section: after the plan and its forms.
        await self._read_site_posts()

    async def _poll(self) -> int:
        """Read the plan (and whatever else is due); returns how many requests that took.

        Now and then an idle poll reads every post of the site instead of the plan (the
        posts' read brings the plan's items up to date too), so the Posts section costs no
        requests beyond the idle budget; should that read fail, the plan is read as usual.
        """
        if self._site_posts_turn():
            requests = await self._read_site_posts()
            if requests is not None:
                self._idle_polls += 1
                return requests
            # The failed read counts against the idle budget too.
            return 1 + await self._poll_plan()
        return await self._poll_plan()

    async def _poll_plan(self) -> int:
        """Read the plan, and what else is due with it; returns the requests it took."""
        version = self._truth_version
        start, end = self._period()
        answer = await self._plan.get_social_marketing_plan(start, end)
        requests = 1
        watched = tuple(self._watch)
        posts: tuple[ActivityPosts, ...] = ()
        if watched:
            posts = (await self._plan.get_marketing_activity_posts(watched)).marketing_activities
            requests += 1
        idle = answer.status != PlanStatus.GENERATING and not watched
        self._idle_polls = self._idle_polls + 1 if idle else 0
        refresh = self._refresh_due or (idle and self._idle_polls % self._policy.refresh_every == 0)
        extra: list[Callable[[PlannerState], PlannerState]] = []
        events, settings = self._truth.events, self._truth.settings
        if refresh:
            async with _together() as group:
                events_task = group.create_task(self._plan.query_events(*self._events_period()))
                settings_task = group.create_task(self._plan.get_marketing_settings())
                features = group.create_task(self._publisher.get_feature_data())
                tokens = group.create_task(self._token_statuses())
            events, settings = events_task.result(), settings_task.result()
            requests += 3 + len(PLAN_CHANNELS)
            extra += [
                lambda s: reducers.set_connections(s, tokens.result()),
                lambda s: reducers.set_features(s, features.result()),
            ]
            self._refresh_due = self._events_due = False
        elif self._events_due:
            # An event command's answer: its occurrences are re-read, not the whole site.
            events = await self._plan.query_events(*self._events_period())
            requests += 1
            self._events_due = False
        if self._truth_version != version:
            # A command was confirmed while this poll was out; its answer is newer than what
            # came back here, and the woken poller will read again at once.
            self._commit(*extra)
            return requests
        activities = await self._reconciled(answer)
        activities = merge_activity_posts(activities, posts)
        self._details.stories_read(activities, watched)
        self._truth = PlanData(answer.status, activities, events, settings, self._truth.items)
        unkept = _not_kept(answer.marketing_activities, activities)
        del answer
        await self._fold_plan_items_off_loop()
        extra.append(self._settle_watch())
        self._commit(*extra)
        await let_go_in_slices(unkept, _ACTIVITIES_PER_TURN)
        # The plan is shown; what it leaves out follows, read only for what changed.
        details = await self._read_details(start, end)
        return (requests if refresh and idle else 1) + details

    async def _reconciled(self, answer: SocialMarketingPlan) -> Mapping[str, PlanMarketingActivity]:
        previous = self._truth.activities
        incoming = answer.marketing_activities

        def merge() -> Mapping[str, PlanMarketingActivity]:
            self._details.note_plan(incoming)
            return reconcile_activities(previous, self._details.with_details(incoming, previous))

        # Comparing thousands of posts takes tens of milliseconds: not on the UI's loop.
        merged = await _off_loop_if(len(incoming) > BIG_PLAN, merge)
        if logger.isEnabledFor(logging.INFO):
            changed = sum(1 for key, value in merged.items() if previous.get(key) is not value)
            gone = sum(1 for key in previous if key not in merged)
            logger.info(
                "plan read: %d activities, %d new or changed, %d gone",
                len(merged),
                changed,
                gone,
            )
        return merged

    async def _read_details(self, start: datetime, end: datetime) -> int:
        """Read the activity types and stories the plan view left out, where they changed.

        Returns how many requests that took (none when nothing changed). A failed read
        leaves the plan shown as it is and is tried again at the next poll (its request
        counts, so the idle wait stretches); a refused key stops polling as usual.
        """
        requests = 0
        for read in (self._read_types, self._read_stories):
            try:
                requests += await read(start, end)
            except _DetailsFailed as failed:
                requests += failed.requests
                error = failed.error
                if error.is_auth_error:
                    raise error from None
                logger.info("reading activity details failed (%s)", error.canonical)
                message = f"Could not read activity types and stories: {error}"
                self._commit(partial(reducers.set_last_error, message=message))
        return requests

    async def _read_types(self, start: datetime, end: datetime) -> int:
        details = self._details
        activities = self._truth.activities
        read_for = await _off_loop_if(len(activities) > BIG_PLAN, lambda: signature(activities))
        if not details.types_due(read_for):
            return 0
        requests = 1
        try:
            found = list(await self._plan.query_marketing_activities(start=start, end=end))
            # Whether the range's ends are inclusive is UNVERIFIED: ask by id for the rest.
            for chunk in chunked_ids(details.missing_types(activities, found)):
                requests += 1
                found += await self._plan.query_marketing_activities(ids=chunk)
        except ApiError as error:
            raise _DetailsFailed(error, requests) from error
        details.learn_types(found, read_for)
        await self._fold(details.with_types)
        return requests

    async def _read_stories(self, start: datetime, end: datetime) -> int:
        details = self._details
        activities, skip = self._truth.activities, frozenset(self._watch)
        big = len(activities) > BIG_PLAN
        due = await _off_loop_if(big, lambda: details.stories_due(activities, skip=skip))
        if not due:
            return 0
        requests = 0
        entries: list[ActivityPosts] = []
        try:
            for chunk in chunked_ids(due):
                requests += 1
                answer = await self._plan.get_marketing_activity_posts(chunk)
                # Only what differs from the truth is kept for the fold: the rest goes now,
                # not once every answer is in (over a big plan, a second copy of every post
                # at once, and the memory it took stayed with the process).
                known = self._truth.activities
                entries += (
                    entry
                    for entry in answer.marketing_activities
                    if (current := known.get(entry.marketing_activity_id)) is None
                    or current.items != entry.items
                )
                # A transport that answers without waiting (in process) must not chain the
                # answers' reading into one block of the loop.
                await asyncio.sleep(0)
            del answer
        except ApiError as error:
            raise _DetailsFailed(error, requests) from error
        await self._fold(lambda current: merge_activity_posts(current, entries))
        read = self._truth.activities
        await _off_loop_if(big, lambda: details.stories_read(read, due))
        return requests

    async def _fold(self, change: Callable[[Activities], Activities]) -> None:
        """Fold what was read into the truth as it is now, in one snapshot.

        Over a big plan the comparing runs in a worker thread, off the UI's loop; should a
        command change the truth meanwhile, the change is made again on what it is then.
        """
        current = self._truth.activities
        if len(current) > BIG_PLAN:
            changed = await asyncio.to_thread(change, current)
            if self._truth.activities is not current:
                current = self._truth.activities
                changed = change(current)
        else:
            changed = change(current)
        if changed is not current:
            self._truth = replace(self._truth, activities=changed)
            await self._fold_plan_items_off_loop()
            self._commit()

    def _site_posts_turn(self) -> bool:
        """Whether this idle poll reads the site's posts instead of the plan.

        Every ``site_posts_every``-th idle poll does, never one that refreshes events and
        settings; every other one does while a post the plan does not hold is going out
        (the plan read shows its own posts going out).
        """
        if self._more_posts_wanted:
            return True
        if self._truth.plan_status == PlanStatus.GENERATING or self._watch:
            return False
        if self._refresh_due or self._events_due:
            return False
        if (self._idle_polls + 1) % self._policy.refresh_every == 0:
            return False
        self._polls_since_posts += 1
        if self._polls_since_posts >= self._policy.site_posts_every:
            return True
        return self._polls_since_posts >= 2 and self._posts_going_out()

    def _posts_going_out(self) -> bool:
        """Whether a post outside the plan is publishing, or due to."""
        now = self._clock.now()
        going = {
            key
            for key, entry in self._truth.items.items()
            if entry.status in _GOING_OUT
            or (
                entry.status == ItemStatus.SCHEDULED
                and entry.scheduled_date is not None
                and entry.scheduled_date <= now
            )
        }
        if not going:
            return False
        in_plan = {e.id for a in self._truth.activities.values() for e in a.items}
        return bool(going - in_plan)

    async def _read_site_posts(self) -> int | None:
        """Read every post of the site (Query Items) into the truth.

        Returns the requests it took, or ``None`` when it failed: the posts stay as they
        were, the failure is told in ``last_error``, and the next try comes at the next
        turn. Only a refused key raises (polling stops, as for any read).
        """
        self._polls_since_posts = 0
        self._more_posts_wanted = False
        try:
            # Posts that read the same as the ones held come back as those: each page's
            # own copies go as soon as it is read, not after the last page.
            found = await self._publisher.query_items(
                SITE_POSTS_QUERY, max_items=self._posts_cap, known=self._truth.items
            )
        except ApiError as error:
            if error.is_auth_error:
                raise
            logger.info("reading the site's posts failed (%s)", error.canonical)
            message = f"Could not read the site's posts: {error}"
            self._commit(partial(reducers.set_last_error, message=message))
            return None

        # Posts that read the same as the ones held came back as those (``known``): every
        # post here is either held already or taken by the fold, so nothing is left to free.
        posts, complete, pages = found.items, found.complete, found.pages

        def fold(truth: PlanData) -> tuple[Activities, Mapping[str, PostItem]]:
            activities = replace_items(truth.activities, posts)
            items = fold_queried_items(truth.items, posts, activities, complete=complete)
            return activities, items

        truth = self._truth
        # Comparing many posts with what was known is work for a thread, off the UI's loop;
        # should a command change the truth meanwhile, it is done again on that.
        big = len(posts) > BIG_PLAN or len(truth.activities) > BIG_PLAN
        activities, items = await _off_loop_if(big, partial(fold, truth))
        if self._truth is not truth:
            truth = self._truth
            activities, items = fold(truth)
        self._posts_read_at = self._clock.now()
        self._posts_complete = complete
        # The plan's items were just brought up to date from this read: nothing to fold back.
        self._items_folded_from = activities
        self._truth = replace(truth, activities=activities, items=items)
        self._commit()
        return pages

    async def _token_statuses(self) -> dict[ChannelName, TokenStatus]:
        async with _together() as group:
            tasks = {
                channel: group.create_task(self._publisher.get_token_status(channel))
                for channel in PLAN_CHANNELS
            }
        return {channel: task.result() for channel, task in tasks.items()}

    def _settle_watch(self) -> Callable[[PlannerState], PlannerState]:
        """Stop watching activities whose posts arrived, vanished or took too long."""
        now = self._clock.monotonic()
        late: list[str] = []
        for activity_id, watch in tuple(self._watch.items()):
            activity = self._truth.activities.get(activity_id)
            if activity is None or (activity.items and activity.items not in watch.before):
                del self._watch[activity_id]
            elif now - watch.since > self._policy.posts_timeout:
                del self._watch[activity_id]
                late.append(activity.title or activity_id)
        watching = frozenset(self._watch)
        message = None
        if late:
            minutes = round(self._policy.posts_timeout / 60)
            message = (
                f"Posts for {', '.join(late)} did not arrive within {minutes} minutes; "
                "try generating them again."
            )

        def settle(state: PlannerState) -> PlannerState:
            state = reducers.set_posts_generating(state, watching)
            return reducers.set_last_error(state, message) if message else state

        return settle

    def _next_delay(self, requests: int) -> float:
        status = self._store.state.plan_status
        if status == PlanStatus.GENERATING or self._watch:
            delay = self._policy.generating_delay(self._generating_streak)
            self._generating_streak += 1
            return delay
        self._generating_streak = 0
        return self._policy.idle_delay(requests)

    def _failed(self, error: ApiError) -> float | None:
        sync = self._store.state.sync
        if error.is_auth_error:
            logger.warning("polling stopped: the key was refused (%s)", error.canonical)
            self._stopped = True
            self._set_status(
                replace(
                    sync,
                    phase=ConnectionPhase.AUTH_FAILED,
                    next_poll_at=None,
                    retry_at=None,
                    message=auth_failure_message(error, self._config_file),
                    failure=failure_kind(error),
                )
            )
            return None
        self._failures += 1
        delay = self._policy.error_delay(self._failures, self._rng, error.retry_after)
        retry_at = self._clock.now() + timedelta(seconds=delay)
        logger.warning(
            "sync failed (%s, %d in a row); retrying in %.1f s",
            error.canonical,
            self._failures,
            delay,
        )
        self._set_status(
            replace(
                sync,
                phase=ConnectionPhase.RETRYING,
                next_poll_at=retry_at,
                retry_at=retry_at,
                failures=self._failures,
                message=f"Sync failed: {error}",
                failure=failure_kind(error),
            )
        )
        return delay

    def _period(self) -> tuple[datetime, datetime]:
        first, last = plan_period(self._clock.today())
        self._commit(lambda s: reducers.set_plan_period(s, first, last))
        start, after = period_bounds(first, last, self._clock.tz)
        return start, after - timedelta(milliseconds=1)

    def _events_period(self) -> tuple[datetime, datetime]:
        """The plan period as :meth:`_period`, widened for date-only events on its ends."""
        first, last = plan_period(self._clock.today())
        start, after = event_span(first, last, self._clock.tz)
        return start, after - timedelta(milliseconds=1)

    async def _wait(self, delay: float | None) -> None:
        if self._wake.is_set():
            self._wake.clear()
            return
        waiters: set[asyncio.Future[object]] = {asyncio.ensure_future(self._wake.wait())}
        if delay is not None:
            waiters.add(asyncio.ensure_future(self._clock.sleep(delay)))
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
        self._wake.clear()

    # -- Commands ----------------------------------------------------------------------------

    async def execute(self, command: Command) -> CommandOutcome:
        """Apply ``command`` at once, send it, then confirm it or roll it back.

        Never raises for a failed call: the outcome says what failed (``ok=False``) and the
        same sentence lands in ``last_error``.
        """
        # Loaded with the first command, not on the way to the first plan on screen (the
        # commands' classes take 15-20 ms to build).
        from .commands import CommandOutcome
        from .optimistic import optimistic_patch
        from .perform import perform

        pending_id = next(self._ids)
        description = command.describe()
        pending = PendingCommand(pending_id, description, self._clock.now())
        self._patches[pending_id] = optimistic_patch(command, f"local-{pending_id}")
        self._commit(lambda s: reducers.add_pending(s, pending))
        before = self._truth
        settled: list[Callable[[PlannerState], PlannerState]] = []
        try:
            performed = await perform(command, self._plan, self._publisher, before)
        except (ApiError, ValueError) as error:
            message = f"Could not {description[:1].lower()}{description[1:]}: {error}"
            api_error = error if isinstance(error, ApiError) else None
            refused = _refused_event(command, api_error)
            if refused is not None:
                # The contract has no read-only flag: this refusal is how the app learns one.
                settled.append(partial(reducers.mark_event_read_only, event_id=refused))
                # The same 428 answers an event deleted elsewhere: read the events again.
                self._events_due = True
            elif _premium_refused(command, api_error):
                # The site's premium features changed under the app: read them again.
                self._refresh_due = True
            outcome = CommandOutcome(command, ok=False, message=message, error=api_error)
            settled.append(lambda s: reducers.set_last_error(s, message))
            if api_error is not None and api_error.is_auth_error:
                self._failed(api_error)
        else:
            self._truth = performed.update(self._truth)
            self._truth_version += 1
            if self._since_load is not None:
                self._since_load.append(performed.update)
            self._refresh_due = self._refresh_due or performed.refresh
            self._events_due = self._events_due or performed.refresh_events
            self._start_watching(performed.watch_posts, before)
            watching = frozenset(self._watch)
            settled.append(lambda s: reducers.set_posts_generating(s, watching))
            failure = performed.failure
            if _premium_refused(command, failure):
                self._refresh_due = True  # the features changed under the app
            outcome = CommandOutcome(
                command,
                ok=failure is None,
                message=performed.message,
                error=failure,
                scheduled_ids=performed.scheduled_ids,
            )
            if failure is not None:
                # Part of it stands (folded in above); the rest failed, and says why.
                settled.append(lambda s: reducers.set_last_error(s, performed.message))
                if failure.is_auth_error:
                    self._failed(failure)
        finally:
            # Confirmed or not (or cancelled), the patch goes: the truth now says what is so.
            del self._patches[pending_id]
            self._commit(lambda s: reducers.remove_pending(s, pending_id), *settled)
        if outcome.ok:
            logger.info("command done: %s", description)
        else:
            logger.warning("command failed: %s", outcome.message)
        self._generating_streak = 0
        self._wake.set()
        return outcome

    def _start_watching(self, activity_ids: Iterable[str], before: PlanData) -> None:
        since = self._clock.monotonic()
        for activity_id in activity_ids:
            old = before.activities.get(activity_id)
            new = self._truth.activities.get(activity_id)
            baselines = tuple(dict.fromkeys(a.items for a in (old, new) if a is not None)) or ((),)
            self._watch[activity_id] = _PostsWatch(baselines, since)

    # -- Publishing --------------------------------------------------------------------------

    def _commit(self, *changes: Callable[[PlannerState], PlannerState]) -> None:
        """Publish the truth with pending patches on top, plus ``changes``, as one snapshot."""
        self._fold_plan_items()
        shown = layer(self._truth, self._patches.values())
        now = self._clock.now()
        read_at, complete = self._posts_read_at, self._posts_complete

        def reducer(state: PlannerState) -> PlannerState:
            for change in changes:
                state = change(state)
            state = reducers.set_site_posts(state, shown.items, read_at=read_at, complete=complete)
            # Last, so the snapshot keeps the ids this change removed (other reducers clear
            # them: a removal is news for one snapshot only).
            return reducers.set_plan_data(
                state,
                plan_status=shown.plan_status,
                activities=shown.activities,
                events=shown.events,
                settings=shown.settings,
                now=now,
            )

        self._store.apply(reducer)

    async def _fold_plan_items_off_loop(self) -> None:
        """Over a big plan, what :meth:`_commit` would fold into the site's posts, folded in a
        worker thread first (the first read of a plan touches all its posts)."""
        truth, since = self._truth, self._items_folded_from
        if truth.activities is since or len(truth.activities) <= BIG_PLAN:
            return
        items = await asyncio.to_thread(fold_plan_items, truth.items, since, truth.activities)
        if self._truth is truth and self._items_folded_from is since:
            self._items_folded_from = truth.activities
            if items is not truth.items:
                self._truth = replace(truth, items=items)
        # Otherwise the truth moved on meanwhile, and the commit folds it on the loop as ever.

    def _fold_plan_items(self) -> None:
        """Bring the site's posts up to the plan's own items, whenever the plan changed."""
        activities = self._truth.activities
        if activities is self._items_folded_from:
            return
        items = fold_plan_items(self._truth.items, self._items_folded_from, activities)
        self._items_folded_from = activities
        if items is not self._truth.items:
            self._truth = replace(self._truth, items=items)

    def _set_status(self, sync: SyncStatus) -> None:
        self._store.dispatch(reducers.set_sync_status, sync)

"""The soak's user: a seeded stream of every command, chosen from what the app shows.

The user looks at the store (as the screens do), picks a command by weight among those that
make sense there, and issues it without waiting for the ones still in flight. Two commands
in flight never touch the same thing (:class:`Locks`), so the referee can tell which command
a change on the server belongs to; a plan (re)generation and posts being generated keep
their things locked until the server has had the time to finish them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, get_args

from tui_planner.api.models import (
    CalendarEvent,
    ItemStatus,
    MarketingActivityType,
    MarketingSettings,
    PlanStatus,
    PointOfView,
    Settings,
)
from tui_planner.sync import (
    CancelItem,
    ClearPosts,
    ClearStories,
    Command,
    CreateActivity,
    CreateEvent,
    DeleteActivity,
    DeleteEvent,
    DeleteItem,
    DeletePlan,
    GeneratePlan,
    GeneratePosts,
    RegeneratePlan,
    RegeneratePlanWithResearch,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
    RescheduleItem,
    ScheduleDrafts,
    UpdateActivity,
    UpdateEvent,
    UpdateItemCaption,
    UpdatePostsMedia,
    UpsertSettings,
)

if TYPE_CHECKING:
    from tui_planner.api.models import PlanMarketingActivity, PostItem
    from tui_planner.sandbox import SandboxOptions
    from tui_planner.store import PlannerState

__all__ = ["PLAN_LOCK", "SETTINGS_PATHS", "Intent", "Locks", "User", "activity_lock"]

PLAN_LOCK = "plan"
"""Held by a plan (re)generation or deletion: it stands for every activity at once."""

SETTINGS_PATHS = (
    "settings.toneOfVoice",
    "settings.customContentGuidelines",
    "settings.pointOfView",
)
"""The settings the user edits (each save writes one)."""

_TONES = ("warm", "bold", "playful", "calm", "expert", "cheeky")
_WORDS = ("spring", "launch", "workshop", "tasting", "studio", "harbour", "lantern", "meadow")


def activity_lock(activity_id: str) -> str:
    """The lock of one activity and everything in it (posts, stories)."""
    return f"activity:{activity_id}"


@dataclass(frozen=True, slots=True)
class Intent:
    """A command the user issues and the things it touches."""

    command: Command
    locks: frozenset[str]


class Locks:
    """Which things a command in flight (or a job it started) is touching, and until when."""

    def __init__(self) -> None:
        self._held: dict[str, datetime | None] = {}

    def free(self, keys: frozenset[str], now: datetime) -> bool:
        """Whether none of ``keys`` is held (the plan lock stands for every activity)."""
        held = {key for key, until in self._held.items() if until is None or until > now}
        if PLAN_LOCK in held and any(key.startswith("activity:") for key in keys):
            return False
        if PLAN_LOCK in keys and any(key.startswith("activity:") for key in held):
            return False
        return not keys & held

    def take(self, keys: frozenset[str]) -> None:
        """Hold ``keys`` until released."""
        for key in keys:
            self._held[key] = None

    def release(self, keys: frozenset[str], until: datetime | None = None) -> None:
        """Let ``keys`` go now, or keep them until ``until`` (a job still running)."""
        for key in keys:
            if until is None:
                self._held.pop(key, None)
            else:
                self._held[key] = until

    def busy(self, key: str, now: datetime) -> bool:
        """Whether ``key`` is held now (directly, or as an activity under the plan lock)."""
        return not self.free(frozenset({key}), now)


Factory = Callable[["PlannerState", datetime], "Intent | None"]


class User:
    """Picks the next command at random (seeded) from what the store shows."""

    def __init__(self, rng: random.Random, options: SandboxOptions) -> None:
        self._rng = rng
        self._options = options
        self._serial = 0
        self._menu: tuple[tuple[type[Command], float, Factory], ...] = (
            (UpdateActivity, 10, self._update_activity),
            (ScheduleDrafts, 8, self._schedule_drafts),
            (CreateActivity, 5, self._create_activity),
            (RescheduleItem, 4, self._reschedule_item),
            (UpsertSettings, 4, self._upsert_settings),
            (CancelItem, 3, self._cancel_item),
            (UpdateItemCaption, 3, self._update_item_caption),
            (DeleteItem, 1.5, self._delete_item),
            (DeleteActivity, 3, self._delete_activity),
            (CreateEvent, 3, self._create_event),
            (UpdateEvent, 3, self._update_event),
            (GeneratePosts, 3, self._generate_posts),
            (DeleteEvent, 2, self._delete_event),
            (RegeneratePosts, 2, self._regenerate_posts),
            (RegeneratePostsMedia, 2, self._regenerate_posts_media),
            (UpdatePostsMedia, 2, self._update_posts_media),
            (ClearPosts, 1.5, self._clear_posts),
            (RegenerateStories, 1.5, self._regenerate_stories),
            (ClearStories, 1, self._clear_stories),
            (RegeneratePlan, 1, self._plan_command(RegeneratePlan)),
            (RegeneratePlanWithResearch, 0.5, self._plan_command(RegeneratePlanWithResearch)),
            (GeneratePlan, 0.5, self._generate_plan),
            (DeletePlan, 0.3, self._plan_command(DeletePlan)),
        )
        self._deck: list[Factory] = []
        missing = set(get_args(Command)) - {kind for kind, _, _ in self._menu}
        assert not missing, f"the soak's user never issues {sorted(k.__name__ for k in missing)}"

    def pick(self, state: PlannerState, now: datetime, locks: Locks) -> Intent | None:
        """A command that makes sense now and touches nothing in flight, or ``None``.

        Commands come off a shuffled deck holding every kind once plus as many again drawn
        by weight, so every kind is issued each round; one that does not fit now (nothing
        scheduled to cancel yet) stays in the deck for a later turn.
        """
        if state.plan_status in (PlanStatus.NEVER_CREATED, PlanStatus.FAILED):
            # Nothing else to do without a plan: the user generates one.
            intent = self._generate_plan(state, now)
            return intent if intent is not None and locks.free(intent.locks, now) else None
        for refilled in (False, True):
            if refilled:
                self._deck = self._new_deck()
            for index, factory in enumerate(self._deck):
                intent = factory(state, now)
                if intent is not None and locks.free(intent.locks, now):
                    del self._deck[index]
                    return intent
        return None

    def _new_deck(self) -> list[Factory]:
        weights = [weight for _, weight, _ in self._menu]
        extra = self._rng.choices(self._menu, weights, k=len(self._menu))
        deck = [factory for _, _, factory in (*self._menu, *extra)]
        self._rng.shuffle(deck)
        return deck

    def job_seconds(self, command: Command) -> float:
        """How long the server works on after answering ``command`` (0: nothing left)."""
        options = self._options
        match command:
            case GeneratePlan() | RegeneratePlan():
                return options.generation_seconds + 2
            case RegeneratePlanWithResearch():
                return options.keyword_research_seconds + options.generation_seconds + 2
            case GeneratePosts() | RegeneratePosts() | RegeneratePostsMedia() | RegenerateStories():
                return options.posts_seconds + 2
        return 0.0

    # -- one factory per command -------------------------------------------------------------

    def _name(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix} {self._rng.choice(_WORDS)} {self._serial}"

    def _day(self, now: datetime, first: int = 1, last: int = 20) -> datetime:
        day = now.date() + timedelta(days=self._rng.randint(first, last))
        return datetime.combine(day, time(self._rng.choice((9, 12, 17))), now.tzinfo)

    def _activity(
        self, state: PlannerState, wanted: Callable[[PlanMarketingActivity], bool] = lambda _: True
    ) -> PlanMarketingActivity | None:
        # Local placeholders (a create still in flight) have no server id yet.
        found = [
            a for a in state.activities.values() if not a.id.startswith("local-") and wanted(a)
        ]
        return self._rng.choice(sorted(found, key=lambda a: a.id)) if found else None

    def _items(
        self, state: PlannerState, wanted: Callable[[PostItem], bool]
    ) -> list[tuple[str, PostItem]]:
        return sorted(
            (
                (activity.id, entry)
                for activity in state.activities.values()
                if not activity.id.startswith("local-")
                for entry in activity.items
                if wanted(entry)
            ),
            key=lambda pair: pair[1].id,
        )

    def _on_activity(
        self, make: Callable[[str], Command], wanted: Callable[[PlanMarketingActivity], bool]
    ) -> Factory:
        def factory(state: PlannerState, now: datetime) -> Intent | None:
            activity = self._activity(state, wanted)
            if activity is None:
                return None
            return Intent(make(activity.id), frozenset({activity_lock(activity.id)}))

        return factory

    def _update_activity(self, state: PlannerState, now: datetime) -> Intent | None:
        activity = self._activity(state)
        if activity is None:
            return None
        fields = self._rng.sample(("title", "description", "target_date"), self._rng.randint(1, 3))
        command = UpdateActivity(
            activity.id,
            title=self._name("Edited") if "title" in fields else None,
            description=self._name("About") if "description" in fields else None,
            target_date=self._day(now) if "target_date" in fields else None,
        )
        return Intent(command, frozenset({activity_lock(activity.id)}))

    def _create_activity(self, state: PlannerState, now: datetime) -> Intent | None:
        kind = self._rng.choice(
            (
                MarketingActivityType.SOCIAL_MARKETING,
                MarketingActivityType.EMAIL_MARKETING,
                MarketingActivityType.BLOG,
            )
        )
        title = self._name("New")
        command = CreateActivity(title, self._name("Plans for"), self._day(now), kind)
        # Its own activity: a plan deleted or regenerated meanwhile would take it along.
        return Intent(command, frozenset({activity_lock(title)}))

    def _delete_activity(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(DeleteActivity, lambda _: True)(state, now)

    def _schedule_drafts(self, state: PlannerState, now: datetime) -> Intent | None:
        drafts = self._items(state, lambda e: e.status == ItemStatus.DRAFT)
        if not drafts:
            return None
        chosen = self._rng.sample(drafts, min(len(drafts), self._rng.randint(1, 6)))
        command = ScheduleDrafts(tuple(entry.id for _, entry in chosen))
        return Intent(command, frozenset(activity_lock(owner) for owner, _ in chosen))

    def _scheduled(self, state: PlannerState, now: datetime) -> tuple[str, PostItem] | None:
        # Not one about to go out: the user would not catch it in time either.
        soon = now + timedelta(minutes=15)
        found = self._items(
            state,
            lambda e: (
                e.status == ItemStatus.SCHEDULED
                and e.scheduled_date is not None
                and e.scheduled_date > soon
            ),
        )
        return self._rng.choice(found) if found else None

    def _reschedule_item(self, state: PlannerState, now: datetime) -> Intent | None:
        found = self._scheduled(state, now)
        if found is None:
            return None
        owner, entry = found
        when = now.replace(second=0, microsecond=0) + timedelta(hours=self._rng.randint(2, 72))
        return Intent(RescheduleItem(entry.id, when), frozenset({activity_lock(owner)}))

    def _cancel_item(self, state: PlannerState, now: datetime) -> Intent | None:
        found = self._scheduled(state, now)
        if found is None:
            return None
        owner, entry = found
        return Intent(CancelItem(entry.id), frozenset({activity_lock(owner)}))

    def _editable(self, state: PlannerState, now: datetime) -> tuple[str, PostItem] | None:
        """A post (not a story) still a draft, or scheduled and not about to go out."""
        soon = now + timedelta(minutes=15)
        found = self._items(
            state,
            lambda e: (
                not e.is_story
                and (
                    e.status == ItemStatus.DRAFT
                    or (
                        e.status == ItemStatus.SCHEDULED
                        and e.scheduled_date is not None
                        and e.scheduled_date > soon
                    )
                )
            ),
        )
        return self._rng.choice(found) if found else None

    def _update_item_caption(self, state: PlannerState, now: datetime) -> Intent | None:
        found = self._editable(state, now)
        if found is None:
            return None
        owner, entry = found
        command = UpdateItemCaption(entry.id, self._name("Caption"))
        return Intent(command, frozenset({activity_lock(owner)}))

    def _delete_item(self, state: PlannerState, now: datetime) -> Intent | None:
        found = self._editable(state, now)
        if found is None:
            return None
        owner, entry = found
        return Intent(DeleteItem(entry.id), frozenset({activity_lock(owner)}))

    def _generate_posts(self, state: PlannerState, now: datetime) -> Intent | None:
        bare = [
            a for a in state.activities.values() if not a.items and not a.id.startswith("local-")
        ]
        if not bare:
            return None
        chosen = self._rng.sample(sorted(bare, key=lambda a: a.id), min(len(bare), 3))
        ids = tuple(a.id for a in chosen)
        return Intent(GeneratePosts(ids), frozenset(activity_lock(i) for i in ids))

    def _regenerate_posts(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(RegeneratePosts, lambda a: bool(a.posts))(state, now)

    def _regenerate_posts_media(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(RegeneratePostsMedia, lambda a: bool(a.posts))(state, now)

    def _update_posts_media(self, state: PlannerState, now: datetime) -> Intent | None:
        self._serial += 1
        url = f"https://static.soak.example/picture-{self._serial}.png"
        return self._on_activity(lambda a: UpdatePostsMedia(a, url), lambda a: bool(a.posts))(
            state, now
        )

    def _clear_posts(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(
            ClearPosts, lambda a: any(e.status == ItemStatus.DRAFT for e in a.posts)
        )(state, now)

    def _regenerate_stories(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(RegenerateStories, lambda a: bool(a.stories))(state, now)

    def _clear_stories(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._on_activity(
            ClearStories, lambda a: any(e.status == ItemStatus.DRAFT for e in a.stories)
        )(state, now)

    def _plan_command(self, make: Callable[[], Command]) -> Factory:
        def factory(state: PlannerState, now: datetime) -> Intent | None:
            if state.plan_status == PlanStatus.GENERATING:
                return None
            return Intent(make(), frozenset({PLAN_LOCK}))

        return factory

    def _generate_plan(self, state: PlannerState, now: datetime) -> Intent | None:
        return self._plan_command(GeneratePlan)(state, now)

    def _create_event(self, state: PlannerState, now: datetime) -> Intent | None:
        event = CalendarEvent(name=self._name("Event"), date=self._day(now, 2, 25))
        return Intent(CreateEvent(event), frozenset())

    def _event(self, state: PlannerState) -> CalendarEvent | None:
        mine = [e for e in state.events if e.id and not e.read_only and not e.is_recurring]
        mine = [e for e in mine if not (e.id or "").startswith("local-")]
        return self._rng.choice(sorted(mine, key=lambda e: e.id or "")) if mine else None

    def _update_event(self, state: PlannerState, now: datetime) -> Intent | None:
        event = self._event(state)
        if event is None or event.id is None:
            return None
        changed = event.model_copy(update={"name": self._name("Renamed")})
        return Intent(UpdateEvent(changed), frozenset({f"event:{event.id}"}))

    def _delete_event(self, state: PlannerState, now: datetime) -> Intent | None:
        event = self._event(state)
        if event is None or event.id is None:
            return None
        return Intent(DeleteEvent(event.id), frozenset({f"event:{event.id}"}))

    def _upsert_settings(self, state: PlannerState, now: datetime) -> Intent | None:
        path = self._rng.choice(SETTINGS_PATHS)
        if path == "settings.toneOfVoice":
            settings = Settings(tone_of_voice=self._rng.choice(_TONES))
        elif path == "settings.pointOfView":
            settings = Settings(
                point_of_view=self._rng.choice((PointOfView.FIRST_PERSON, PointOfView.THIRD_PERSON))
            )
        else:
            settings = Settings(custom_content_guidelines=self._name("Mention"))
        command = UpsertSettings(MarketingSettings(settings=settings), (path,))
        return Intent(command, frozenset({f"settings:{path}"}))

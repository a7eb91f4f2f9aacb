"""``ActivityDetailScreen``: one activity in full, its posts per channel, and what to do next.

``e`` opens the activity's title, description and date in the activity form, which sends
only the fields that changed and closes once the server has them. Actions that lose work ask
first and say what will be lost. If the activity vanishes in a sync (deleted elsewhere) the
screen closes with a notice rather than showing stale data.

Stories have their own two keys, hinted beside the Stories heading: ``S`` regenerates the
story drafts and ``X`` clears them. Both touch drafts only (scheduled and published stories
stay), and regenerating never adds a story the plan did not make, so on an activity without
story drafts ``S`` says why nothing can happen instead of sending a request that does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label

from tui_planner.sync.commands import (
    GeneratePosts,
    RegeneratePosts,
    RegeneratePostsMedia,
    RegenerateStories,
    UpdatePostsMedia,
)
from tui_planner.ui.dialogs import ConfirmDialog, TextPromptDialog
from tui_planner.ui.dialogs.text_prompt import check_image_url
from tui_planner.ui.planner_screen import PlannerScreen
from tui_planner.ui.screens import activity_questions as questions
from tui_planner.ui.screens.activity_form import ActivityForm
from tui_planner.ui.widgets.activity_posts import ActivityPosts
from tui_planner.ui.widgets.activity_summary import (
    ActivityDescription,
    ActivityTitle,
    ActivityWhen,
    StoriesHeading,
)
from tui_planner.ui.widgets.list_keys import scroll_bindings, scroll_by_key
from tui_planner.ui.widgets.note import Note

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

    from tui_planner.api.models import ChannelName, PlanMarketingActivity, PostItem
    from tui_planner.store.search import SearchIndex
    from tui_planner.store.state import PlannerState
    from tui_planner.ui.search import MatchPosition

__all__ = ["ActivityDetailScreen"]


class ActivityDetailScreen(PlannerScreen[None]):
    """One activity: details, posts by channel with status and connection, stories, actions."""

    CSS_PATH = "activity_detail.tcss"
    TITLE = "Activity"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("e", "edit", "Edit", id="detail.edit"),
        Binding("p", "preview", "Preview", id="detail.preview"),
        Binding("g", "generate", "Generate posts", id="detail.generate"),
        Binding("r", "regenerate", "Regenerate", id="detail.regenerate"),
        Binding("i", "regenerate_image", "New image", id="detail.regenerate_image"),
        Binding("u", "set_image", "Image URL", id="detail.set_image"),
        Binding("c", "clear_posts", "Clear posts", id="detail.clear_posts"),
        # The story keys are hinted beside the Stories heading rather than in the key bar,
        # which at 120 columns would otherwise lose Delete and Help to make room.
        Binding(
            "S",
            "regenerate_stories",
            "Regenerate stories",
            show=False,
            id="detail.regenerate_stories",
        ),
        Binding("X", "clear_stories", "Clear story drafts", show=False, id="detail.clear_stories"),
        Binding("d", "delete", "Delete", id="detail.delete"),
        # g is "generate posts" here, so the page's top is home alone (bottom: end or G).
        *scroll_bindings("scroll_body", top_keys="home", bottom_keys="end,G"),
    ]

    activity: reactive[PlanMarketingActivity | None] = reactive(None, init=False)
    """The activity on show (``None`` until the plan has it)."""
    generating: reactive[bool] = reactive(False, init=False)
    """Whether posts or stories are being generated for it."""
    generation_note: reactive[str] = reactive("", init=False)
    """What is being generated, in words ("" when nothing is)."""
    connected: reactive[frozenset[ChannelName]] = reactive(frozenset(), init=False)
    """The channels whose account is connected."""
    posts: reactive[tuple[PostItem, ...]] = reactive((), init=False)
    stories: reactive[tuple[PostItem, ...]] = reactive((), init=False)

    def __init__(self, activity_id: str) -> None:
        super().__init__()
        self.activity_id = activity_id
        """The activity on show."""
        self._stories_asked = False
        """Whether the last regeneration sent from here was the stories' (for the wording)."""
        self._leaving = False

    # -- layout -------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        tz = self.host.clock.tz
        with VerticalScroll(id="detail-body"):
            yield ActivityTitle(id="detail-title").data_bind(ActivityDetailScreen.activity)
            yield ActivityWhen(tz, id="detail-meta").data_bind(ActivityDetailScreen.activity)
            yield ActivityDescription(id="detail-description").data_bind(
                ActivityDetailScreen.activity
            )
            yield Label("Posts", classes="section")
            yield Note(id="detail-generating").data_bind(text=ActivityDetailScreen.generation_note)
            yield ActivityPosts(
                tz=tz, empty="No posts yet. Press g to generate them.", id="detail-posts"
            ).data_bind(ActivityDetailScreen.connected, items=ActivityDetailScreen.posts)
            yield StoriesHeading(
                regenerate_key=self.key_for("detail.regenerate_stories"),
                clear_key=self.key_for("detail.clear_stories"),
                id="stories-heading",
                classes="section",
            ).data_bind(ActivityDetailScreen.activity, ActivityDetailScreen.generating)
            yield ActivityPosts(tz=tz, id="detail-stories").data_bind(
                ActivityDetailScreen.connected, items=ActivityDetailScreen.stories
            )

    # -- following the store ------------------------------------------------------------------

    def state_changed(self, state: PlannerState) -> None:
        activity = state.activities.get(self.activity_id)
        if activity is None:
            if state.loaded:
                self._close_gone()
            return
        self.connected = frozenset(c for c in state.connections if state.is_connected(c))
        self.generating = activity.id in state.posts_generating
        self.generation_note = self._generation_note()
        self.posts, self.stories = activity.posts, activity.stories
        self.activity = activity
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        """Close now if the activity went while a dialog was on top."""
        if self.activity_id not in self.state.activities and self.state.loaded:
            self._close_gone()

    def _generation_note(self) -> str:
        if not self.generating:
            return ""
        if self._stories_asked:
            return "Regenerating the stories… the new ones appear below when ready."
        return "Generating posts… they appear here when ready."

    def _close_gone(self) -> None:
        # Not while a dialog is on top (is_current would be true under a modal): dismissing
        # then would pop the dialog, form and typing included. The catch-up on resume
        # comes back here.
        if self._leaving or not self.is_active:
            return
        self._leaving = True
        self.notify("This activity is no longer in the plan; it was deleted.", severity="warning")
        self.dismiss()

    def action_scroll_body(self, how: str) -> None:
        """Scroll the page (``j``, ``k``, ``home``, ``end``)."""
        scroll_by_key(self.query_one("#detail-body", VerticalScroll), how)

    # -- search -------------------------------------------------------------------------------

    def step_to_match(self, index: SearchIndex, query: str, step: int) -> MatchPosition | None:
        """Show the next (or previous) activity by date whose title, description or a
        post's caption matches ``query``, in place of this one."""
        from tui_planner.ui.search import step_activities

        found = step_activities(
            self.state, index.matching_activities(query), self.activity_id, step
        )
        if found is None:
            return None
        activity_id, where = found
        if activity_id != self.activity_id:
            self.activity_id = activity_id
            self._stories_asked = False
            self.query_one("#detail-body", VerticalScroll).scroll_home(animate=False)
            self.state_changed(self.state)
        return where

    # -- which keys apply ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        activity = self.activity
        has_posts = bool(activity and activity.posts)
        if action == "generate":
            return activity is not None and not activity.items
        if action in ("preview", "regenerate", "regenerate_image", "set_image", "clear_posts"):
            return has_posts
        if action in ("regenerate_stories", "clear_stories"):
            return questions.story_key_state(activity, self.generating, action)
        return True

    # -- editing ------------------------------------------------------------------------------

    def action_edit(self) -> None:
        """Open the title, description and date in the activity form, filled in."""
        activity = self.activity
        if activity is None:
            return
        state = self.state
        self.app.push_screen(
            ActivityForm(
                day=activity.date.astimezone(self.host.clock.tz).date(),
                plan_start=state.plan_start,
                plan_end=state.plan_end,
                tz=self.host.clock.tz,
                today=self.host.clock.today(),
                activity=activity,
            )
        )

    def action_back(self) -> None:
        """Go back to where the activity was opened from."""
        self.dismiss()

    # -- actions ------------------------------------------------------------------------------

    def action_preview(self) -> None:
        """Open the post preview for this activity."""
        try:
            # Imported on use: the preview pulls in image rendering only when needed.
            from tui_planner.ui.screens.post_preview import PostPreviewScreen
        except ImportError:
            self.notify("The post preview is not available.", severity="warning")
            return
        self.app.push_screen(PostPreviewScreen(self.activity_id))

    def action_generate(self) -> None:
        """Generate this activity's posts."""
        self._stories_asked = False
        self.host.submit(GeneratePosts((self.activity_id,)))

    def action_regenerate(self) -> None:
        """Replace every post's captions and image with new ones, after asking."""
        if self.activity is not None:
            self._confirm_then(questions.regenerate_posts(self.activity))

    def action_regenerate_image(self) -> None:
        """Replace the posts' image with a new one, after asking; captions stay."""
        if self.activity is not None:
            self._confirm_then(questions.regenerate_image(self.activity))

    def action_set_image(self) -> None:
        """Use an image from a web address for every post."""

        def chosen(url: str | None) -> None:
            if url:
                self.host.submit(UpdatePostsMedia(self.activity_id, url))

        self.app.push_screen(
            TextPromptDialog(
                "Use your own image",
                help="Every post of this activity gets this image; captions stay.",
                placeholder="https://static.wixstatic.com/media/….jpg",
                check=check_image_url,
            ),
            chosen,
        )

    def action_clear_posts(self) -> None:
        """Remove every post of this activity, after asking."""
        if self.activity is not None:
            self._confirm_then(questions.clear_posts(self.activity))

    def action_regenerate_stories(self) -> None:
        """Replace the story drafts with new ones, after asking; or say why there are none."""
        if self.activity is None:
            return
        asked = questions.regenerate_stories(self.activity)
        if isinstance(asked, questions.Refusal):
            self.notify(asked.body, title=asked.title, severity="warning")
        else:
            self._confirm_then(asked)

    def action_clear_stories(self) -> None:
        """Remove the story drafts of this activity, after asking; other stories stay."""
        if self.activity is not None:
            self._confirm_then(questions.clear_stories(self.activity))

    def action_delete(self) -> None:
        """Delete the activity, after asking; the screen closes."""
        if self.activity is not None:
            asked = questions.delete_activity(self.activity, self.host.clock.tz)
            self._confirm_then(asked, then=self._close_deleted)

    def _close_deleted(self) -> None:
        self._leaving = True
        self.dismiss()

    def _confirm_then(
        self, question: questions.Question, then: Callable[[], object] | None = None
    ) -> None:
        # A callback rather than a worker: the delete closes this screen, which must not
        # happen from inside one of the screen's own workers.
        command = question.command

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                if isinstance(command, (RegeneratePosts, RegeneratePostsMedia, RegenerateStories)):
                    self._stories_asked = isinstance(command, RegenerateStories)
                self.host.submit(command)
                if then is not None:
                    then()

        self.app.push_screen(ConfirmDialog(question.title, question.body, question.label), answered)

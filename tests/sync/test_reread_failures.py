"""A command the server carried out stays carried out when the read after it fails.

Setting the image, clearing posts or stories and canceling a post (whose answer is partial)
read the posts again after the write. If that read fails, the write has still happened: the
outcome is ok, the plan shows the change, and the next poll brings the server's own view.
Found by the fault soak (tests/soak/, seed 41 over an hour): with a fifth of requests failing,
the re-read failed now and then, and the app said "Could not set the image" about posts
whose image it had set, and rolled the change back on screen.
"""

from __future__ import annotations

import pytest

from tests.sync.sync_fakes import FakeApi, make_item
from tui_planner.api.errors import ServerError
from tui_planner.api.models import ChannelName, ItemStatus
from tui_planner.store import Store
from tui_planner.store.selectors import item
from tui_planner.sync import CancelItem, ClearPosts, Command, SyncEngine, UpdatePostsMedia

URL = "https://static.example/new.png"


def shown(store: Store) -> object:
    """a1's items, fb1's image and fb2's status, as the app shows them."""
    fb1, fb2 = item(store.state, "fb1"), item(store.state, "fb2")
    return (
        tuple(e.id for e in store.state.activities["a1"].items),
        fb1[1].image if fb1 else None,
        fb2[1].status if fb2 else None,
    )


@pytest.mark.parametrize(
    ("command", "effect"),
    [
        pytest.param(
            UpdatePostsMedia("a1", URL),
            (("fb1", "ig1", "li1"), URL, ItemStatus.SCHEDULED),
            id="UpdatePostsMedia",
        ),
        pytest.param(ClearPosts("a1"), ((), None, ItemStatus.SCHEDULED), id="ClearPosts"),
        pytest.param(
            CancelItem("fb2"), (("fb1", "ig1", "li1"), None, ItemStatus.CANCELED), id="CancelItem"
        ),
    ],
)
async def test_a_failed_read_after_the_write_keeps_the_command_done(
    engine: SyncEngine, store: Store, api: FakeApi, command: Command, effect: object
) -> None:
    api.activities["a2"] = api.activities["a2"].model_copy(
        update={"items": (make_item("fb2", ChannelName.FACEBOOK, ItemStatus.SCHEDULED),)}
    )
    await engine.run_once()
    api.fail("get_marketing_activity_posts", ServerError("Unavailable", status=503))

    outcome = await engine.execute(command)

    assert outcome.ok, outcome.message
    assert store.state.last_error is None
    assert shown(store) == effect
    await engine.run_once()
    assert shown(store) == effect, "the next poll agrees with what was shown"

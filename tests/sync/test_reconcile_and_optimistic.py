"""Reconciliation keeps identity; optimistic patches layer over the server's truth."""

from __future__ import annotations

from datetime import timedelta

from tests.sync.sync_fakes import START, make_activity, make_item
from tui_planner.api.models import (
    ActivityPosts,
    ItemStatus,
    MarketingSettings,
    PlanStatus,
    Settings,
    Topics,
)
from tui_planner.sync import (
    ClearPosts,
    DeleteItem,
    GeneratePosts,
    PlanData,
    RegeneratePlan,
    RescheduleItem,
    ScheduleDrafts,
    UpdateActivity,
    UpdateItemCaption,
    UpdatePostsMedia,
    UpsertSettings,
)
from tui_planner.sync.optimistic import layer, optimistic_patch, settings_with_mask
from tui_planner.sync.reconcile import (
    fold_plan_items,
    fold_queried_items,
    merge_activity_posts,
    reconcile_activities,
    replace_items,
)


def truth() -> PlanData:
    activities = {
        "a1": make_activity("a1", items=(make_item("fb1"), make_item("fb2"))),
        "a2": make_activity("a2"),
    }
    return PlanData(PlanStatus.ACTIVE, activities)


def test_reconcile_returns_the_previous_mapping_when_nothing_changed() -> None:
    data = truth()
    again = [a.model_copy(deep=True) for a in data.activities.values()]

    assert reconcile_activities(data.activities, again) is data.activities


def test_replace_items_keeps_activities_whose_items_read_the_same() -> None:
    data = truth()
    same = [make_item("fb1"), make_item("fb2")]

    assert replace_items(data.activities, same) is data.activities


def test_replace_items_swaps_a_changed_item_and_keeps_the_other_activities() -> None:
    data = truth()
    scheduled = make_item("fb2", status=ItemStatus.SCHEDULED)

    replaced = replace_items(data.activities, [make_item("fb1"), scheduled])

    assert replaced["a1"].items == (data.activities["a1"].items[0], scheduled)
    assert replaced["a2"] is data.activities["a2"]


def test_reconcile_replaces_only_what_changed() -> None:
    data = truth()
    renamed = data.activities["a2"].model_copy(update={"title": "New"})

    merged = reconcile_activities(data.activities, [data.activities["a1"], renamed])

    assert merged["a1"] is data.activities["a1"]
    assert merged["a2"] is renamed


def test_merging_posts_ignores_unknown_activities_and_keeps_equal_ones() -> None:
    data = truth()
    same = ActivityPosts(marketing_activity_id="a1", items=data.activities["a1"].items)
    stray = ActivityPosts(marketing_activity_id="zz", items=(make_item("x"),))

    assert merge_activity_posts(data.activities, [same, stray]) is data.activities


def test_patches_layer_in_order_and_leave_the_truth_alone() -> None:
    data = truth()
    patches = [
        optimistic_patch(ScheduleDrafts(("fb1",)), "local-1"),
        optimistic_patch(UpdateActivity("a2", title="Renamed"), "local-2"),
        optimistic_patch(RegeneratePlan(), "local-3"),
    ]

    shown = layer(data, patches)

    assert shown.activities["a1"].items[0].status == ItemStatus.SCHEDULED
    assert shown.activities["a1"].items[1].status == ItemStatus.DRAFT
    assert shown.activities["a2"].title == "Renamed"
    assert shown.plan_status == PlanStatus.GENERATING
    assert data.activities["a1"].items[0].status == ItemStatus.DRAFT


def test_reschedule_clear_and_set_image_patches() -> None:
    data = truth()
    when = START + timedelta(days=3)

    moved = layer(data, [optimistic_patch(RescheduleItem("fb2", when), "l")])
    cleared = layer(data, [optimistic_patch(ClearPosts("a1"), "l")])
    imaged = layer(data, [optimistic_patch(UpdatePostsMedia("a1", "https://x/y.png"), "l")])

    assert moved.activities["a1"].items[1].scheduled_date == when
    assert cleared.activities["a1"].items == ()
    assert {i.image for i in imaged.activities["a1"].items} == {"https://x/y.png"}


def test_commands_only_the_server_can_carry_out_change_nothing_yet() -> None:
    data = truth()

    assert layer(data, [optimistic_patch(GeneratePosts(("a2",)), "l")]) is data


def test_settings_patch_takes_only_the_masked_paths() -> None:
    current = MarketingSettings(
        settings=Settings(tone_of_voice="warm", topics=Topics(included=("mugs",)))
    )
    sent = MarketingSettings(settings=Settings(tone_of_voice="bold"))

    merged = settings_with_mask(current, sent, ["settings.toneOfVoice"])
    shown = layer(
        PlanData(settings=current),
        [optimistic_patch(UpsertSettings(sent, ("settings.topics",)), "l")],
    )

    assert merged.settings.tone_of_voice == "bold"
    assert merged.settings.topics == Topics(included=("mugs",))
    assert shown.settings is not None
    assert shown.settings.settings.topics is None, "a masked path missing from the body clears"
    assert shown.settings.settings.tone_of_voice == "warm"


def test_folding_the_plan_into_the_site_posts_touches_only_what_changed() -> None:
    data = truth()
    folded = fold_plan_items(data.items, {}, data.activities)
    assert set(folded) == {"fb1", "fb2"}

    assert fold_plan_items(folded, data.activities, data.activities) is folded
    same_again = {key: value.model_copy() for key, value in data.activities.items()}
    assert fold_plan_items(folded, data.activities, same_again) is folded, "equal: no change"

    edited = make_activity("a1", items=(make_item("fb1", caption="New"),))
    after = fold_plan_items(folded, data.activities, {**data.activities, "a1": edited})
    assert after["fb1"].text == "New"
    assert "fb2" not in after, "a draft the activity no longer holds is gone"


def test_a_complete_query_answer_replaces_the_posts_but_keeps_the_plans() -> None:
    data = truth()
    folded = fold_plan_items(data.items, {}, data.activities)
    other = make_item("x1", status=ItemStatus.PUBLISHED)

    after = fold_queried_items(folded, (other, folded["fb1"]), data.activities, complete=True)
    again = fold_queried_items(after, (other, folded["fb1"]), data.activities, complete=True)

    assert set(after) == {"x1", "fb1", "fb2"}
    assert after["fb1"] is folded["fb1"]
    assert again is after, "nothing new: the same mapping"
    gone = fold_queried_items(after, (folded["fb1"],), data.activities, complete=True)
    assert "x1" not in gone
    capped = fold_queried_items(after, (folded["fb1"],), data.activities, complete=False)
    assert "x1" in capped, "a capped answer does not say what is gone"


def test_a_pending_caption_edit_shows_in_the_plan_and_among_the_site_posts() -> None:
    data = truth()
    data = PlanData(
        data.plan_status,
        data.activities,
        items=fold_plan_items(data.items, {}, data.activities),
    )

    shown = layer(data, [optimistic_patch(UpdateItemCaption("fb1", "Fresh"), "local-1")])

    assert shown.activities["a1"].items[0].text == "Fresh"
    assert shown.items["fb1"].text == "Fresh"
    assert shown.items["fb2"] is data.items["fb2"]
    gone = layer(data, [optimistic_patch(DeleteItem("fb2"), "local-2")])
    assert [e.id for e in gone.activities["a1"].items] == ["fb1"]
    assert "fb2" not in gone.items

"""Calls to action by plan goal, in the forms each network allows.

``LINKED`` carry the site link (Facebook, LinkedIn, X, Pinterest, GBP); ``IN_BIO`` point to
the profile link, because Instagram and TikTok captions do not make links clickable. A template
whose ``{url}`` is unavailable (the site name mentions an excluded topic) is skipped.
"""

from __future__ import annotations

from tui_planner.api.models import PlanGoal

__all__ = ["EVENT_IN_BIO", "EVENT_LINKED", "GBP_ACTIONS", "IN_BIO", "LINKED", "LINK_PATHS"]

LINKED: dict[PlanGoal | None, tuple[str, ...]] = {
    PlanGoal.BOOST_SALES: (
        "Shop now at {url}",
        "Shop the {product} at {url}",
        "Order yours today: {url}",
        "Shop now; stock is small-batch and goes fast.",
    ),
    PlanGoal.BRAND_AWARENESS: (
        "Follow along for more stories from {place}.",
        "Share this with someone who'd love it.",
        "Come and say hello in {city}, or meet {us} at {url}",
    ),
    PlanGoal.DRIVE_TRAFFIC: (
        "Read more on {our} site: {url}",
        "Read the full story at {url}",
        "Find out more at {url}",
    ),
    PlanGoal.COLLECT_LEADS: (
        "Sign up for {our} newsletter at {url} and hear it first.",
        "Join the list at {url}",
        "Get on the waitlist: {url}",
        "Sign up for the newsletter and be first to know.",
    ),
    None: (
        "Find out more at {url}",
        "Visit {us} in {city} or at {url}",
        "Come and see {us} in {city}.",
    ),
}
"""Calls to action that may carry a link."""

IN_BIO: dict[PlanGoal | None, tuple[str, ...]] = {
    PlanGoal.BOOST_SALES: ("Shop now: the link is in the bio.", "Tap the link in bio to shop."),
    PlanGoal.BRAND_AWARENESS: (
        "Follow for more from {place}.",
        "Send this to a friend who needs it.",
    ),
    PlanGoal.DRIVE_TRAFFIC: (
        "Read more on the website: link in bio.",
        "The full story is one tap away, link in bio.",
    ),
    PlanGoal.COLLECT_LEADS: (
        "Join the list: the sign-up link is in the bio.",
        "Sign up through the link in bio and hear it first.",
    ),
    None: ("More through the link in bio.", "Come and see {us} in {city}."),
}
"""Calls to action for networks where captions cannot link."""

LINK_PATHS: dict[PlanGoal | None, str] = {
    PlanGoal.BOOST_SALES: "/shop",
    PlanGoal.BRAND_AWARENESS: "/about",
    PlanGoal.DRIVE_TRAFFIC: "/blog",
    PlanGoal.COLLECT_LEADS: "/newsletter",
    None: "",
}
"""Where on the site each goal sends people."""

GBP_ACTIONS: dict[PlanGoal | None, str] = {
    PlanGoal.BOOST_SALES: "SHOP",
    PlanGoal.BRAND_AWARENESS: "LEARN_MORE",
    PlanGoal.DRIVE_TRAFFIC: "LEARN_MORE",
    PlanGoal.COLLECT_LEADS: "SIGN_UP",
    None: "LEARN_MORE",
}
"""The Google Business Profile button for each goal."""

EVENT_LINKED: tuple[str, ...] = (
    "Details and directions at {url}",
    "All the details: {url}",
    "See you there!",
    "Come and find {us} in {city}.",
)
"""Calls to action before and on an event's day, whatever the goal: get people there."""

EVENT_IN_BIO: tuple[str, ...] = (
    "Details through the link in bio.",
    "Save this post for later.",
    "See you there!",
)
"""The same for networks where captions cannot link."""

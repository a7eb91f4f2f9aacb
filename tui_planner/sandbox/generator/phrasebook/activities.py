"""Titles and descriptions of planned activities, by theme and goal."""

from __future__ import annotations

from tui_planner.api.models import PlanGoal

from ..themes import Theme

__all__ = ["DESCRIPTIONS", "GOAL_AIMS", "GOAL_TITLES", "TITLES", "TOPIC_TITLES"]

TITLES: dict[Theme, tuple[str, ...]] = {
    Theme.PRODUCT_SPOTLIGHT: (
        "Spotlight: the {product}",
        "Meet the {product}",
        "Why everyone is reaching for the {product}",
        "The {product}, up close",
        "Back in stock: the {item}",
        "New favourite alert: the {product}",
    ),
    Theme.BEHIND_THE_SCENES: (
        "Behind the scenes: {moment}",
        "A day at {place}: {moment}",
        "How the {item} gets made",
        "Caught in the act: {moment}",
        "From {place}: {moment}",
    ),
    Theme.CUSTOMER_STORY: (
        "Customer love: the {item} at home",
        "Spotted in the wild: the {item}",
        "Five stars for the {item}: a customer's story",
        "Your photos: the {item} in real kitchens",
        "A customer story from {city}",
    ),
    Theme.HOW_TO: (
        "Care tips for the {item}",
        "How to get the most from the {product}",
        "Quick tip from {place}",
        "Tips for {audience_short}",
        "The one habit that keeps the {item} looking new",
    ),
    Theme.SEASONAL: (
        "{Season} at {place}: the {product}",
        "{Season} table ideas with the {item}",
        "Getting ready for {season}",
        "{Season} picks from {name}",
        "Small {season} rituals, made by hand",
    ),
    Theme.OFFER: (
        "This week only: {offer}",
        "Treat yourself: {offer}",
        "A little thank-you: {offer}",
        "Offer of the week: {offer}",
    ),
    Theme.EVENT_LEAD_UP: (
        "Countdown to {event}",
        "{event} is almost here",
        "Save the date: {event}",
        "Getting ready for {event}",
    ),
    Theme.EVENT_DAY: (
        "Today: {event}",
        "{event} is here",
        "It's {event} day",
        "See you at {event}",
    ),
    Theme.EVENT_FOLLOW_UP: (
        "Thank you for {event}",
        "{event}: the highlights",
        "After {event}: what's next",
        "Recap: {event}",
    ),
    Theme.BLOG_LISTICLE: (
        "{n} ways to style the {item} at home",
        "{n} small habits that make the {item} last for years",
        "{n} gift ideas for {audience_short}",
        "{n} things to know before your first visit to {place}",
    ),
    Theme.BLOG_GUIDE: (
        "Everything you need to know about the {product}",
        "Caring for the {item}: the complete guide",
        "How the {item} is made, step by step",
        "A first-timer's guide to {place}",
    ),
    Theme.BLOG_STORY: (
        "The story behind the {item}",
        "Why {name} does things the slow way",
        "Inside {place}: {moment}",
        "A year in {city}: notes from {place}",
    ),
    Theme.EMAIL_NEWSLETTER: (
        "{Month} newsletter: news from {place}",
        "Newsletter: what's new at {name}",
        "Inbox update: the {product} and more",
        "{Month} letter from {place}",
    ),
    Theme.EMAIL_OFFER: (
        "Subscribers first: {offer}",
        "Email offer: {offer}",
        "For your inbox only: {offer}",
    ),
}
"""Activity titles; ``{slots}`` come from the profile and the activity's date."""

TOPIC_TITLES: dict[Theme, tuple[str, ...]] = {
    Theme.PRODUCT_SPOTLIGHT: ("{topic} spotlight: the {product}", "The {product} and {topic}"),
    Theme.BEHIND_THE_SCENES: ("Behind the scenes of {topic}", "{topic}, from the inside"),
    Theme.CUSTOMER_STORY: ("Customer stories: {topic} at home", "Your take on {topic}"),
    Theme.HOW_TO: ("Tips on {topic}", "How to start with {topic}"),
    Theme.SEASONAL: ("{Season} and {topic}", "A {season} guide to {topic}"),
    Theme.OFFER: ("{topic} week: {offer}", "Celebrating {topic}: {offer}"),
    Theme.BLOG_LISTICLE: (
        "{n} things nobody tells you about {topic}",
        "{n} ways to bring {topic} into everyday life",
    ),
    Theme.BLOG_GUIDE: ("A beginner's guide to {topic}", "{topic}: a practical guide"),
    Theme.BLOG_STORY: ("The story of {topic} at {name}", "What {topic} taught {name}"),
    Theme.EMAIL_NEWSLETTER: ("Newsletter: all about {topic}", "{Month} letter: {topic}"),
    Theme.EMAIL_OFFER: ("{topic} week, subscribers first: {offer}",),
}
"""Titles that carry one of the user's included topics."""

GOAL_TITLES: dict[PlanGoal, dict[Theme, tuple[str, ...]]] = {
    PlanGoal.BOOST_SALES: {
        Theme.PRODUCT_SPOTLIGHT: ("Shop the {product}", "Bestseller: the {item}, ready to ship"),
        Theme.SEASONAL: ("{Season} gift guide: shop the {item}",),
        Theme.BLOG_GUIDE: ("Buying guide: choosing the right {item}",),
    },
    PlanGoal.BRAND_AWARENESS: {
        Theme.PRODUCT_SPOTLIGHT: ("The story of the {product}",),
        Theme.BEHIND_THE_SCENES: ("Meet the makers: {moment}", "This is {name}: {moment}"),
    },
    PlanGoal.DRIVE_TRAFFIC: {
        Theme.HOW_TO: ("New on the blog: caring for the {item}", "Read: tips for {audience_short}"),
        Theme.PRODUCT_SPOTLIGHT: ("Read the story of the {product}",),
    },
    PlanGoal.COLLECT_LEADS: {
        Theme.OFFER: ("Join the list: {offer}", "Sign up and get {offer}"),
        Theme.HOW_TO: ("Free guide: tips for {audience_short}",),
        Theme.EMAIL_NEWSLETTER: ("Welcome series: first letter from {place}",),
    },
}
"""Extra titles that lean towards the plan's goal; preferred when that goal is set."""

DESCRIPTIONS: dict[Theme, tuple[str, ...]] = {
    Theme.PRODUCT_SPOTLIGHT: (
        "Show off the {product}, {product_note}. One close-up photo and a line on what makes it "
        "special.",
        "Put the {product} front and centre for {audience}: {product_note}.",
    ),
    Theme.BEHIND_THE_SCENES: (
        "Share a behind-the-scenes look at {moment}, to show the care that goes into every piece.",
        "A candid photo of {moment}: real, unpolished and human.",
    ),
    Theme.CUSTOMER_STORY: (
        "Feature a customer's photo of the {product} at home, with their words and a thank-you.",
        "Turn a happy customer's review of the {product} into a short story.",
    ),
    Theme.HOW_TO: (
        "A practical tip for {audience_short}: {tip_lc}.",
        "Answer a question customers often ask, with a tip they can use today: {tip_lc}.",
    ),
    Theme.SEASONAL: (
        "Tie the {product} to the {season} season, with a styled photo and a seasonal idea.",
        "A {season} moment: the {product} in a setting that feels like the time of year.",
    ),
    Theme.OFFER: (
        "Announce {offer}, with a clear deadline and a single next step.",
        "A short, friendly promotion: {offer}.",
    ),
    Theme.EVENT_LEAD_UP: (
        'Build anticipation for "{event}" on {event_date}: what to expect and why to come.',
        'Remind followers about "{event}" on {event_date} and ask them to save the date.',
    ),
    Theme.EVENT_DAY: (
        'Live from "{event}": photos from the day, where to find {us} and what is on.',
        'Day-of post for "{event}": doors open, come by.',
    ),
    Theme.EVENT_FOLLOW_UP: (
        'Thank everyone who came to "{event}", share the best photos and hint at what comes next.',
        'Recap "{event}" with highlights and a thank-you.',
    ),
    Theme.BLOG_LISTICLE: (
        "A skimmable list post for {audience}, linking to the {product} where it fits.",
        "A list article with practical ideas; close with a link to the shop.",
    ),
    Theme.BLOG_GUIDE: (
        "A practical guide for {audience}, with photos and a link to the {product}.",
        "An evergreen how-to article that answers the questions customers ask most.",
    ),
    Theme.BLOG_STORY: (
        "A longer story about {moment}, told in the maker's own words.",
        "A personal post about how {name} works and why: {value}.",
    ),
    Theme.EMAIL_NEWSLETTER: (
        "Newsletter to subscribers: studio news, the {product}, and one tip: {tip_lc}.",
        "Monthly letter: what is new, what is coming, and a photo of {moment}.",
    ),
    Theme.EMAIL_OFFER: (
        "Email subscribers first about {offer}; keep it short with one button.",
        "Subscriber-only offer: {offer}, ahead of social.",
    ),
}
"""What each activity is for, as a planner note."""

GOAL_AIMS: dict[PlanGoal | None, tuple[str, ...]] = {
    PlanGoal.BOOST_SALES: (
        "Aim: turn interest into orders; end with a clear Shop now.",
        "Aim: sales; link straight to the product page.",
    ),
    PlanGoal.BRAND_AWARENESS: (
        "Aim: reach new people; make it shareable and personal.",
        "Aim: awareness; tell the story behind the brand.",
    ),
    PlanGoal.DRIVE_TRAFFIC: (
        "Aim: visits to the website; point readers to read more on the site.",
        "Aim: traffic; every channel links back to the site.",
    ),
    PlanGoal.COLLECT_LEADS: (
        "Aim: newsletter sign-ups; invite readers to join the list.",
        "Aim: leads; offer a reason to sign up.",
    ),
    None: (
        "Keep it friendly and local.",
        "Written for {audience_short} and anyone new to {name}.",
        "Keep the copy short and the photo strong.",
    ),
}
"""A closing line of each description naming the goal the activity serves."""

"""Post copy: hooks, bodies in each point of view, and questions, by theme.

Hooks and questions never speak as the business ("we", "our"): the point of view lives in
the bodies and in the ``{our}``/``{us}`` slots, so a third-person caption stays third person.
"""

from __future__ import annotations

from tui_planner.api.models import PointOfView

from ..themes import Theme

__all__ = ["BODIES", "HOOKS", "QUESTIONS", "SUPPORT_LINES"]

FIRST = PointOfView.FIRST_PERSON
SECOND = PointOfView.SECOND_PERSON
THIRD = PointOfView.THIRD_PERSON

HOOKS: dict[Theme, tuple[str, ...]] = {
    Theme.PRODUCT_SPOTLIGHT: (
        "Say hello to the {product}.",
        "This one has been flying off the shelves.",
        "Some pieces just feel right in your hands.",
        "If you only treat yourself to one thing this month, make it this.",
        "Meet your new everyday favourite.",
    ),
    Theme.BEHIND_THE_SCENES: (
        "Ever wondered what happens before a piece reaches your shelf?",
        "Here's what a normal morning at {place} actually looks like.",
        "No filters, no staging: just {moment}.",
        "Real talk: this part takes forever, and it's worth it.",
    ),
    Theme.CUSTOMER_STORY: (
        "Your photos are the best part of the week.",
        "A customer sent this in and it made everyone smile.",
        "Real homes, real pieces, real stories.",
        "This is why the slow way is worth it.",
    ),
    Theme.HOW_TO: (
        "Quick tip worth saving:",
        "Here's a small trick that makes a big difference.",
        "Save this one for later.",
        "The question everyone asks, answered.",
    ),
    Theme.SEASONAL: (
        "{Season} is here, and your table knows it.",
        "New season, new rituals.",
        "There's something about {season} light.",
        "{Season} plans? Start with your table.",
    ),
    Theme.OFFER: (
        "A little treat, because you deserve it.",
        "Good things come to those who don't wait.",
        "Psst: {offer}.",
        "This one's for you.",
    ),
    Theme.EVENT_LEAD_UP: (
        "Mark your calendar: {event} is coming up.",
        "The countdown to {event} is on.",
        "Only a few more sleeps until {event}.",
    ),
    Theme.EVENT_DAY: (
        "It's here! {event} starts today.",
        "Today's the day: {event}.",
        "The doors are open for {event}.",
    ),
    Theme.EVENT_FOLLOW_UP: (
        "What a day. Thank you for coming to {event}.",
        "{event} was one for the books.",
        "Still smiling after {event}.",
    ),
    Theme.BLOG_GUIDE: (
        "New on the blog: {title}.",
        "Fresh read: {title}.",
        "Grab a coffee; this one's worth the read.",
    ),
    Theme.EMAIL_NEWSLETTER: (
        "The newsletter lands this week.",
        "First dibs, straight to your inbox.",
        "Something good is heading to inboxes.",
    ),
}
"""Opening lines that stop the scroll."""

BODIES: dict[Theme, dict[PointOfView, tuple[str, ...]]] = {
    Theme.PRODUCT_SPOTLIGHT: {
        FIRST: (
            "We made the {product} as {product_note}, and it has quickly become a favourite.",
            "Every piece leaves our hands a little different, which is exactly the point.",
            "We designed it for {audience}, and it shows in the details.",
            "It's the piece we reach for first, every single day.",
        ),
        SECOND: (
            "You'll notice it the moment you pick it up: {product_note}.",
            "Imagine it on your table tomorrow morning, filled with your favourite thing.",
            "You deserve things that are made to be used, not saved for best.",
            "Yours will be one of a kind; no two are ever quite the same.",
        ),
        THIRD: (
            "{name} makes the {product} as {product_note}.",
            "Each {product} from {name} is one of a kind, shaped by hand in {city}.",
            "It's the piece the team at {place} reaches for first.",
            "{name} designed it with {audience} in mind.",
        ),
    },
    Theme.BEHIND_THE_SCENES: {
        FIRST: (
            "This is us {moment}.",
            "Most days start with {moment}, long before the shop opens.",
            "We love this part of the process, even when it's messy.",
            "It's slow work, and we wouldn't have it any other way.",
        ),
        SECOND: (
            "You're looking at {moment}.",
            "Every piece you bring home starts right here.",
            "You'd be surprised how many hands touch a single piece before it reaches you.",
            "Now you know why no two of your pieces are ever quite the same.",
        ),
        THIRD: (
            "At {name}, the day often starts with {moment}.",
            "Every step happens by hand, right here in {city}.",
            "{name} keeps the process slow on purpose: it's how the work stays good.",
            "It's messy, it's slow, and the team loves it.",
        ),
    },
    Theme.CUSTOMER_STORY: {
        FIRST: (
            "We love seeing where our pieces end up, and this {product} found a very good home.",
            "Messages like this are why we do what we do.",
            "Thank you for trusting us with your everyday moments.",
        ),
        SECOND: (
            "Your table, your rituals, your {product}: this is what it's all about.",
            "You shared this photo of your {product}, and it made the whole week.",
            "When you use your pieces every day, they become part of your story.",
            "Keep sharing your photos; you never know who you'll inspire.",
        ),
        THIRD: (
            "A {name} customer shared this photo of their {product} at home.",
            "{name} loves seeing where its pieces end up, and this one landed somewhere special.",
            "Stories like this are why the team does what it does.",
        ),
    },
    Theme.HOW_TO: {
        FIRST: (
            "Here's one we share in every class: {tip_lc}.",
            "We get asked this a lot, so here's the short answer: {tip_lc}.",
            "Our favourite small habit: {tip_lc}.",
        ),
        SECOND: (
            "{tip}. Your future self will thank you.",
            "{tip}. You'll notice the difference straight away.",
            "You don't need special tools for this one: {tip_lc}.",
        ),
        THIRD: (
            "The team at {name} swears by this: {tip_lc}.",
            "{name_pos} most-asked question has a simple answer: {tip_lc}.",
            "{tip}. It's advice the team gives in every class.",
        ),
    },
    Theme.SEASONAL: {
        FIRST: (
            "We've been getting ready for {season} with the {product}.",
            "This {season}, we're slowing down and making space for small rituals.",
            "Our {season} pick is the {product}: {product_note}.",
        ),
        SECOND: (
            "Your {season} table deserves a little refresh.",
            "Make this {season} about the small things you use every day.",
            "You'll want the {product} on hand for {season} mornings.",
        ),
        THIRD: (
            "{name} is welcoming {season} with the {product}.",
            "For {season}, it's all about slow, simple rituals at {place}.",
            "{name_pos} {season} pick: the {product}, {product_note}.",
        ),
    },
    Theme.OFFER: {
        FIRST: (
            "We're offering {offer}, just because.",
            "Our way of saying thanks: {offer}.",
            "We don't run offers often, so when we do, we make them count.",
        ),
        SECOND: (
            "You get {offer}, no catch.",
            "Your favourite pieces, now with {offer}.",
            "If you've been waiting for a sign, this is it: {offer}.",
        ),
        THIRD: (
            "{name} is offering {offer}.",
            "{name} rarely runs offers, so this one is worth noticing: {offer}.",
            "A thank-you from {name}: {offer}.",
        ),
    },
    Theme.EVENT_LEAD_UP: {
        FIRST: (
            "We're getting everything ready for {event} and can't wait to see you there.",
            "We've been planning this one for weeks, and it's nearly time.",
            "Save the date; we'll save you a spot.",
        ),
        SECOND: (
            "You won't want to miss {event}.",
            "Bring a friend, bring your questions, and bring your curiosity.",
            "Put it in your calendar now so you don't forget.",
        ),
        THIRD: (
            "{name} is getting ready for {event}.",
            "The team has been preparing for weeks.",
            "Everyone is welcome, and {name} can't wait.",
        ),
    },
    Theme.EVENT_DAY: {
        FIRST: (
            "We're all set up and the coffee's on.",
            "Come say hi; we'll be here all day.",
            "We've got a few surprises planned for {event}.",
        ),
        SECOND: (
            "Your plans for today just got better.",
            "You can drop by any time, no booking needed.",
            "If you're nearby, you know where to find the fun.",
        ),
        THIRD: (
            "{name} is open and ready for {event}.",
            "The whole team will be there all day.",
            "{name} has a few surprises planned for the day.",
        ),
    },
    Theme.EVENT_FOLLOW_UP: {
        FIRST: (
            "Thank you to everyone who came to {event}; we're still smiling.",
            "We loved meeting so many of you.",
            "We're already planning the next one.",
        ),
        SECOND: (
            "If you came to {event}, thank you for making it so special.",
            "You missed it? Don't worry, there's more to come.",
            "Your energy made the day.",
        ),
        THIRD: (
            "{name} says a big thank-you to everyone who came to {event}.",
            "The team is already planning the next one.",
            "It was a joy, thanks to everyone who joined {name}.",
        ),
    },
    Theme.BLOG_GUIDE: {
        FIRST: (
            "We've put everything we know into one easy read.",
            "We wrote this one for {audience}.",
            "It's the post we wish we'd had when we started.",
        ),
        SECOND: (
            "You'll come away with ideas you can use today.",
            "If you've ever wondered about {topic}, this one's for you.",
            "It takes five minutes, and you'll see your {product} differently.",
        ),
        THIRD: (
            "{name} has put its best advice into one easy read.",
            "The new post from {name} is written for {audience}.",
            "It covers everything {name} has learned about {topic}.",
        ),
    },
    Theme.EMAIL_NEWSLETTER: {
        FIRST: (
            "This month's newsletter is packed with news, new pieces and a little subscriber perk.",
            "We save our best news for the newsletter.",
            "It's short, friendly and lands once or twice a month, and we keep it that way.",
        ),
        SECOND: (
            "You'll get the news first, plus {offer}.",
            "Your inbox deserves something nicer than receipts.",
            "You can unsubscribe any time, but you won't want to.",
        ),
        THIRD: (
            "{name_pos} newsletter goes out this week with news, new pieces and a subscriber perk.",
            "Subscribers always hear the news first.",
            "The {name} newsletter is short, friendly and worth opening.",
        ),
    },
}
"""The middle of a caption, written once for each point of view."""

SUPPORT_LINES: dict[PointOfView, dict[str, tuple[str, ...]]] = {
    FIRST: {
        "value": ("It's what we're about: {value}.", "Our promise never changes: {value}."),
        "audience": ("Made for {audience}.", "We make every piece for {audience}."),
        "topic": ("This week we're all about {topic}.", "Our focus lately: {topic}."),
    },
    SECOND: {
        "value": ("What you can count on: {value}.", "You get {value}, every time."),
        "audience": (
            "Made for you: {audience}.",
            "Made with {audience} in mind, which probably means you.",
        ),
        "topic": (
            "If you love {topic}, you're in the right place.",
            "Your {topic} moment starts here.",
        ),
    },
    THIRD: {
        "value": ("{Place} stands for {value}.", "At {name}, it's simple: {value}."),
        "audience": ("Every piece is made for {audience}.", "Made by {name} for {audience}."),
        "topic": (
            "The focus at {place} this week: {topic}.",
            "Lately, {name} has been focused on {topic}.",
        ),
    },
}
"""Lines that bring in the value proposition, audience and included topic."""

QUESTIONS: dict[Theme | None, tuple[str, ...]] = {
    None: ("Which one would you pick?", "What would you pair it with?", "Have you tried this yet?"),
    Theme.PRODUCT_SPOTLIGHT: ("Where would yours live: kitchen, desk or bedside?",),
    Theme.BEHIND_THE_SCENES: ("Would you give this a try yourself?", "Which step surprised you?"),
    Theme.BLOG_GUIDE: ("What should the next post be about?",),
    Theme.EMAIL_NEWSLETTER: ("Already on the list?", "What would you like to read about?"),
    Theme.CUSTOMER_STORY: ("Where does your favourite piece live? Show {us} in the comments.",),
    Theme.HOW_TO: ("Got a tip of your own? Share it below.",),
    Theme.OFFER: ("Who would you treat?",),
    Theme.EVENT_LEAD_UP: ("Will you be there?", "Who are you bringing?"),
    Theme.EVENT_DAY: ("Coming by later?",),
    Theme.EVENT_FOLLOW_UP: ("What was your highlight?",),
    Theme.SEASONAL: ("What's your favourite {season} ritual?",),
}
"""Questions that invite comments. Themes about products also borrow the general ones."""
